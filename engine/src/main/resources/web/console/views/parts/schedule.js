// A session's times: a countdown to its next moment (opening or closing), whether the engine opens and closes it by
// itself, and for operators the extension of its closing time.
import { h, showProblem } from "../../lib/dom.js";
import { clock, everySecond, momentText } from "../../lib/time.js";
import { t } from "../../lib/words.js";

export function schedulePanel(ctx, id) {
  const times = h("p", { id: "times" });
  const count = h("p", { id: "countdown", class: "big", role: "timer", "aria-live": "off" });
  const minutes = h("input", { id: "extendMinutes", type: "number", min: 1, max: 720, value: 10, inputmode: "numeric" });
  const problem = h("p", { class: "problem", role: "alert", hidden: true });
  let session = null;
  const panel = h("section", { class: "schedule" }, times, count,
    h("div", { "data-role": "operator", class: "inline" },
      h("label", { for: "extendMinutes" }, t("extendBy")), minutes,
      h("button", { id: "extend", class: "secondary", type: "button", onclick: extend }, t("extend"))),
    problem);

  async function load() {
    const list = await fetch("/api/v1/sessions", { signal: ctx.signal }).then((r) => r.json());
    session = list.find((s) => s.id === id);
    if (!session) return;
    times.textContent = `${t("opensAt")} ${clock(session.opensAt)} · ${t("closesAt")} ${clock(session.closesAt)} · `
      + `${t(session.schedule === "automatic" ? "automatic" : "manual")} · ${t("state")}: ${session.state}`;
    tick();
  }

  function tick() {
    count.textContent = session ? momentText(t, session) : "";
  }

  async function extend() {
    const reply = await ctx.api(`/api/v1/admin/sessions/${id}/extend`, { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ minutes: Number(minutes.value) }) });
    showProblem(problem, reply.status === 200 ? null : reply);
    await load();
  }

  const stream = new EventSource("/api/v1/sessions/stream");
  stream.addEventListener("session", (event) => { if (JSON.parse(event.data).id === id) load().catch(() => {}); });
  ctx.signal.addEventListener("abort", () => stream.close());
  load().catch(() => {});
  everySecond(ctx.signal, tick);
  return panel;
}
