// For auditors only: the live ranking as bars of each department's score on the grades' scale, from the live
// stream, and the ballot-quality flags of the session.
import { follow } from "../../lib/sse.js";
import { h } from "../../lib/dom.js";
import { progress } from "../../lib/chart.js";
import { t } from "../../lib/words.js";

export function rankingPanel(ctx, id) {
  const top = Math.max(...ctx.edition.grades.map((g) => g.points));
  const live = h("ol", { id: "live", class: "ranking" });
  const quality = h("p", { id: "quality" });
  const panel = h("section", { "data-role": "auditor", "aria-labelledby": "liveTitle" },
    h("h3", { id: "liveTitle" }, t("liveRanking")), live,
    h("h3", {}, t("quality")), quality,
    h("button", { id: "refreshQuality", class: "secondary", type: "button", onclick: refreshQuality }, t("refresh")));

  const score = (r) => (r.score == null ? "–" : Number(r.score).toFixed(2));

  function render(payload) {
    live.replaceChildren(...payload.rankings.map((r) => h("li", { "data-department": r.department.code },
      h("span", { class: "name" }, `${r.rank}. ${r.department.name}`),
      progress(r.score == null ? 0 : Number(r.score), top, { title: `${r.department.name} ${score(r)}`,
        text: `${score(r)} (${r.votes})` }))));
  }

  async function refreshQuality() {
    const reply = await ctx.api(`/api/v1/admin/sessions/${id}/quality`, { signal: ctx.signal });
    if (reply.status !== 200) return;
    const q = reply.body;
    quality.textContent = t("qualityLine", q.ballots, q.straightLined, q.fast, q.unmeasured, q.thresholds.minSeconds);
  }

  if (ctx.role === "auditor") {
    follow(`/api/v1/sessions/${id}/live/stream`, { signal: ctx.signal, onEvent: (type, data) => type === "live" && render(data) });
    refreshQuality().catch(() => {});
  }
  return panel;
}
