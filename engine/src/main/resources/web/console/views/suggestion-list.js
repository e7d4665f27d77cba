// The queue table both the office and a department use: filters, rows overdue first (the server's order), a
// checkbox per row when the caller picks rows (the office's bulk assignment).
import { h } from "../lib/dom.js";
import { t, statusName } from "../lib/words.js";

export const STATUSES = ["received", "assigned", "answered", "closed", "reopened", "merged"];

/** dueAt is midnight after the last working day: show that day. */
export function dueDay(iso) {
  return iso ? new Date(Date.parse(iso) - 1000).toLocaleDateString("zh-CN") : "";
}

export function departmentName(edition, code) {
  if (!code) return "";
  const found = edition.groups.flatMap((g) => g.departments).find((d) => d.code === code);
  return found ? found.name : code;
}

/** Filter controls; onChange(query string) whenever one changes. */
export function filters(edition, { withDepartment, onChange }) {
  const status = h("select", { id: "sgFilterStatus" }, h("option", { value: "" }, t("all")),
    STATUSES.map((s) => h("option", { value: s }, statusName(s))));
  const department = withDepartment ? h("select", { id: "sgFilterDepartment" }, h("option", { value: "" }, t("all")),
    edition.groups.flatMap((g) => g.departments).map((d) => h("option", { value: d.code }, `${d.code} ${d.name}`))) : null;
  const topic = h("select", { id: "sgFilterTopic" }, h("option", { value: "" }, t("all")),
    (edition.suggestionTopics || []).map((tp) => h("option", { value: tp.code }, tp.label)));
  const overdue = h("input", { id: "sgFilterOverdue", type: "checkbox" });
  const query = () => {
    const q = new URLSearchParams();
    if (status.value) q.set("status", status.value);
    if (department && department.value) q.set("department", department.value);
    if (topic.value) q.set("topic", topic.value);
    if (overdue.checked) q.set("overdue", "true");
    return q.toString() ? "?" + q : "";
  };
  [status, department, topic, overdue].filter(Boolean).forEach((c) => c.addEventListener("change", () => onChange(query())));
  return { node: h("div", { class: "filters" }, h("label", {}, t("status"), status), department ? h("label", {}, t("lead"), department) : null,
    h("label", {}, t("topic"), topic), h("label", { class: "inline" }, overdue, t("overdueOnly"))), query };
}

/** The rows of a queue; picked: a Set of ids the checkboxes fill, or null for no checkboxes. */
export function rows(tbody, items, edition, { picked, open }) {
  const topics = Object.fromEntries((edition.suggestionTopics || []).map((tp) => [tp.code, tp.label]));
  tbody.replaceChildren(...items.map((s) => h("tr", { "data-id": s.id, class: s.overdue ? "overdue" : null },
    picked ? h("td", {}, h("input", { type: "checkbox", class: "sg-pick", "aria-label": s.id,
      onchange: (e) => (e.target.checked ? picked.add(s.id) : picked.delete(s.id)) })) : null,
    h("td", {}, s.id), h("td", {}, topics[s.topic] || s.topic),
    h("td", { class: "sg-text" }, s.text.length > 60 ? s.text.slice(0, 60) + "…" : s.text),
    h("td", { "data-status": s.status }, statusName(s.status)),
    h("td", {}, departmentName(edition, s.lead)),
    h("td", {}, dueDay(s.dueAt), s.overdue ? h("strong", { class: "late" }, " " + t("overdue")) : null),
    h("td", {}, h("button", { type: "button", class: "secondary", onclick: () => open(s.id) }, t("openItem"))))));
}

export function header(withPick) {
  return h("thead", {}, h("tr", {}, [withPick ? "" : null, t("id"), t("topic"), t("text"), t("status"), t("lead"), t("dueAt"), ""]
    .filter((c) => c !== null).map((c) => h("th", {}, c))));
}
