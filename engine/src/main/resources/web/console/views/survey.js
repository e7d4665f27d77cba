// The questionnaire's results as charts, for operators and auditors: per question the count of each option as bars,
// a scale question's mean, and how many answered (texts are counted, never shown here). CSV for spreadsheets.
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { bars } from "../lib/chart.js";
import { t } from "../lib/words.js";

export default {
  path: "/survey",
  nav: "survey",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const labels = Object.fromEntries((ctx.edition.survey?.questions || []).map((q) =>
      [q.id, Object.fromEntries((q.options || []).map((o) => [o.code, o.label]))]));
    const summary = h("p", { id: "surveySummary" });
    const list = h("div", { id: "surveyCharts" });
    const problem = h("p", { class: "problem", role: "alert", hidden: true });
    root.append(h("h2", {}, t("survey")), summary,
      h("button", { id: "surveyCsv", class: "secondary", type: "button", onclick: csv }, t("downloadCsv")),
      h("button", { id: "surveyRefresh", class: "secondary", type: "button", onclick: load }, t("refresh")),
      problem, list);

    async function load() {
      const reply = await ctx.api("/api/v1/admin/survey", { signal: ctx.signal });
      showProblem(problem, reply.status === 200 ? null : reply);
      if (reply.status !== 200) return;
      summary.textContent = t("respondents", reply.body.respondents);
      list.replaceChildren(...reply.body.questions.map((q) => {
        const heading = h("h3", { id: `q-${q.id}` }, q.text);
        const parts = [heading, h("p", { class: "hint" }, t("answeredBy", q.answered))];
        if (q.counts) {
          const rows = Object.entries(q.counts).map(([code, n]) => ({ label: labels[q.id]?.[code] || code, value: n }));
          parts.push(bars(rows, { title: `${q.text}: ${rows.map((r) => `${r.label} ${r.value}`).join(", ")}` }));
        }
        if (q.mean != null) parts.push(h("p", { class: "big", "data-mean": q.mean }, `${t("mean")} ${Number(q.mean).toFixed(2)}`));
        return h("section", { class: "question-chart", "data-question": q.id, "aria-labelledby": `q-${q.id}` }, parts);
      }));
    }

    async function csv() {
      const reply = await download("/api/v1/admin/survey.csv", `${ctx.edition.id}-survey.csv`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    load().catch(() => {});
  },
};
