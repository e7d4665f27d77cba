// One session: its times and countdown (operators extend it), turnout per district as bars from the turnout stream
// and the ballots per minute, for auditors the live ranking as bars (embargoed), the quality flags and reconcile, the
// ballots of each community venue, results and their CSV once sealed, and for operators the reminders page and the
// recount of the live counters.
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";
import { schedulePanel } from "./parts/schedule.js";
import { turnoutPanel } from "./parts/turnout.js";
import { rankingPanel } from "./parts/ranking.js";
import { venuesPanel } from "./parts/venues.js";

export default {
  path: "/session/:id",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const id = ctx.params.id;
    const el = {
      reconcileResult: h("pre", { id: "reconcileResult" }),
      results: h("tbody"),
      recountResult: h("p", { id: "recountResult" }),
      problem: h("p", { id: "actionProblem", class: "problem", role: "alert", hidden: true }),
    };
    root.append(
      h("p", {}, h("a", { href: "#/sessions" }, t("back")), " ",
        h("a", { href: `#/session/${encodeURIComponent(id)}/reminders`, "data-role": "operator", id: "toReminders" }, t("reminders"))),
      h("h2", { id: "detailTitle" }, id),
      el.problem,
      schedulePanel(ctx, id),
      h("div", { class: "columns" }, turnoutPanel(ctx, id), rankingPanel(ctx, id)),
      venuesPanel(ctx, id),
      h("div", { "data-role": "auditor" },
        h("button", { id: "reconcile", class: "secondary", type: "button", onclick: reconcile }, t("reconcile")),
        el.reconcileResult),
      h("h3", {}, t("results")),
      h("button", { id: "showResults", class: "secondary", type: "button", onclick: showResults }, t("showResults")),
      h("button", { id: "downloadCsv", class: "secondary", type: "button", onclick: downloadCsv }, t("downloadCsv")),
      h("table", { id: "results", class: "grid" }, h("thead", {}, h("tr", {},
        [t("rank"), t("department"), t("score"), t("satisfaction"), t("votes")].map((c) => h("th", { scope: "col" }, c)))), el.results),
      h("div", { "data-role": "operator" },
        h("button", { id: "recount", class: "secondary", type: "button", onclick: recount }, t("recount")),
        el.recountResult));

    async function showResults() {
      const reply = await ctx.api(`/api/v1/sessions/${id}/results`);
      if (reply.status !== 200) { showProblem(el.problem, reply); return; }
      showProblem(el.problem, null);
      // As published: score to 2 decimals, satisfaction as a percentage of its 4 decimals; "–" with no votes.
      el.results.replaceChildren(...reply.body.results.map((r) => h("tr", {},
        h("td", {}, r.rank), h("td", {}, r.department.name),
        h("td", {}, r.score == null ? "–" : Number(r.score).toFixed(2)),
        h("td", {}, r.satisfactionRate == null ? "–" : `${(Number(r.satisfactionRate) * 100).toFixed(2)}%`),
        h("td", {}, r.votes))));
    }

    async function downloadCsv() {
      const reply = await download(`/api/v1/sessions/${id}/results.csv`, `${id}-results.csv`);
      showProblem(el.problem, reply.status === 200 ? null : reply);
    }

    async function reconcile() {
      const reply = await ctx.api(`/api/v1/admin/sessions/${id}/reconcile`);
      el.reconcileResult.textContent = JSON.stringify(reply.body, null, 2);
    }

    async function recount() {
      if (!window.confirm(t("confirmRecount"))) return;
      const reply = await ctx.api(`/api/v1/admin/sessions/${id}/recount`, { method: "POST" });
      el.recountResult.textContent = reply.status === 200
        ? `已重新计数 ${reply.body.ballots} 张 · recounted ${reply.body.ballots} ballots` : JSON.stringify(reply.body);
    }
  },
};
