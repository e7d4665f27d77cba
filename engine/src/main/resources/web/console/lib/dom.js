// Small DOM builders: elements from createElement and text nodes only (never innerHTML).

/** h("button", {class: "primary", onclick: fn, "data-action": "open"}, "Open") */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else if (name === "hidden") el.hidden = Boolean(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** A grid table: columns are header labels, rows arrays of cells (text or nodes). */
export function table(columns, rows, attrs = {}) {
  return h("table", Object.assign({ class: "grid" }, attrs),
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c) => h("td", {}, c))))));
}

/** A problem+json answer as text: its detail, then each field error on a line. */
export function problemText(reply) {
  const b = reply.body && typeof reply.body === "object" ? reply.body : {};
  const errors = (b.errors || []).map((e) => `${e.field}: ${e.message}`);
  return [b.detail || b.title || `HTTP ${reply.status}`, ...errors].join("\n");
}

/** Shows a problem in `el` (or hides it for null). */
export function showProblem(el, reply) {
  el.hidden = !reply;
  el.textContent = reply ? problemText(reply) : "";
}
