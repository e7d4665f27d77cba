// Ballots per community venue (社区会场) of one session, for operators and auditors: how many ballots each venue's
// shared tablet stored, a bar and a number per venue (every declared venue, 0 until its first ballot), fetched again
// every ten seconds while the view is open. Counts only: the engine never records which ballot or person was where.
import { h } from "../../lib/dom.js";
import { progress } from "../../lib/chart.js";
import { t } from "../../lib/words.js";

const EVERY_MS = 10000;

export function venuesPanel(ctx, id) {
  const districts = Object.fromEntries(ctx.edition.districts.map((d) => [d.code, d.label]));
  const summary = h("p", { id: "venueTotal", class: "hint" });
  const rows = h("tbody");
  const panel = h("section", { "aria-labelledby": "venuesTitle" },
    h("h3", { id: "venuesTitle" }, t("venues")), summary,
    h("table", { id: "venues", class: "grid" },
      h("caption", { class: "sr" }, t("venueBallots")),
      h("thead", {}, h("tr", {}, [t("venue"), t("district"), t("bar"), t("ballots")].map((c) => h("th", { scope: "col" }, c)))),
      rows));
  if (!(ctx.edition.venues || []).length) {
    summary.textContent = t("noVenues");
    return panel;
  }

  function render(body) {
    summary.textContent = t("venueTotal", body.ballots);
    const most = Math.max(1, ...body.venues.map((v) => v.ballots));
    rows.replaceChildren(...body.venues.map((v) => h("tr", { "data-venue": v.code },
      h("td", { class: "name" }, v.name || v.code), h("td", {}, districts[v.district] || v.district || "–"),
      h("td", {}, progress(v.ballots, most, { title: `${v.name || v.code} ${v.ballots}`, text: String(v.ballots) })),
      h("td", { class: "num" }, v.ballots))));
  }

  async function refresh() {
    const reply = await ctx.api(`/api/v1/admin/sessions/${id}/venues`, { signal: ctx.signal });
    if (reply.status === 200) render(reply.body);
  }

  refresh().catch(() => {});
  const timer = setInterval(() => refresh().catch(() => {}), EVERY_MS);
  ctx.signal.addEventListener("abort", () => clearInterval(timer));
  return panel;
}
