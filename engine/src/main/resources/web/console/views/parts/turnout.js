// Turnout of one session, for operators and auditors: the total, a progress bar per district fed by the turnout
// stream (no polling), and the evening's ballots per minute (fetched again whenever turnout moves, at most every
// five seconds). A district of too few eligible representatives shows
// as suppressed (small cells).
import { follow } from "../../lib/sse.js";
import { h } from "../../lib/dom.js";
import { progress, columns } from "../../lib/chart.js";
import { t } from "../../lib/words.js";

/** The ballots per minute are fetched again when turnout moves, at most this often. */
const MINUTES_AT_MOST_EVERY_MS = 5000;

export function turnoutPanel(ctx, id) {
  const districts = Object.fromEntries(ctx.edition.districts.map((d) => [d.code, d.label]));
  const summary = h("p", { id: "turnoutSummary", class: "big" });
  const rows = h("tbody");
  const perMinute = h("div", { id: "perMinute" });
  const panel = h("section", { "aria-labelledby": "turnoutTitle" },
    h("h3", { id: "turnoutTitle" }, t("turnout")), summary,
    h("table", { id: "turnout", class: "grid" },
      h("caption", { class: "sr" }, t("turnoutByDistrict")),
      h("thead", {}, h("tr", {}, [t("district"), t("progress"), t("voted"), t("eligible")].map((c) => h("th", { scope: "col" }, c)))),
      rows),
    h("h3", {}, t("perMinute")), perMinute);

  function render(tr) {
    summary.textContent = `${tr.voted} / ${tr.eligible} (${(tr.ratio * 100).toFixed(1)}%)`;
    rows.replaceChildren(...tr.byDistrict.map((d) => {
      const name = districts[d.district] || d.district;
      if (d.suppressed) {
        return h("tr", { "data-district": d.district }, h("td", { class: "name" }, name),
          h("td", { colspan: 3, class: "hint" }, t("suppressed")));
      }
      return h("tr", { "data-district": d.district }, h("td", { class: "name" }, name),
        h("td", {}, progress(d.voted, d.eligible, { title: `${t("voted")} ${d.voted} / ${d.eligible}`,
          text: d.eligible ? `${((100 * d.voted) / d.eligible).toFixed(1)}%` : "–" })),
        h("td", { class: "num" }, d.voted), h("td", { class: "num" }, d.eligible));
    }));
  }

  /** Every minute from the first ballot (or half an hour ago) to now, empty minutes as 0, at most the last 4 hours. */
  function window(minutes) {
    const MINUTE = 60000;
    const end = Math.floor(Date.now() / MINUTE) * MINUTE;
    const byMinute = new Map(minutes.map((m) => [Date.parse(m.minute), m.ballots]));
    const first = minutes.length ? Date.parse(minutes[0].minute) : end;
    const last = Math.max(end, ...byMinute.keys());
    const start = Math.max(Math.min(first, last - 29 * MINUTE), last - 239 * MINUTE);
    const points = [];
    for (let at = start; at <= last; at += MINUTE) {
      points.push({ label: new Date(at).toLocaleTimeString("zh-CN", { hour12: false, hour: "2-digit", minute: "2-digit" }),
        value: byMinute.get(at) || 0 });
    }
    return points;
  }

  async function refreshMinutes() {
    const reply = await ctx.api(`/api/v1/sessions/${id}/turnout/minutes`, { signal: ctx.signal });
    if (reply.status !== 200) return;
    const points = window(reply.body.minutes);
    const total = reply.body.minutes.reduce((sum, m) => sum + m.ballots, 0);
    perMinute.replaceChildren(total === 0 ? h("p", { class: "hint" }, t("noBallotsYet"))
      : columns(points, { title: `${t("perMinute")}: ${total}`, every: Math.max(1, Math.ceil(points.length / 10)) }),
      h("p", { class: "hint", id: "perMinuteTotal" }, `${t("ballots")} ${total}`));
    if (voted != null && total !== voted) minutesSoon();  // ballots the answer did not hold yet: ask again soon
  }

  let voted = null;
  let fetchedAt = 0;
  let pending = null;
  function minutesSoon() {
    if (pending) return;
    const wait = Math.max(0, fetchedAt + MINUTES_AT_MOST_EVERY_MS - Date.now());
    pending = setTimeout(() => {
      pending = null;
      fetchedAt = Date.now();
      refreshMinutes().catch(() => {});
    }, wait);
  }
  follow(`/api/v1/sessions/${id}/turnout/stream`, { signal: ctx.signal, onEvent: (type, data) => {
    if (type !== "turnout") return;
    render(data);
    if (data.voted !== voted) { voted = data.voted; minutesSoon(); }
  } });
  ctx.signal.addEventListener("abort", () => clearTimeout(pending));
  return panel;
}
