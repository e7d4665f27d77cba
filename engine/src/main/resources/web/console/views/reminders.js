// Operators remind the non-voters of one session: a wave to one district or to all, the progress of every wave
// (queued, sent, failed, skipped; refreshed every two seconds while one is under way), and the non-voter list of a
// district as CSV for phone calls (names and phones: every download is audit-logged).
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { progress } from "../lib/chart.js";
import { clock } from "../lib/time.js";
import { t } from "../lib/words.js";

const BUSY_EVERY_MS = 2000;
const IDLE_EVERY_MS = 10000;

export default {
  path: "/session/:id/reminders",
  roles: ["operator"],
  mount(root, ctx) {
    const id = ctx.params.id;
    const names = Object.fromEntries(ctx.edition.districts.map((d) => [d.code, d.label]));
    const district = h("select", { id: "waveDistrict" },
      h("option", { value: "" }, t("allDistricts")),
      ctx.edition.districts.map((d) => h("option", { value: d.code }, d.label)));
    const problem = h("p", { id: "wavesProblem", class: "problem", role: "alert", hidden: true });
    const started = h("p", { id: "waveStarted", role: "status" });
    const waves = h("tbody");
    root.append(
      h("p", {}, h("a", { href: `#/session/${encodeURIComponent(id)}` }, t("backToSession"))),
      h("h2", {}, `${t("reminders")} · ${id}`),
      h("div", { class: "inline" }, h("label", { for: "waveDistrict" }, t("district")), district,
        h("button", { id: "sendWave", class: "primary", type: "button", onclick: send }, t("sendWave")),
        h("button", { id: "downloadNonVoters", class: "secondary", type: "button", onclick: nonVoters }, t("nonVotersCsv"))),
      started, problem,
      h("table", { id: "waves", class: "grid" },
        h("thead", {}, h("tr", {}, [t("startedAt"), t("district"), t("kind"), t("progress"), t("queued"), t("sent"), t("failed"), t("skipped")]
          .map((c) => h("th", { scope: "col" }, c)))), waves));

    async function send() {
      const chosen = district.value;
      const scope = chosen ? names[chosen] : t("allDistricts");
      if (!window.confirm(t("confirmWave", scope))) return;
      const reply = await ctx.api(`/api/v1/admin/sessions/${id}/reminders`, { method: "POST",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(chosen ? { district: chosen } : {}) });
      showProblem(problem, reply.status === 202 ? null : reply);
      if (reply.status === 202) started.textContent = t("waveQueued", scope, reply.body.queued);
      refresh();
    }

    async function nonVoters() {
      const chosen = district.value;
      const query = chosen ? `?district=${encodeURIComponent(chosen)}` : "";
      const reply = await download(`/api/v1/admin/sessions/${id}/non-voters.csv${query}`, `${id}-non-voters${chosen ? "-" + chosen : ""}.csv`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    let timer = null;
    async function refresh() {
      clearTimeout(timer);
      const reply = await ctx.api(`/api/v1/admin/sessions/${id}/reminders`, { signal: ctx.signal }).catch(() => null);
      let busy = false;
      if (reply && reply.status === 200) {
        waves.replaceChildren(...reply.body.map((w) => {
          const total = w.queued + w.sent + w.failed + w.skipped;
          busy = busy || w.queued > 0;
          const where = w.district ? names[w.district] || w.district : t("allDistricts");
          return h("tr", { "data-wave": w.waveId },
            h("td", {}, clock(w.createdAt)), h("td", {}, where), h("td", {}, t(w.kind === "auto" ? "automatic" : "manual")),
            h("td", {}, progress(total - w.queued, total, { title: `${where} ${total - w.queued} / ${total}` })),
            h("td", { class: "num", "data-count": "queued" }, w.queued), h("td", { class: "num", "data-count": "sent" }, w.sent),
            h("td", { class: "num", "data-count": "failed" }, w.failed), h("td", { class: "num", "data-count": "skipped" }, w.skipped));
        }));
      }
      if (!ctx.signal.aborted) timer = setTimeout(refresh, busy ? BUSY_EVERY_MS : IDLE_EVERY_MS);
    }
    ctx.signal.addEventListener("abort", () => clearTimeout(timer));
    refresh();
  },
};
