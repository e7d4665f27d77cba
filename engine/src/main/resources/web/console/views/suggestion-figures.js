// The loop's figures per lead department (GET /api/v1/admin/suggestions/stats) as a table and a chart, and their CSV.
import { download } from "../lib/api.js";
import { groupedBars } from "../lib/chart.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";

const COLUMNS = ["received", "answered", "answeredOnTime", "overdue", "reopened", "satisfied", "dissatisfied", "adopted"];
const LABELS = { adopted: "adoptedCount" };
const CHART = [["received", "#607d8b"], ["answeredOnTime", "#2e7d32"], ["overdue", "#c62828"], ["satisfied", "#1565c0"]];

export default {
  path: "/suggestion-figures",
  nav: "suggestionFigures",
  roles: ["operator", "auditor", "department"],
  mount(root, ctx) {
    const body = h("tbody");
    const foot = h("tfoot");
    const chart = h("div", { id: "figuresChart" });
    const asOf = h("p", { id: "figuresAsOf", class: "hint" });
    const problem = h("p", { id: "sgProblem", class: "problem", role: "alert", hidden: true });
    root.append(h("h2", {}, t("suggestionFigures")), asOf, chart,
      h("table", { id: "figures", class: "grid" },
        h("thead", {}, h("tr", {}, [t("department"), ...COLUMNS.map((c) => t(LABELS[c] || c))].map((c) => h("th", {}, c)))), body, foot),
      h("button", { id: "figuresCsv", class: "secondary", type: "button", onclick: csv }, t("downloadCsv")), problem);

    const cells = (r) => COLUMNS.map((c) => h("td", { "data-column": c }, r[c]));

    async function load() {
      const reply = await ctx.api("/api/v1/admin/suggestions/stats", { signal: ctx.signal });
      if (reply.status !== 200) { showProblem(problem, reply); return; }
      const f = reply.body;
      asOf.textContent = `${new Date(f.asOf).toLocaleString("zh-CN")} · ${t("unassigned")} ${f.unassigned} · ${t("merged")} ${f.merged}`;
      body.replaceChildren(...f.departments.map((r) => h("tr", { "data-code": r.department.code },
        h("td", {}, r.department.name), cells(r))));
      foot.replaceChildren(h("tr", {}, h("th", {}, t("total")), cells(f.totals)));
      const active = f.departments.filter((r) => r.received > 0);
      chart.replaceChildren(groupedBars(active.map((r) => ({ label: r.department.name, values: CHART.map(([c]) => r[c]) })),
        CHART.map(([c, colour]) => ({ label: t(c), colour }))));
    }

    async function csv() {
      const reply = await download("/api/v1/admin/suggestions/stats.csv", `${ctx.edition.id}-suggestion-figures.csv`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    load().catch(() => {});
  },
};
