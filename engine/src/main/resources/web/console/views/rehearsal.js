// The dress rehearsal (演练). On a rehearsal engine (started with `rehearse`): the synthetic roster, "broadcast
// ended" for an open session with how many phones vote within how many seconds, each run's curve, latency and
// outcomes, the reminder waves the evening sent, the verifier's verdict for a sealed session, and the reset. The
// evening's own steps (open, close, seal, publish, reminders) are the ordinary session views: the office practises
// with them. On the live engine the API answers 404 and this view says how to start a rehearsal beside it.
import { h, showProblem, table } from "../lib/dom.js";
import { columns } from "../lib/chart.js";
import { t } from "../lib/words.js";

export default {
  path: "/rehearsal",
  nav: "rehearsal",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const problem = h("p", { class: "problem", role: "alert", hidden: true });
    const summary = h("p", { id: "rehearsalSummary" });
    const runs = h("div", { id: "rehearsalRuns" });
    const waves = h("div", { id: "rehearsalWaves" });
    const verdict = h("p", { id: "rehearsalVerdict", role: "status" });
    root.append(h("h2", {}, t("rehearsal")), summary, problem);

    async function load() {
      const reply = await ctx.api("/api/v1/admin/rehearsal", { signal: ctx.signal });
      if (reply.status === 404) {
        root.replaceChildren(h("h2", {}, t("rehearsal")), h("p", { id: "rehearsalLive" }, t("rehearsalOnLive")),
          h("pre", {}, "java -jar pingyi-engine.jar rehearse --port 8090"));
        return false;
      }
      showProblem(problem, reply.status === 200 ? null : reply);
      if (reply.status !== 200) return false;
      render(reply.body);
      return reply.body.runs.some((r) => !r.finishedAt);
    }

    function render(report) {
      summary.textContent = `${report.edition.name} · ${t("syntheticRepresentatives")} ${report.representatives}`;
      runs.replaceChildren(...report.runs.slice().reverse().map(runView));
      waves.replaceChildren(report.reminderWaves.length === 0 ? h("p", { class: "hint" }, t("none"))
        : table([t("session"), t("district"), t("waveSent"), t("waveFailed"), t("waveSkipped"), t("waveQueuedNow")],
          report.reminderWaves.map((w) => [w.sessionId, w.district || t("all"), w.sent, w.failed, w.skipped, w.queued])));
      sessionSelect.replaceChildren(...report.sessions.map((s) =>
        h("option", { value: s.id, selected: s.state === "open" ? "" : null }, `${s.id} · ${s.state} · ${t("ballots")} ${s.ballots}`)));
    }

    function runView(run) {
      const points = run.acknowledgedPerSecond.map((n, i) => ({ label: `${i}s`, value: n }));
      const latency = run.latencyMs;
      const ms = (v) => (v == null ? "–" : `${Number(v).toFixed(1)} ms`);
      return h("section", { class: "rehearsal-run", "data-session": run.sessionId, "data-finished": run.finishedAt ? "yes" : "no" },
        h("h3", {}, t("rehearsalRun", run.sessionId, run.phones, run.seconds)),
        h("p", { class: "big", "data-acknowledged": run.acknowledged },
          `${t("acknowledged")} ${run.acknowledged} / ${run.phones} · ${t("errors")} ${run.errors} · ${t("retried")} ${run.retried}`
          + (run.finishedAt ? "" : ` · ${t("underWay")}`)),
        h("p", {}, `p50 ${ms(latency.p50)} · p95 ${ms(latency.p95)} · p99 ${ms(latency.p99)} · max ${ms(latency.max)}`),
        columns(points, { title: `${t("ballotsPerSecond")}: ${run.acknowledged}`, every: Math.max(1, Math.ceil(points.length / 12)) }),
        table([t("outcome"), t("phonesCount")], Object.entries(run.outcomes)));
    }

    const sessionSelect = h("select", { id: "rehearsalSession" });
    const phones = h("input", { id: "rehearsalPhones", type: "number", min: "1", max: "100000", value: "3000", required: "" });
    const seconds = h("input", { id: "rehearsalSeconds", type: "number", min: "1", max: "3600", value: "60", required: "" });
    const chooser = h("p", {}, h("label", { for: "rehearsalSession" }, t("session")), sessionSelect);
    const form = h("form", { id: "rehearsalForm", "data-role": "operator" },
      h("label", { for: "rehearsalPhones" }, t("phonesCount")), phones,
      h("label", { for: "rehearsalSeconds" }, t("withinSeconds")), seconds,
      h("button", { class: "primary", type: "submit" }, t("broadcastEnded")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await ctx.api("/api/v1/admin/rehearsal/broadcast-ended", { method: "POST", signal: ctx.signal,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sessionId: sessionSelect.value, phones: Number(phones.value), seconds: Number(seconds.value) }) });
      showProblem(problem, reply.status === 202 ? null : reply);
      if (reply.status === 202) follow();
    });

    const verifyButton = h("button", { id: "rehearsalVerify", class: "secondary", type: "button", "data-role": "auditor" }, t("verifySealed"));
    verifyButton.addEventListener("click", async () => {
      const reply = await ctx.api(`/api/v1/admin/rehearsal/sessions/${encodeURIComponent(sessionSelect.value)}/verify`,
        { method: "POST", signal: ctx.signal });
      showProblem(problem, reply.status === 200 ? null : reply);
      verdict.textContent = reply.status === 200 ? reply.body.message : "";
    });

    const resetButton = h("button", { id: "rehearsalReset", class: "primary", type: "button", "data-role": "operator" }, t("rehearsalReset"));
    resetButton.addEventListener("click", async () => {
      if (!confirm(t("confirmRehearsalReset"))) return;
      const reply = await ctx.api("/api/v1/admin/rehearsal/reset", { method: "POST", signal: ctx.signal });
      showProblem(problem, reply.status === 202 ? null : reply);
      if (reply.status === 202) root.replaceChildren(h("h2", {}, t("rehearsal")), h("p", { id: "rehearsalGone", role: "status" }, t("rehearsalRemoved")));
    });

    root.append(h("p", { class: "hint" }, t("rehearsalHint")), chooser, form, verifyButton, verdict,
      h("h3", {}, t("reminderWaves")), waves, runs, h("h3", {}, t("rehearsalEnd")), resetButton);
    ctx.applyRoles(root);

    // While a run is under way the figures refresh every second; afterwards they stand still.
    let following = false;
    async function follow() {
      if (following) return;
      following = true;
      try {
        while (!ctx.signal.aborted && await load()) await new Promise((r) => setTimeout(r, 1000));
      } finally {
        following = false;
      }
    }
    follow().catch(() => {});
  },
};
