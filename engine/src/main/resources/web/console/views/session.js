// One session: turnout per district, for auditors the live ranking (embargoed) and reconcile, results and their
// CSV once sealed, and for operators the recount of the live counters.
import { follow } from "../lib/sse.js";
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";

const TURNOUT_EVERY_MS = 2000;

export default {
  path: "/session/:id",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const id = ctx.params.id;
    const districts = Object.fromEntries(ctx.edition.districts.map((d) => [d.code, d.label]));
    const el = {
      summary: h("p", { id: "turnoutSummary" }),
      turnout: h("tbody"),
      live: h("ol", { id: "live" }),
      reconcileResult: h("pre", { id: "reconcileResult" }),
      results: h("tbody"),
      recountResult: h("p", { id: "recountResult" }),
      problem: h("p", { id: "actionProblem", class: "problem", role: "alert", hidden: true }),
    };
    root.append(
      h("p", {}, h("a", { href: "#/sessions" }, t("back"))),
      h("h2", { id: "detailTitle" }, id),
      el.problem,
      h("h3", {}, t("turnout")), el.summary,
      h("table", { id: "turnout", class: "grid" }, h("thead", {}, h("tr", {},
        [t("district"), t("eligible"), t("voted")].map((c) => h("th", {}, c)))), el.turnout),
      h("div", { "data-role": "auditor" },
        h("h3", {}, t("liveRanking")), el.live,
        h("button", { id: "reconcile", class: "secondary", type: "button", onclick: reconcile }, t("reconcile")),
        el.reconcileResult),
      h("h3", {}, t("results")),
      h("button", { id: "showResults", class: "secondary", type: "button", onclick: showResults }, t("showResults")),
      h("button", { id: "downloadCsv", class: "secondary", type: "button", onclick: downloadCsv }, t("downloadCsv")),
      h("table", { id: "results", class: "grid" }, h("thead", {}, h("tr", {},
        [t("rank"), t("department"), t("score"), t("satisfaction"), t("votes")].map((c) => h("th", {}, c)))), el.results),
      h("div", { "data-role": "operator" },
        h("button", { id: "recount", class: "secondary", type: "button", onclick: recount }, t("recount")),
        el.recountResult));

    async function refreshTurnout() {
      const reply = await ctx.api(`/api/v1/sessions/${id}/turnout`, { signal: ctx.signal });
      if (reply.status !== 200) return;
      const tr = reply.body;
      el.summary.textContent = `${tr.voted} / ${tr.eligible} (${(tr.ratio * 100).toFixed(1)}%)`;
      el.turnout.replaceChildren(...tr.byDistrict.map((d) => h("tr", {},
        h("td", {}, districts[d.district] || d.district), h("td", {}, d.eligible), h("td", {}, d.voted))));
    }

    function renderLive(payload) {
      el.live.replaceChildren(...payload.rankings.map((r) => h("li", {}, `${r.department.name} — ${r.score ?? "–"} (${r.votes})`)));
    }

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

    refreshTurnout().catch(() => {});
    const timer = setInterval(() => refreshTurnout().catch(() => {}), TURNOUT_EVERY_MS);
    ctx.signal.addEventListener("abort", () => clearInterval(timer));
    if (ctx.role === "auditor") {
      follow(`/api/v1/sessions/${id}/live/stream`, { signal: ctx.signal, onEvent: (type, data) => type === "live" && renderLive(data) });
    }
  },
};
