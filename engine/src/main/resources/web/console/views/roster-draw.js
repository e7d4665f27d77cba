// The year's roster draw, as a wizard: publish the pool (its hash is public at once), announce where the seed will
// come from and when, enter the seed once it is known, draw, inspect per cell and per source, download, adopt.
// One function per step; the step shown follows the draw's state on the server, so a reload resumes where it was.
import { download } from "../lib/api.js";
import { h, showProblem, table } from "../lib/dom.js";
import { t } from "../lib/words.js";

const SOURCES = ["random", "recommended", "volunteer"];

export default {
  path: "/draw",
  nav: "rosterDraw",
  roles: ["operator", "auditor"],
  mount(root, ctx) {
    const categories = Object.fromEntries(ctx.edition.categories.map((c) => [c.code, c.label]));
    const districts = Object.fromEntries(ctx.edition.districts.map((d) => [d.code, d.label]));
    const operator = ctx.role === "operator";
    const el = {
      status: h("dl", { id: "drawStatus", class: "facts" }),
      step: h("section", { id: "drawStep" }),
      problem: h("div", { id: "drawProblem", class: "problem", role: "alert", hidden: true }),
      history: h("div", { id: "drawHistory" }),
    };
    root.append(h("h2", {}, t("rosterDraw")), h("p", {}, t("drawIntro")), el.status, el.problem, el.step,
      h("h3", {}, t("drawHistory")), el.history);

    async function load() {
      const reply = await ctx.api("/api/v1/draws", { signal: ctx.signal });
      if (reply.status !== 200) { showProblem(el.problem, reply); return; }
      const current = reply.body.find((d) => d.state !== "discarded");
      showStatus(current);
      el.history.replaceChildren(table([t("drawId"), t("year"), t("state"), t("poolSha256"), t("discardReason")],
        reply.body.map((d) => [d.id, d.year, t("drawState_" + d.state), h("code", {}, d.poolSha256), d.discardReason || ""])));
      el.step.replaceChildren(...stepFor(current));
      ctx.applyRoles(el.step);
    }

    function stepFor(draw) {
      if (!draw) return operator ? publishPool() : [h("p", {}, t("drawNone"))];
      const steps = { pool_published: announceSeed, seed_announced: enterSeed, seeded: runDraw, drawn: inspect, adopted: inspect };
      return [...steps[draw.state](draw), ...(operator && draw.state !== "adopted" ? discard(draw) : [])];
    }

    function showStatus(draw) {
      const facts = draw ? [["drawId", draw.id], ["year", draw.year], ["state", t("drawState_" + draw.state)],
        ["poolSha256", draw.poolSha256], ["poolPeople", draw.poolPeople], ["seedSource", draw.seedSource],
        ["seedKnownAt", draw.seedKnownAt && new Date(draw.seedKnownAt).toLocaleString()], ["seed", draw.seed],
        ["transcriptSha256", draw.transcriptSha256]] : [];
      el.status.replaceChildren(...facts.filter(([, v]) => v != null).flatMap(([k, v]) =>
        [h("dt", {}, t(k)), h("dd", { id: "fact-" + k }, String(v))]));
    }

    /** Sends one step; shows its problem (every short cell, every bad line) or moves the wizard on. */
    async function send(path, options) {
      showProblem(el.problem, null);
      const reply = await ctx.api(path, options);
      if (reply.status >= 300) { showProblem(el.problem, reply); return null; }
      await load();
      return reply.body;
    }

    const json = (body) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

    function publishPool() {
      const file = h("input", { id: "drawFile", type: "file", accept: ".csv,text/csv", "aria-label": t("poolFile") });
      const year = h("input", { id: "drawYear", type: "number", min: "1900", max: "2999", value: String(new Date().getFullYear() + 1) });
      return [h("h3", {}, t("stepPool")), h("p", {}, t("stepPoolHelp")),
        h("label", {}, t("poolFile"), " ", file), h("label", {}, t("year"), " ", year),
        h("button", { id: "publishPool", class: "primary", type: "button", onclick: () => {
          if (file.files[0]) send(`/api/v1/admin/draws?year=${encodeURIComponent(year.value)}`,
            { method: "POST", headers: { "Content-Type": "text/csv" }, body: file.files[0] });
        } }, t("publishPool"))];
    }

    function announceSeed(draw) {
      const source = h("input", { id: "seedSource", type: "text", maxlength: "500", size: "50", placeholder: t("seedSourceHint") });
      const knownAt = h("input", { id: "seedKnownAt", type: "datetime-local", step: "1" });
      return [h("h3", {}, t("stepSeedSource")), h("p", {}, t("stepSeedSourceHelp")),
        h("div", { "data-role": "operator" }, h("label", {}, t("seedSource"), " ", source), h("label", {}, t("seedKnownAt"), " ", knownAt),
          h("button", { id: "announceSeed", class: "primary", type: "button", onclick: () => send(`/api/v1/admin/draws/${draw.id}/seed-source`,
            json({ source: source.value, knownAt: knownAt.value ? new Date(knownAt.value).toISOString() : "" })) }, t("announceSeed")))];
    }

    function enterSeed(draw) {
      const seed = h("input", { id: "seedValue", type: "text", maxlength: "200", size: "40" });
      return [h("h3", {}, t("stepSeed")), h("p", {}, t("stepSeedHelp", new Date(draw.seedKnownAt).toLocaleString())),
        h("div", { "data-role": "operator" }, h("label", {}, t("seed"), " ", seed),
          h("button", { id: "enterSeed", class: "primary", type: "button",
            onclick: () => send(`/api/v1/admin/draws/${draw.id}/seed`, json({ seed: seed.value })) }, t("enterSeed")))];
    }

    function runDraw(draw) {
      return [h("h3", {}, t("stepDraw")), h("p", {}, t("stepDrawHelp")),
        h("button", { id: "runDraw", class: "primary", type: "button", "data-role": "operator",
          onclick: () => send(`/api/v1/admin/draws/${draw.id}/run`, { method: "POST" }) }, t("runDraw"))];
    }

    function inspect(draw) {
      const summary = h("div", { id: "drawSummary" });
      ctx.api(`/api/v1/admin/draws/${draw.id}/summary`, { signal: ctx.signal }).then((reply) => {
        if (reply.status === 200) summary.replaceChildren(...summaryTables(reply.body));
      });
      return [h("h3", {}, t("stepInspect")), summary,
        h("button", { id: "downloadTranscript", class: "secondary", type: "button",
          onclick: () => download(`/api/v1/draws/${draw.id}/transcript`, "draw.json") }, t("downloadTranscript")),
        draw.state === "drawn" ? h("button", { id: "downloadRoster", class: "secondary", type: "button", "data-role": "operator",
          onclick: () => download(`/api/v1/admin/draws/${draw.id}/roster.csv`, "roster.csv") }, t("downloadRoster")) : null,
        draw.state === "drawn" ? adopt(draw) : h("p", { id: "drawAdopted" }, t("drawAdopted"))];
    }

    function summaryTables(s) {
      const bySource = (counts) => SOURCES.map((k) => counts[k]);
      const totals = table([t("active"), t("drawNew"), t("alternates"), ...SOURCES.map((k) => t("source_" + k))],
        [[s.active, s.newActive, s.alternates, ...bySource(s.activeBySource)]], { id: "drawTotals" });
      const cells = table([t("category"), t("district"), t("seats"), t("drawNew"), t("drawReturning"), t("alternates"),
        ...SOURCES.map((k) => t("source_" + k))],
      s.cells.map((c) => [categories[c.category] || c.category, c.district === "city" ? t("cityCell") : districts[c.district] || c.district,
        c.seats, c.new, c.returning, c.alternates, ...bySource(c.activeBySource)]), { id: "drawCells" });
      return [totals, cells];
    }

    function adopt(draw) {
      return h("div", { "data-role": "operator" }, h("p", {}, t("stepAdoptHelp")),
        h("button", { id: "adoptRoster", class: "primary", type: "button", onclick: async () => {
          if (!window.confirm(t("confirmAdopt"))) return;
          const body = await send(`/api/v1/admin/draws/${draw.id}/adopt`, { method: "POST" });
          if (body) el.problem.hidden = true;
        } }, t("adoptRoster")));
    }

    function discard(draw) {
      const reason = h("input", { id: "discardReason", type: "text", maxlength: "500", size: "40" });
      return [h("details", { "data-role": "operator" }, h("summary", {}, t("discardDraw")), h("p", {}, t("discardHelp")),
        h("label", {}, t("discardReason"), " ", reason),
        h("button", { id: "discardDraw", class: "secondary", type: "button",
          onclick: () => send(`/api/v1/admin/draws/${draw.id}/discard`, json({ reason: reason.value })) }, t("discardDraw")))];
    }

    load().catch(() => {});
  },
};
