// A department's own queue (department:<code> tokens): what it leads or co-handles, overdue first, its CSV.
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { departmentName, filters, header, rows } from "./suggestion-list.js";

export default {
  path: "/queue",
  nav: "queue",
  roles: ["department"],
  mount(root, ctx) {
    const code = ctx.role.slice("department:".length);
    const body = h("tbody");
    const total = h("p", { id: "queueTotal" });
    const problem = h("p", { id: "sgProblem", class: "problem", role: "alert", hidden: true });
    const filter = filters(ctx.edition, { withDepartment: false, onChange: () => load() });
    root.append(h("h2", {}, `${t("queue")} · ${departmentName(ctx.edition, code)}`), filter.node,
      h("table", { id: "queue", class: "grid" }, header(false), body), total,
      h("button", { id: "queueCsv", class: "secondary", type: "button", onclick: csv }, t("downloadCsv")), problem);

    async function load() {
      const reply = await ctx.api("/api/v1/admin/suggestions" + filter.query(), { signal: ctx.signal });
      if (reply.status !== 200) { showProblem(problem, reply); return; }
      rows(body, reply.body.suggestions, ctx.edition, { picked: null, open: (id) => ctx.go(`/suggestion/${id}`) });
      total.textContent = `${reply.body.suggestions.length} / ${reply.body.total}`;
    }

    async function csv() {
      const reply = await download("/api/v1/admin/suggestions.csv" + filter.query(), `${code}-suggestions.csv`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    load().catch(() => {});
  },
};
