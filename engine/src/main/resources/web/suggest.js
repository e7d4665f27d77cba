// The phone page's 意见建议 tab: anyone who passed face authentication suggests (a citizen's token from
// /api/v1/auth/citizen, or a representative's), follows their suggestions to the answer, and rates it once.
// It keeps to its own section and words; app.js hands over after sign-in through window.PingyiSuggest.
(() => {
  const $ = (id) => document.getElementById(id);
  const WORDS = {
    zh: {
      tabBallot: "评议", tabSuggest: "意见建议", formTitle: "提出意见建议", topic: "领域", department: "建议由哪个部门办理（可选）",
      anyDepartment: "不指定，由办公室分派", text: "意见建议（2000字以内）", phone: "手机号（可选，有答复时短信通知您）",
      send: "提交", sending: "正在提交……", sent: "已提交，编号 ", count: (n) => `${n} / 2000`,
      mineTitle: "我的意见建议", none: "您还没有提出意见建议。", due: "应答复日期：", answer: "答复", adopted: "已采纳",
      notAdopted: "未采纳", plan: "落实计划：", rate: "您对答复满意吗？", satisfied: "满意", dissatisfied: "不满意",
      comment: "补充说明（可选）", merged: (id) => `与编号 ${id} 的建议合并办理，答复如下。`, thanks: "感谢您的评价。",
      citizenTitle: "以市民身份提出意见建议", citizenNote: "演示模式：任意填写一个标识，模拟一位刷脸认证的市民。",
      citizenLabel: "市民标识（演示）", citizenButton: "以市民身份登录", onlyRepresentatives: "评议仅限市民代表；您可以提出意见建议。",
      status: { received: "已受理", assigned: "办理中", answered: "已答复", closed: "已办结", reopened: "重新办理中", merged: "已合并" },
      steps: { submitted: "提交", assigned: "转办", transferred: "改派", answered: "答复", rated: "评价", closed: "办结",
        reopened: "重新办理", merged: "合并", urged: "催办", overdue: "逾期", answer_shared: "收到合并答复", duplicate_merged: "合并相似建议" },
    },
    en: {
      tabBallot: "Ballot", tabSuggest: "Suggestions", formTitle: "Make a suggestion", topic: "Area",
      department: "Department to handle it (optional)", anyDepartment: "Not sure: the office assigns it",
      text: "Your suggestion (up to 2,000 characters)", phone: "Mobile number (optional, for an SMS when it is answered)",
      send: "Submit", sending: "Submitting…", sent: "Submitted, number ", count: (n) => `${n} / 2000`,
      mineTitle: "My suggestions", none: "You have not made a suggestion yet.", due: "Answer due: ", answer: "Answer",
      adopted: "Adopted", notAdopted: "Not adopted", plan: "Plan: ", rate: "Are you satisfied with the answer?",
      satisfied: "Satisfied", dissatisfied: "Not satisfied", comment: "Comment (optional)",
      merged: (id) => `Handled together with suggestion ${id}; its answer follows.`, thanks: "Thank you for rating.",
      citizenTitle: "Suggest as a citizen", citizenNote: "Demo mode: type any name to stand for a face-authenticated citizen.",
      citizenLabel: "Citizen (demo)", citizenButton: "Sign in as a citizen",
      onlyRepresentatives: "Only representatives score; you can make suggestions.",
      status: { received: "Received", assigned: "Being handled", answered: "Answered", closed: "Closed", reopened: "Reopened", merged: "Merged" },
      steps: { submitted: "submitted", assigned: "assigned", transferred: "transferred", answered: "answered", rated: "rated",
        closed: "closed", reopened: "reopened", merged: "merged", urged: "urged", overdue: "overdue", answer_shared: "answer shared",
        duplicate_merged: "duplicate merged" },
    },
  };
  const lang = () => (localStorage.getItem("pingyi.lang") === "en" ? "en" : "zh");
  const w = (key, ...args) => { const v = WORDS[lang()][key]; return typeof v === "function" ? v(...args) : v; };
  const problemText = (reply) => {
    const codes = window.PINGYI_I18N[lang()].codes;
    const code = reply.body && reply.body.code;
    const fields = reply.body && reply.body.errors ? " " + reply.body.errors.map((e) => e.field).join(", ") : "";
    return (codes[code] || code || "HTTP " + reply.status) + fields;
  };
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => {
      if (v == null || v === false) return;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : v);
    });
    children.flat().forEach((c) => c != null && node.append(c));
    return node;
  };
  const day = (iso) => (iso ? new Date(iso).toLocaleDateString(lang() === "zh" ? "zh-CN" : "en-GB") : "");
  /** dueAt is midnight after the last working day: show that day. */
  const dueDay = (iso) => (iso ? day(new Date(Date.parse(iso) - 1000).toISOString()) : "");
  const state = { role: null, edition: null, mine: [], active: false };

  async function call(path, options = {}) {
    const headers = Object.assign({ "Content-Type": "application/json" }, options.headers || {});
    const token = sessionStorage.getItem("pingyi.token");
    if (token) headers.Authorization = "Bearer " + token;
    let response;
    try {
      response = await fetch(path, Object.assign({}, options, { headers }));
    } catch (e) {
      return { status: 0, body: { code: "network" } };
    }
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (response.status === 401 && token && !path.startsWith("/api/v1/auth/")) signedOut();
    return { status: response.status, body };
  }

  function signedOut() {
    sessionStorage.removeItem("pingyi.token");
    sessionStorage.removeItem("pingyi.role");
    location.reload();
  }

  function setTab(suggesting) {
    state.active = suggesting;
    document.body.classList.toggle("suggesting", suggesting);
    $("suggest").hidden = !suggesting;
    $("tabSuggest").setAttribute("aria-pressed", String(suggesting));
    $("tabBallot").setAttribute("aria-pressed", String(!suggesting));
    if (suggesting) render();
  }

  /** After any sign-in: the tabs appear; a citizen has only this one. */
  function signedIn(role) {
    state.role = role;
    $("tabs").hidden = false;
    $("tabBallot").hidden = role === "citizen";
    if (role === "citizen") setTab(true);
  }

  async function citizenLogin(idToken) {
    const reply = await call("/api/v1/auth/citizen", { method: "POST", body: JSON.stringify({ idToken }) });
    if (reply.status !== 200) {
      $("messageText").textContent = problemText(reply);
      $("message").hidden = false;
      return false;
    }
    sessionStorage.setItem("pingyi.token", reply.body.accessToken);
    sessionStorage.setItem("pingyi.role", "citizen");
    signedIn("citizen");
    return true;
  }

  async function demoCitizen(event) {
    event.preventDefault();
    const reply = await call("/api/v1/dev/face-auth", { method: "POST", body: JSON.stringify({ citizenSubject: $("citizenSubject").value.trim() }) });
    if (reply.status !== 200) { $("citizenProblem").textContent = problemText(reply); $("citizenProblem").hidden = false; return; }
    await citizenLogin(reply.body.idToken);
  }

  /** In demo mode the sign-in section also offers a citizen's sign-in. */
  async function offerDemoCitizen() {
    const probe = await fetch("/api/v1/dev/face-auth").catch(() => null);
    if (!probe || probe.status !== 200 || $("demoCitizen")) return;
    $("signin").append(el("form", { id: "demoCitizen", class: "sg-card", onsubmit: demoCitizen },
      el("h3", { "data-sg": "citizenTitle" }, w("citizenTitle")),
      el("p", { class: "hint", "data-sg": "citizenNote" }, w("citizenNote")),
      el("label", { for: "citizenSubject", "data-sg": "citizenLabel" }, w("citizenLabel")),
      el("input", { id: "citizenSubject", value: "demo-citizen-1", autocomplete: "off", required: true }),
      el("button", { class: "secondary", type: "submit", "data-sg": "citizenButton" }, w("citizenButton")),
      el("p", { id: "citizenProblem", class: "problem", role: "alert", hidden: true })));
  }

  async function render() {
    if (!state.edition) {
      state.edition = await fetch("/api/v1/edition").then((r) => r.json()).catch(() => null);
      if (!state.edition) return;
    }
    const root = $("suggest");
    const topics = state.edition.suggestionTopics || [];
    const departments = state.edition.groups.flatMap((g) => g.departments);
    const count = el("span", { id: "sgCount", class: "hint" }, w("count", 0));
    const text = el("textarea", { id: "sgText", rows: "5", maxlength: "2000", required: true,
      oninput: () => { count.textContent = w("count", [...text.value].length); } });
    const form = el("form", { id: "sgForm", class: "sg-card", onsubmit: submit },
      el("h2", {}, w("formTitle")),
      state.role === "citizen" ? el("p", { class: "hint" }, w("onlyRepresentatives")) : null,
      el("label", { for: "sgTopic" }, w("topic")),
      el("select", { id: "sgTopic", required: true }, topics.map((t) => el("option", { value: t.code }, t.label))),
      el("label", { for: "sgDepartment" }, w("department")),
      el("select", { id: "sgDepartment" }, el("option", { value: "" }, w("anyDepartment")),
        departments.map((d) => el("option", { value: d.code }, d.name))),
      el("label", { for: "sgText" }, w("text")), text, count,
      el("label", { for: "sgPhone" }, w("phone")),
      el("input", { id: "sgPhone", type: "tel", inputmode: "numeric", maxlength: "11", autocomplete: "tel" }),
      el("p", { id: "sgProblem", class: "problem", role: "alert", hidden: true }),
      el("p", { id: "sgDone", role: "status" }),
      el("button", { id: "sgSubmit", class: "primary wide", type: "submit" }, w("send")));
    root.replaceChildren(form, el("h2", {}, w("mineTitle")), el("ol", { id: "sgMine", class: "sg-list" }));
    await loadMine();
  }

  async function submit(event) {
    event.preventDefault();
    const body = { topic: $("sgTopic").value, text: $("sgText").value };
    if ($("sgDepartment").value) body.department = $("sgDepartment").value;
    if ($("sgPhone").value.trim()) body.phone = $("sgPhone").value.trim();
    $("sgSubmit").disabled = true;
    $("sgProblem").hidden = true;
    $("sgDone").textContent = w("sending");
    const reply = await call("/api/v1/suggestions", { method: "POST", body: JSON.stringify(body) });
    $("sgSubmit").disabled = false;
    if (reply.status !== 201) {
      $("sgDone").textContent = "";
      $("sgProblem").textContent = problemText(reply);
      $("sgProblem").hidden = false;
      return;
    }
    $("sgText").value = "";
    $("sgCount").textContent = w("count", 0);
    $("sgDone").textContent = w("sent") + reply.body.id;
    await loadMine();
  }

  async function loadMine() {
    const reply = await call("/api/v1/suggestions/mine");
    if (reply.status !== 200) return;
    state.mine = reply.body.suggestions;
    const list = $("sgMine");
    if (!list) return;
    list.replaceChildren(...(state.mine.length ? state.mine.map(card) : [el("li", { class: "hint" }, w("none"))]));
  }

  function card(s) {
    const topic = (state.edition.suggestionTopics.find((t) => t.code === s.topic) || { label: s.topic }).label;
    const answer = s.answer ? el("div", { class: "sg-answer" },
      el("strong", {}, w("answer") + " · " + (s.adopted ? w("adopted") : w("notAdopted"))),
      s.mergedInto ? el("p", { class: "hint" }, w("merged", s.mergedInto)) : null,
      el("p", {}, s.answer), s.plan ? el("p", {}, w("plan") + s.plan) : null) : null;
    return el("li", { class: "sg-item sg-card", "data-id": s.id },
      el("p", { class: "sg-head" }, el("span", {}, `#${s.id} · ${topic} · ${day(s.createdAt)}`),
        el("span", { class: "sg-status", "data-status": s.status }, w("status")[s.status] || s.status)),
      el("p", { class: "sg-text" }, s.text),
      s.dueAt && !s.answer ? el("p", { class: "hint" }, w("due") + dueDay(s.dueAt)) : null,
      answer,
      s.feedbackOpen ? rating(s) : null,
      el("ol", { class: "sg-trail" }, s.trail.map((t) => el("li", {}, `${day(t.at)} ${w("steps")[t.action] || t.action}`))));
  }

  function rating(s) {
    const comment = el("textarea", { rows: "2", maxlength: "500", "aria-label": w("comment"), placeholder: w("comment") });
    const problem = el("p", { class: "problem", role: "alert", hidden: true });
    const rate = async (satisfied) => {
      const body = { satisfied };
      if (comment.value.trim()) body.comment = comment.value.trim();
      const reply = await call(`/api/v1/suggestions/${s.id}/feedback`, { method: "POST", body: JSON.stringify(body) });
      if (reply.status !== 200) { problem.textContent = problemText(reply); problem.hidden = false; return; }
      await loadMine();
    };
    return el("div", { class: "sg-rate" }, el("p", {}, w("rate")), comment,
      el("div", { class: "sg-rate-buttons" },
        el("button", { type: "button", class: "secondary", "data-rate": "yes", onclick: () => rate(true) }, w("satisfied")),
        el("button", { type: "button", class: "secondary", "data-rate": "no", onclick: () => rate(false) }, w("dissatisfied"))),
      problem);
  }

  function relabel() {
    $("tabBallot").textContent = w("tabBallot");
    $("tabSuggest").textContent = w("tabSuggest");
    document.querySelectorAll("[data-sg]").forEach((node) => { node.textContent = w(node.dataset.sg); });
    if (state.active) render();
  }

  $("tabBallot").addEventListener("click", () => setTab(false));
  $("tabSuggest").addEventListener("click", () => setTab(true));
  $("lang").addEventListener("click", () => setTimeout(relabel, 0));
  relabel();
  // A venue's shared tablet (venue.js) is for representatives' ballots only: no citizen sign-in there.
  if (!window.PingyiVenue) offerDemoCitizen();
  window.PingyiSuggest = { signedIn, citizenLogin };
})();
