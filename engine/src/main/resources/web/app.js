// The representative's phone page: sign in (face-auth ID token handed over in the URL fragment, or the demo
// provider), follow the session stream, score the open group, submit once with an Idempotency-Key kept in
// localStorage so a flaky network or a reload never loses or doubles a ballot. On a community venue's shared tablet
// (venue.js: /?venue=<code>) the same page keeps all of that in memory only and forgets each person after their
// receipt (wipe below).
(() => {
  const $ = (id) => document.getElementById(id);
  const I18N = window.PINGYI_I18N;
  const V = window.PingyiVenue;
  const keep = V ? V.memory() : localStorage;   // the pending ballot (its Idempotency-Key) and the language
  const tab = V ? V.memory() : sessionStorage;  // the access token
  // person: who is signed in; an answer that arrives after they were wiped finds another and does nothing.
  const state = { lang: keep.getItem("pingyi.lang") || "zh", token: tab.getItem("pingyi.token"),
    rep: tab.getItem("pingyi.rep"), demo: false, order: [], states: {}, current: null, form: null,
    scores: {}, comments: {}, survey: {}, submitting: false, section: null, stream: null, person: {} };
  const t = (key, ...args) => { const v = I18N[state.lang][key]; return typeof v === "function" ? v(...args) : v; };
  const codeText = (code) => I18N[state.lang].codes[code] || code;

  function applyLanguage() {
    document.documentElement.lang = t("langName");
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    $("lang").textContent = t("switchTo");
    // The accessible name starts with the visible text, in the language it is written in (for screen readers).
    $("lang").setAttribute("aria-label", t("switchLabel"));
    $("lang").lang = t("switchLang");
    if (state.form && !$("ballot").hidden) renderBallot();
  }

  function show(section) {
    ["signin", "waiting", "ballot", "done", "message", "idle"].forEach((id) => { $(id).hidden = id !== section; });
    state.section = section;
    if (V) V.shown(section);
  }

  function message(text) { $("messageText").textContent = text; show("message"); }

  async function api(path, options = {}) {
    const headers = Object.assign({ "Content-Type": "application/json" }, options.headers || {});
    if (state.token) headers.Authorization = "Bearer " + state.token;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { status: response.status, body, retryAfter: response.headers.get("Retry-After") };
  }

  async function login(idToken) {
    const reply = await api("/api/v1/auth/face", { method: "POST", body: JSON.stringify({ idToken }) });
    if (reply.status !== 200) { message(codeText(reply.body && reply.body.code)); return false; }
    state.person = {};
    state.token = reply.body.accessToken;
    state.rep = reply.body.representative.id;
    tab.setItem("pingyi.token", state.token);
    tab.setItem("pingyi.rep", state.rep);
    tab.setItem("pingyi.role", "representative");
    return true;
  }

  async function demoSignIn(event) {
    event.preventDefault();
    const reply = await api("/api/v1/dev/face-auth", { method: "POST", body: JSON.stringify({ representativeId: $("rep").value.trim() }) });
    if (reply.status !== 200) { message(codeText(reply.body && reply.body.code)); return; }
    if (await login(reply.body.idToken)) start();
  }

  function signOut() {
    if (V) { wipe(); return; }
    tab.removeItem("pingyi.token");
    tab.removeItem("pingyi.role");
    state.token = null;
    showSignIn();
  }

  /** Venue mode, after each person: forget everything of theirs and show the start screen to the next. */
  function wipe() {
    Object.assign(state, { token: null, rep: null, current: null, form: null, scores: {}, comments: {}, survey: {},
      submitting: false, person: {}, lang: "zh" });
    keep.clear();
    tab.clear();
    ["receipt", "receiptHash", "checked", "missing", "problem", "groupName", "messageText", "venueCountdown", "idleText"]
      .forEach((id) => { $(id).textContent = ""; });
    $("problem").hidden = true;
    $("departments").replaceChildren();
    $("survey").replaceChildren();
    $("surveyBox").open = false;
    $("rep").value = "";
    // The browser's list of fetched addresses holds the receipt check's /api/v1/receipts/<receipt>.
    if (performance.clearResourceTimings) performance.clearResourceTimings();
    history.replaceState(null, "", V.home);
    applyLanguage();
    showSignIn();
  }

  /** Venue mode: the government app hands the tablet to the next person with a new #idToken=…. */
  async function handOver(idToken) {
    if (state.token) wipe();
    history.replaceState(null, "", V.home);
    if (await login(idToken)) start();
  }

  async function showSignIn() {
    const who = state.person;
    const probe = await fetch("/api/v1/dev/face-auth").catch(() => null);
    if (who !== state.person) return;  // someone signed in meanwhile (a venue's next person)
    state.demo = !!probe && probe.status === 200;
    $("demo").hidden = !state.demo;
    show("signin");
  }

  async function start() {
    if (!V) window.PingyiSuggest.signedIn("representative");  // no suggestions on a venue's shared tablet
    const who = state.person;
    const sessions = await api("/api/v1/sessions");
    if (who !== state.person) return;
    state.order = (sessions.body || []).map((s) => s.id);
    (sessions.body || []).forEach((s) => { state.states[s.id] = s.state; });
    pickSession();
    if (state.stream) return;  // one stream for the page, however many people sign in on it
    state.stream = new EventSource("/api/v1/sessions/stream");
    state.stream.addEventListener("session", (event) => {
      const change = JSON.parse(event.data);
      state.states[change.id] = change.state;
      pickSession();
    });
  }

  function pickSession() {
    if (!state.token) return;
    const open = state.order.find((id) => state.states[id] === "open") || null;
    if (open && open !== state.current) {
      state.current = open;
      loadForm(open);
    } else if (!open && !state.submitting) {
      const wasOn = state.current;
      state.current = null;
      $("waitingText").textContent = wasOn ? t("closedText") : t("waitingText");
      show("waiting");
    }
  }

  function pendingKey() { return `pingyi.pending.${state.rep}.${state.current}`; }

  async function loadForm(sessionId) {
    const who = state.person;
    const reply = await api(`/api/v1/sessions/${sessionId}/ballot-form`);
    if (who !== state.person) return;
    if (reply.status === 401) { signOut(); return; }
    if (reply.status !== 200) { message(codeText(reply.body && reply.body.code)); return; }
    state.form = reply.body;
    if (state.form.alreadyVoted) { keep.removeItem(pendingKey()); showDone(state.form.receipt); return; }
    const pending = JSON.parse(keep.getItem(pendingKey()) || "null");
    state.scores = pending ? pending.body.scores : {};
    state.comments = pending ? (pending.body.comments || {}) : {};
    state.survey = pending ? (pending.body.survey || {}) : {};
    renderBallot();
    show("ballot");
    if (pending) submit();
  }

  function renderBallot() {
    const form = state.form;
    $("groupName").textContent = form.group.name;
    const list = $("departments");
    list.replaceChildren();
    form.departments.forEach((d) => {
      const item = document.createElement("li");
      item.className = "dept";
      item.dataset.code = d.code;
      const heading = document.createElement("h3");
      heading.id = "dept-" + d.code;
      heading.textContent = d.name;
      const grades = document.createElement("div");
      grades.className = "grades";
      grades.setAttribute("role", "radiogroup");
      grades.setAttribute("aria-labelledby", heading.id);
      form.grades.forEach((g) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "grade";
        button.setAttribute("role", "radio");
        button.setAttribute("aria-checked", String(state.scores[d.code] === g.code));
        button.dataset.grade = g.code;
        button.textContent = g.label;
        button.addEventListener("click", () => { state.scores[d.code] = g.code; renderBallot(); });
        grades.appendChild(button);
      });
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "comment-toggle";
      toggle.textContent = t("addComment");
      const area = document.createElement("textarea");
      area.maxLength = form.maxCommentLength || 500;
      area.setAttribute("aria-label", d.name + " " + t("commentLabel"));
      area.value = state.comments[d.code] || "";
      area.hidden = !area.value;
      area.addEventListener("input", () => { state.comments[d.code] = area.value; });
      toggle.addEventListener("click", () => { area.hidden = false; area.focus(); });
      item.classList.toggle("unscored", !state.scores[d.code]);
      item.append(heading, grades, toggle, area);
      list.appendChild(item);
    });
    renderSurvey(form.survey ? form.survey.questions : []);
    const missing = form.departments.filter((d) => !state.scores[d.code]);
    $("missing").textContent = missing.length ? t("missing", missing.map((d) => d.name)) : t("allScored");
    $("submit").disabled = missing.length > 0 || state.submitting;
  }

  function renderSurvey(questions) {
    $("surveyBox").hidden = !questions.length;
    const box = $("survey");
    if (box.childElementCount === questions.length) return;
    box.replaceChildren();
    questions.forEach((q) => {
      const set = document.createElement("fieldset");
      set.className = "question";
      const legend = document.createElement("legend");
      legend.textContent = `${q.area} · ${q.text}`;
      set.appendChild(legend);
      if (q.kind === "text") {
        const area = document.createElement("textarea");
        area.maxLength = 500;
        area.setAttribute("aria-label", q.text);
        area.addEventListener("input", () => { if (area.value.trim()) state.survey[q.id] = area.value; else delete state.survey[q.id]; });
        set.appendChild(area);
      } else {
        const options = q.kind === "scale" ? [1, 2, 3, 4, 5].map((n) => ({ code: n, label: String(n) })) : q.options;
        options.forEach((o) => {
          const label = document.createElement("label");
          label.className = "choice";
          const input = document.createElement("input");
          input.type = q.kind === "multiple" ? "checkbox" : "radio";
          input.name = q.id;
          input.addEventListener("change", () => {
            if (q.kind === "multiple") {
              const chosen = Array.from(set.querySelectorAll("input:checked")).map((i) => i.value);
              if (chosen.length) state.survey[q.id] = chosen; else delete state.survey[q.id];
            } else {
              state.survey[q.id] = o.code;
            }
          });
          input.value = o.code;
          label.append(input, document.createTextNode(o.label));
          set.appendChild(label);
        });
      }
      box.appendChild(set);
    });
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function submit() {
    if (state.submitting) return;
    state.submitting = true;
    $("submit").disabled = true;
    $("problem").hidden = true;
    const key = pendingKey();
    const who = state.person;
    let pending = JSON.parse(keep.getItem(key) || "null");
    if (!pending) {
      const comments = {};
      Object.entries(state.comments).forEach(([code, text]) => { if (text && text.trim()) comments[code] = text; });
      pending = { idempotencyKey: crypto.randomUUID(), body: { scores: state.scores, comments, survey: state.survey } };
      keep.setItem(key, JSON.stringify(pending));
    }
    const session = state.current;
    for (let attempt = 0; ; attempt++) {
      $("missing").textContent = t("submitting");
      let reply;
      try {
        reply = await api(`/api/v1/sessions/${session}/ballots`, { method: "POST", body: JSON.stringify(pending.body),
          headers: Object.assign({ "Idempotency-Key": pending.idempotencyKey }, V ? V.headers : {}) });
      } catch (networkFailure) {
        reply = { status: 0 };
      }
      if (who !== state.person) return;
      if (reply.status === 201 || reply.status === 200) {
        keep.removeItem(key);
        state.submitting = false;
        showDone(reply.body.receipt);
        return;
      }
      if (reply.status === 0 || reply.status === 503 || reply.status === 429) {
        const wait = Math.min(15, reply.retryAfter ? Number(reply.retryAfter) : 2 ** Math.min(attempt, 4));
        $("missing").textContent = t("retrying", wait);
        await sleep(wait * 1000);
        if (who !== state.person) return;
        continue;
      }
      state.submitting = false;
      const code = reply.body && reply.body.code;
      if (code === "already_voted") { keep.removeItem(key); loadForm(session); return; }
      if (reply.status === 401) { signOut(); return; }
      keep.removeItem(key);
      const details = reply.body && reply.body.errors ? " " + reply.body.errors.map((e) => e.field).join(", ") : "";
      $("problem").textContent = codeText(code) + details;
      $("problem").hidden = false;
      if (code === "session_not_open") { pickSession(); }
      renderBallot();
      return;
    }
  }

  function showDone(receipt) {
    $("receipt").textContent = receipt;
    $("checked").textContent = "";
    showReceiptHash(receipt);
    show("done");
  }

  // The export names no receipt, only its SHA-256: the representative finds their own line, nobody else learns it.
  async function showReceiptHash(receipt) {
    if (!window.crypto || !crypto.subtle) { $("receiptHash").textContent = `printf %s ${receipt} | sha256sum`; return; }
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(receipt));
    if ($("receipt").textContent !== receipt) return;  // wiped meanwhile
    $("receiptHash").textContent = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function checkReceipt() {
    const receipt = $("receipt").textContent;
    const reply = await api(`/api/v1/receipts/${encodeURIComponent(receipt)}`);
    if ($("receipt").textContent !== receipt) return;  // wiped meanwhile
    $("checked").textContent = reply.status === 200 && reply.body.counted ? t("counted") : t("notFound");
  }

  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    keep.setItem("pingyi.lang", state.lang);
    applyLanguage();
  });
  $("demo").addEventListener("submit", demoSignIn);
  $("submit").addEventListener("click", submit);
  $("check").addEventListener("click", checkReceipt);
  applyLanguage();

  (async () => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (V) {
      history.replaceState(null, "", V.home);  // at once: an ID token leaves the address before anything waits
      const hooks = { t, codeText, show, wipe, message, busy: () => state.submitting, current: () => state.section };
      if (!(await V.begin(hooks))) return;
      window.addEventListener("hashchange", () => {
        const next = new URLSearchParams(location.hash.slice(1)).get("idToken");
        if (next) handOver(next);
      });
      if (fragment.get("idToken")) handOver(fragment.get("idToken")); else showSignIn();
      return;
    }
    if (fragment.get("idToken")) {
      history.replaceState(null, "", location.pathname + location.search);
      // The app's suggestion entry opens the page as #idToken=…&as=citizen: anyone may suggest (suggest.js).
      if (fragment.get("as") === "citizen") { window.PingyiSuggest.citizenLogin(fragment.get("idToken")); return; }
      if (!(await login(fragment.get("idToken")))) return;
    }
    if (state.token && tab.getItem("pingyi.role") === "citizen") window.PingyiSuggest.signedIn("citizen");
    else if (state.token) start(); else showSignIn();
  })();
})();
