// The operations console: sign in with an admin token, drive the session lifecycle (irreversible steps need a
// confirmation), watch turnout, and for auditors the live ranking (embargoed); results, CSV, reconcile, recount and
// roster import. Views a role may not use are hidden.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem("pingyi.admin"), role: null, sessions: [], selected: null, timers: [], live: null,
    districts: {} };
  const CONFIRM = { close: "关闭后不再接受选票。确定关闭？ Close: no more ballots. Continue?",
    seal: "封存后结果固定，不可更改。确定封存？ Seal: results become final. Continue?",
    publish: "公布后所有人可见结果。确定公布？ Publish: results become public. Continue?" };
  const NEXT = { scheduled: ["open"], open: ["close"], closed: ["seal"], sealed: ["publish"], published: [] };

  async function call(path, options = {}) {
    const headers = Object.assign({ Authorization: "Bearer " + state.token }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch (e) { body = text; }
    return { status: response.status, body };
  }

  function problem(el, reply) {
    const b = reply.body || {};
    el.textContent = (b.detail || b.title || reply.status) + (b.errors ? "\n" + b.errors.map((e) => `${e.field}: ${e.message}`).join("\n") : "");
    el.hidden = false;
  }

  async function signIn(event) {
    if (event) event.preventDefault();
    if (event) state.token = $("token").value.trim();
    const who = await call("/api/v1/admin/whoami");
    if (who.status !== 200) { problem($("loginProblem"), who); sessionStorage.removeItem("pingyi.admin"); return; }
    sessionStorage.setItem("pingyi.admin", state.token);
    state.role = who.body.role;
    $("who").textContent = (state.role === "operator" ? "操作员 operator" : "审计 auditor") + " · " + who.body.tokenId;
    document.querySelectorAll("[data-role]").forEach((el) => { el.hidden = el.dataset.role !== state.role; });
    $("login").hidden = true;
    $("app").hidden = false;
    const edition = await fetch("/api/v1/edition").then((r) => r.json());
    edition.districts.forEach((d) => { state.districts[d.code] = d.label; });
    await loadSessions();
    new EventSource("/api/v1/sessions/stream").addEventListener("session", loadSessions);
  }

  async function loadSessions() {
    const reply = await fetch("/api/v1/sessions").then((r) => r.json());
    state.sessions = reply;
    const body = $("sessions").querySelector("tbody");
    body.replaceChildren();
    reply.forEach((s) => {
      const row = document.createElement("tr");
      row.dataset.session = s.id;
      const cells = [s.id, s.group.name, s.state].map((text, i) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (i === 2) { td.className = "state-" + s.state; td.dataset.state = s.state; }
        return td;
      });
      const actions = document.createElement("td");
      const view = document.createElement("button");
      view.type = "button";
      view.className = "secondary";
      view.textContent = "查看 View";
      view.addEventListener("click", () => select(s.id));
      actions.appendChild(view);
      if (state.role === "operator") {
        NEXT[s.state].forEach((action) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "primary";
          b.dataset.action = action;
          b.textContent = { open: "开启 Open", close: "关闭 Close", seal: "封存 Seal", publish: "公布 Publish" }[action];
          b.addEventListener("click", () => transition(s.id, action));
          actions.appendChild(b);
        });
      }
      row.append(...cells, actions);
      body.appendChild(row);
    });
  }

  async function transition(id, action) {
    if (CONFIRM[action] && !window.confirm(CONFIRM[action])) return;
    $("actionProblem").hidden = true;
    const reply = await call(`/api/v1/admin/sessions/${id}/${action}`, { method: "POST" });
    if (reply.status !== 200) problem($("actionProblem"), reply);
    await loadSessions();
    if (state.selected === id) select(id);
  }

  function select(id) {
    state.selected = id;
    state.timers.forEach(clearInterval);
    state.timers = [];
    if (state.live) state.live.abort();
    $("detail").hidden = false;
    $("detailTitle").textContent = id;
    $("results").querySelector("tbody").replaceChildren();
    refreshTurnout();
    state.timers.push(setInterval(refreshTurnout, 2000));
    if (state.role === "auditor") followLive(id);
  }

  async function refreshTurnout() {
    const reply = await call(`/api/v1/sessions/${state.selected}/turnout`);
    if (reply.status !== 200) return;
    const t = reply.body;
    $("turnoutSummary").textContent = `${t.voted} / ${t.eligible} (${(t.ratio * 100).toFixed(1)}%)`;
    const body = $("turnout").querySelector("tbody");
    body.replaceChildren(...t.byDistrict.map((d) => {
      const row = document.createElement("tr");
      [state.districts[d.district] || d.district, d.eligible, d.voted].forEach((v) => { const td = document.createElement("td"); td.textContent = v; row.appendChild(td); });
      return row;
    }));
  }

  // EventSource cannot send an Authorization header, so the auditor's live stream is read with fetch.
  async function followLive(id) {
    const controller = new AbortController();
    state.live = controller;
    try {
      const response = await fetch(`/api/v1/sessions/${id}/live/stream`, { headers: { Authorization: "Bearer " + state.token }, signal: controller.signal });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split("\n").find((l) => l.startsWith("data: "));
          if (data) renderLive(JSON.parse(data.slice(6)));
        }
      }
    } catch (e) { /* stream closed */ }
  }

  function renderLive(payload) {
    $("live").replaceChildren(...payload.rankings.map((r) => {
      const li = document.createElement("li");
      li.textContent = `${r.department.name} — ${r.score ?? "–"} (${r.votes})`;
      return li;
    }));
  }

  async function showResults() {
    const reply = await call(`/api/v1/sessions/${state.selected}/results`);
    const body = $("results").querySelector("tbody");
    if (reply.status !== 200) { problem($("actionProblem"), reply); return; }
    body.replaceChildren(...reply.body.results.map((r) => {
      const row = document.createElement("tr");
      // As published: score to 2 decimals, satisfaction as a percentage of its 4 decimals; "–" with no votes.
      const score = r.score == null ? "–" : Number(r.score).toFixed(2);
      const satisfied = r.satisfactionRate == null ? "–" : `${(Number(r.satisfactionRate) * 100).toFixed(2)}%`;
      [r.rank, r.department.name, score, satisfied, r.votes].forEach((v) => { const td = document.createElement("td"); td.textContent = v; row.appendChild(td); });
      return row;
    }));
  }

  async function downloadCsv() {
    const response = await fetch(`/api/v1/sessions/${state.selected}/results.csv`, { headers: { Authorization: "Bearer " + state.token } });
    if (response.status !== 200) { problem($("actionProblem"), { status: response.status, body: await response.json() }); return; }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = `${state.selected}-results.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  async function reconcile() {
    const reply = await call(`/api/v1/admin/sessions/${state.selected}/reconcile`);
    $("reconcileResult").textContent = JSON.stringify(reply.body, null, 2);
  }

  async function recount() {
    if (!window.confirm("按数据库重建实时计数？ Rebuild live counters from PostgreSQL?")) return;
    const reply = await call(`/api/v1/admin/sessions/${state.selected}/recount`, { method: "POST" });
    $("recountResult").textContent = reply.status === 200 ? `已重新计数 ${reply.body.ballots} 张 · recounted ${reply.body.ballots} ballots` : JSON.stringify(reply.body);
  }

  async function importRoster() {
    const file = $("rosterFile").files[0];
    if (!file) return;
    const reply = await call("/api/v1/admin/roster", { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
    const box = $("rosterResult");
    box.replaceChildren();
    if (reply.status === 200) {
      box.textContent = `导入 ${reply.body.imported}，更新 ${reply.body.updated} · imported ${reply.body.imported}, updated ${reply.body.updated}`;
      return;
    }
    const p = document.createElement("p");
    p.className = "problem";
    p.textContent = reply.body.detail;
    const list = document.createElement("ul");
    (reply.body.errors || []).forEach((e) => { const li = document.createElement("li"); li.textContent = `${e.field}: ${e.message}`; list.appendChild(li); });
    box.append(p, list);
  }

  $("loginForm").addEventListener("submit", signIn);
  $("showResults").addEventListener("click", showResults);
  $("downloadCsv").addEventListener("click", downloadCsv);
  $("reconcile").addEventListener("click", reconcile);
  $("recount").addEventListener("click", recount);
  $("importRoster").addEventListener("click", importRoster);
  if (state.token) signIn();
})();
