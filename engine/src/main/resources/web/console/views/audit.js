// The audit log for operators and auditors: newest first, filtered by action and actor (by their beginning, e.g.
// "session."), target and time, one page of 50 at a time. Personal details arrive withheld from the engine.
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";

const PAGE = 50;

export default {
  path: "/audit",
  nav: "audit",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const field = (id, label, attrs = {}) => {
      const input = h("input", Object.assign({ id, name: id, autocomplete: "off" }, attrs));
      return { input, wrap: h("div", { class: "field" }, h("label", { for: id }, label), input) };
    };
    const f = {
      action: field("auditAction", t("auditAction"), { placeholder: "session." }),
      actor: field("auditActor", t("auditActor"), { placeholder: "operator" }),
      target: field("auditTarget", t("target"), { placeholder: "econ1-2024" }),
      from: field("auditFrom", t("from"), { type: "datetime-local" }),
      to: field("auditTo", t("to"), { type: "datetime-local" }),
    };
    const rows = h("tbody");
    const problem = h("p", { class: "problem", role: "alert", hidden: true });
    const more = h("button", { id: "auditMore", class: "secondary", type: "button", hidden: true, onclick: () => load(next) }, t("older"));
    const form = h("form", { id: "auditFilter", class: "filters", onsubmit: (e) => { e.preventDefault(); rows.replaceChildren(); load(null); } },
      Object.values(f).map((x) => x.wrap), h("button", { class: "primary", type: "submit" }, t("filter")));
    root.append(h("h2", {}, t("audit")), form, problem,
      h("table", { id: "audit", class: "grid" },
        h("thead", {}, h("tr", {}, [t("at"), t("auditActor"), t("auditAction"), t("target"), t("detail")].map((c) => h("th", { scope: "col" }, c)))),
        rows), more);
    let next = null;

    async function load(before) {
      const q = new URLSearchParams({ limit: String(PAGE) });
      for (const key of ["action", "actor", "target"]) if (f[key].input.value.trim()) q.set(key, f[key].input.value.trim());
      for (const key of ["from", "to"]) if (f[key].input.value) q.set(key, new Date(f[key].input.value).toISOString());
      if (before) q.set("before", before);
      const reply = await ctx.api(`/api/v1/admin/audit?${q}`, { signal: ctx.signal });
      showProblem(problem, reply.status === 200 ? null : reply);
      if (reply.status !== 200) return;
      rows.append(...reply.body.entries.map((e) => h("tr", { "data-entry": e.id },
        h("td", {}, new Date(e.at).toLocaleString("zh-CN", { hour12: false })), h("td", {}, e.actor), h("td", {}, e.action),
        h("td", {}, e.target ?? ""), h("td", { class: "detail" }, JSON.stringify(e.detail)))));
      next = reply.body.next;
      more.hidden = !next;
    }

    load(null).catch(() => {});
  },
};
