// One suggestion with its whole trail. The office assigns, transfers and merges duplicates (offered by text
// similarity on the same topic); the lead department answers (adoption and plan) or transfers with a reason; a
// co-handler reads only.
import { h, showProblem, table } from "../lib/dom.js";
import { t, statusName } from "../lib/words.js";
import { departmentName, dueDay } from "./suggestion-list.js";

const json = (body) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

function departmentSelect(id, edition, { multiple = false } = {}) {
  return h("select", { id, multiple, size: multiple ? 4 : null },
    edition.groups.flatMap((g) => g.departments).map((d) => h("option", { value: d.code }, `${d.code} ${d.name}`)));
}

export default {
  path: "/suggestion/:id",
  roles: ["operator", "department"],
  mount(root, ctx) {
    const id = ctx.params.id;
    const office = ctx.role === "operator";
    const own = office ? null : ctx.role.slice("department:".length);
    const problem = h("p", { id: "sgProblem", class: "problem", role: "alert", hidden: true });
    const detail = h("div", { id: "sgDetail" });
    const actions = h("div", { id: "sgActions" });
    root.append(h("p", {}, h("a", { href: office ? "#/suggestions" : "#/queue" }, t("backToList"))),
      h("h2", {}, `${t("suggestions")} #${id}`), problem, detail, actions);

    async function step(name, body) {
      const reply = await ctx.api(`/api/v1/admin/suggestions/${id}/${name}`, json(body));
      showProblem(problem, reply.status === 200 ? null : reply);
      if (reply.status === 200) await load();
    }

    function facts(s) {
      const name = (code) => departmentName(ctx.edition, code);
      const topic = (ctx.edition.suggestionTopics.find((tp) => tp.code === s.topic) || { label: s.topic }).label;
      const rowsOf = [[t("status"), h("span", { id: "sgStatus", "data-status": s.status }, statusName(s.status))],
        [t("topic"), topic], [t("lead"), name(s.lead)], [t("coHandlers"), s.coHandlers.map(name).join("、") || t("none")],
        [t("dueAt"), `${dueDay(s.dueAt)}${s.overdue ? " · " + t("overdue") : ""}`]];
      if (s.author) rowsOf.push([t("author"), `${s.author.role} ${s.author.id}`]);
      if (s.answer) rowsOf.push([t("answer"), `${s.answer}${s.adopted ? " · " + t("adopted") : ""}${s.plan ? " · " + t("plan") + ": " + s.plan : ""}`]);
      if (s.mergedInto) rowsOf.push([t("merged"), h("a", { href: `#/suggestion/${s.mergedInto}` }, "#" + s.mergedInto)]);
      return h("table", { class: "grid facts" }, h("tbody", {}, rowsOf.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, v)))));
    }

    function trail(steps) {
      return table([t("at"), t("actor"), t("action"), t("status"), t("department"), t("detail")],
        steps.map((st) => [new Date(st.at).toLocaleString("zh-CN"), st.actor, st.action, statusName(st.status),
          departmentName(ctx.edition, st.department), JSON.stringify(st.detail)]), { id: "sgTrail" });
    }

    function transferForm() {
      const to = departmentSelect("transferTo", ctx.edition);
      const reason = h("input", { id: "transferReason", maxlength: 500, required: true });
      return h("form", { class: "step", onsubmit: (e) => { e.preventDefault(); step("transfer", { to: to.value, reason: reason.value }); } },
        h("h3", {}, t("transfer")), h("label", {}, t("department"), to), h("label", {}, t("reason"), reason),
        h("button", { id: "transferSend", class: "secondary", type: "submit" }, t("transfer")));
    }

    function answerForm() {
      const text = h("textarea", { id: "answerText", rows: 4, maxlength: 2000, required: true });
      const adopted = h("input", { id: "answerAdopted", type: "checkbox" });
      const plan = h("textarea", { id: "answerPlan", rows: 2, maxlength: 2000 });
      return h("form", { class: "step", onsubmit: (e) => {
        e.preventDefault();
        step("answer", Object.assign({ answer: text.value, adopted: adopted.checked }, plan.value.trim() ? { plan: plan.value } : {}));
      } }, h("h3", {}, t("answer")), text, h("label", { class: "inline" }, adopted, t("adopted")), h("label", {}, t("plan"), plan),
      h("button", { id: "answerSend", class: "primary", type: "submit" }, t("send")));
    }

    function assignForm() {
      const lead = departmentSelect("assignLead", ctx.edition);
      const co = departmentSelect("assignCo", ctx.edition, { multiple: true });
      return h("form", { class: "step", onsubmit: (e) => {
        e.preventDefault();
        step("assign", { lead: lead.value, coHandlers: [...co.selectedOptions].map((o) => o.value).filter((c) => c !== lead.value) });
      } }, h("h3", {}, t("assign")), h("label", {}, t("lead"), lead), h("label", {}, t("coHandlers"), co),
      h("button", { id: "assignSend", class: "primary", type: "submit" }, t("assign")));
    }

    async function similar() {
      const reply = await ctx.api(`/api/v1/admin/suggestions/${id}/similar`, { signal: ctx.signal });
      if (reply.status !== 200) return null;
      const into = h("input", { id: "mergeInto", inputmode: "numeric", size: 8 });
      return h("div", { class: "step" }, h("h3", {}, t("similar")),
        reply.body.similar.length ? null : h("p", { class: "hint" }, t("none")),
        h("ol", { id: "similar" }, reply.body.similar.map((o) => h("li", {},
          h("a", { href: `#/suggestion/${o.id}` }, `#${o.id}`), ` ${o.score} · ${statusName(o.status)} · ${o.text} `,
          h("button", { type: "button", class: "secondary", "data-merge-into": o.id, onclick: () => step("merge", { into: o.id }) }, t("merge"))))),
        h("label", {}, t("mergeInto"), into),
        h("button", { id: "mergeSend", class: "secondary", type: "button", onclick: () => step("merge", { into: into.value }) }, t("merge")));
    }

    async function load() {
      const reply = await ctx.api(`/api/v1/admin/suggestions/${id}`, { signal: ctx.signal });
      if (reply.status !== 200) { showProblem(problem, reply); detail.replaceChildren(); actions.replaceChildren(); return; }
      const s = reply.body;
      detail.replaceChildren(h("p", { id: "sgText", class: "sg-text" }, s.text), facts(s), h("h3", {}, t("trail")), trail(s.trail));
      const open = s.status === "assigned" || s.status === "reopened";
      const parts = [];
      if (office) {
        if (s.status === "received") parts.push(assignForm());
        if (open) parts.push(transferForm());
        if (["received", "assigned", "reopened"].includes(s.status)) parts.push(await similar());
      } else if (own === s.lead) {
        if (open) parts.push(answerForm(), transferForm());
      } else {
        parts.push(h("p", { id: "coHandlerNote", class: "hint" }, t("coHandlerNote")));
      }
      actions.replaceChildren(...parts.filter(Boolean));
    }

    load().catch(() => {});
  },
};
