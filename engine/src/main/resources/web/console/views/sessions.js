// Every session of the edition with its state; operators move a session on (irreversible steps ask first).
// Follows the public session stream, so a change made elsewhere shows at once; counts down to each session's
// next moment (opening or closing).
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { clock, everySecond, momentText } from "../lib/time.js";

const NEXT = { scheduled: ["open"], open: ["close"], closed: ["seal"], sealed: ["publish"], published: [] };
const CONFIRM = { close: "confirmClose", seal: "confirmSeal", publish: "confirmPublish" };

export default {
  path: "/sessions",
  nav: "sessions",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const body = h("tbody");
    const problem = h("p", { id: "actionProblem", class: "problem", role: "alert", hidden: true });
    root.append(h("h2", {}, t("sessions")),
      h("table", { id: "sessions", class: "grid" },
        h("thead", {}, h("tr", {}, [t("session"), t("group"), t("state"), t("times"), t("countdown"), t("actions")].map((c) => h("th", { scope: "col" }, c)))), body),
      problem);

    let list = [];
    async function load() {
      list = await fetch("/api/v1/sessions", { signal: ctx.signal }).then((r) => r.json());
      body.replaceChildren(...list.map((s) => h("tr", { "data-session": s.id },
        h("td", {}, s.id), h("td", {}, s.group.name),
        h("td", { class: "state-" + s.state, "data-state": s.state }, s.state),
        h("td", {}, `${clock(s.opensAt)} – ${clock(s.closesAt)}`, s.schedule === "automatic" ? h("span", { class: "badge" }, t("automatic")) : null),
        h("td", { class: "countdown", "data-countdown": s.id }),
        h("td", {},
          h("button", { type: "button", class: "secondary", onclick: () => ctx.go(`/session/${s.id}`) }, t("view")),
          ctx.role === "operator" ? NEXT[s.state].map((action) => h("button",
            { type: "button", class: "primary", "data-action": action, onclick: () => transition(s.id, action) }, t(action))) : null))));
    }

    async function transition(id, action) {
      if (CONFIRM[action] && !window.confirm(t(CONFIRM[action]))) return;
      showProblem(problem, null);
      const reply = await ctx.api(`/api/v1/admin/sessions/${id}/${action}`, { method: "POST" });
      if (reply.status !== 200) showProblem(problem, reply);
      await load();
    }

    const stream = new EventSource("/api/v1/sessions/stream");
    stream.addEventListener("session", () => load().then(tick).catch(() => {}));
    ctx.signal.addEventListener("abort", () => stream.close());
    load().then(tick).catch(() => {});
    function tick() {
      for (const s of list) {
        const cell = body.querySelector(`[data-countdown="${CSS.escape(s.id)}"]`);
        if (cell) cell.textContent = momentText(t, s);
      }
    }
    everySecond(ctx.signal, tick);
  },
};
