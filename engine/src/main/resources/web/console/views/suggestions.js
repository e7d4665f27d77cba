// The suggestion office (operators): every queue with filters, bulk assignment of what is received, each
// suggestion opened for transfer and merging, the CSV of what the filters show.
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { filters, header, rows } from "./suggestion-list.js";

export default {
  path: "/suggestions",
  nav: "suggestions",
  roles: ["operator"],
  mount(root, ctx) {
    const picked = new Set();
    const body = h("tbody");
    const total = h("p", { id: "sgTotal" });
    const problem = h("p", { id: "sgProblem", class: "problem", role: "alert", hidden: true });
    const bulkResult = h("p", { id: "bulkResult", role: "status" });
    const departments = ctx.edition.groups.flatMap((g) => g.departments);
    const lead = h("select", { id: "bulkLead" }, departments.map((d) => h("option", { value: d.code }, `${d.code} ${d.name}`)));
    const co = h("select", { id: "bulkCo", multiple: true, size: 4 }, departments.map((d) => h("option", { value: d.code }, `${d.code} ${d.name}`)));
    const filter = filters(ctx.edition, { withDepartment: true, onChange: () => load() });
    root.append(h("h2", {}, t("suggestions")), filter.node,
      h("table", { id: "sgList", class: "grid" }, header(true), body), total,
      h("div", { class: "bulk" }, h("label", {}, t("lead"), lead), h("label", {}, t("coHandlers"), co),
        h("button", { id: "bulkAssign", class: "primary", type: "button", onclick: assignPicked }, t("assignSelected")),
        h("button", { id: "sgCsv", class: "secondary", type: "button", onclick: csv }, t("downloadCsv"))),
      bulkResult, problem);

    async function load() {
      const reply = await ctx.api("/api/v1/admin/suggestions" + filter.query(), { signal: ctx.signal });
      if (reply.status !== 200) { showProblem(problem, reply); return; }
      showProblem(problem, null);
      picked.clear();
      rows(body, reply.body.suggestions, ctx.edition, { picked, open: (id) => ctx.go(`/suggestion/${id}`) });
      total.textContent = `${reply.body.suggestions.length} / ${reply.body.total}`;
    }

    /** One assign call per picked row; each row's outcome counts, a refusal names its suggestion. */
    async function assignPicked() {
      const ids = [...picked];
      const coHandlers = [...co.selectedOptions].map((o) => o.value).filter((c) => c !== lead.value);
      let ok = 0;
      const refused = [];
      for (const id of ids) {
        const reply = await ctx.api(`/api/v1/admin/suggestions/${id}/assign`, { method: "POST",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify({ lead: lead.value, coHandlers }) });
        if (reply.status === 200) ok++; else refused.push(`${id}: ${reply.body.detail || reply.status}`);
      }
      bulkResult.textContent = [t("bulkResult", ok, ids.length), ...refused].join("\n");
      await load();
    }

    async function csv() {
      const reply = await download("/api/v1/admin/suggestions.csv" + filter.query(), `${ctx.edition.id}-suggestions.csv`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    load().catch(() => {});
  },
};
