// Charts as plain SVG (createElementNS, no library, nothing from a CDN): a progress bar, horizontal bars with their
// labels and numbers, grouped bars (several series per row, with a legend), and columns over time. Every number drawn is also SVG text, and each chart has a title for
// screen readers, so the chart can be read, not only looked at.
const NS = "http://www.w3.org/2000/svg";
let ids = 0;

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

function svg(width, height, title, cls) {
  const id = `chart-title-${++ids}`;
  const root = s("svg", { viewBox: `0 0 ${width} ${height}`, class: cls, role: "img", "aria-labelledby": id,
    preserveAspectRatio: "xMinYMin meet" });
  root.append(s("title", { id }, title));
  return root;
}

const fraction = (value, max) => (max > 0 ? Math.max(0, Math.min(1, value / max)) : 0);

/** A progress bar: value of max, with its text ("123 / 300") drawn beside it. */
export function progress(value, max, { title, text, width = 260 } = {}) {
  const root = svg(width, 28, title || `${value} / ${max}`, "chart progress");
  const track = width - 90;
  root.append(s("rect", { x: 0, y: 4, width: track, height: 20, rx: 4, class: "track" }),
    s("rect", { x: 0, y: 4, width: (track * fraction(value, max)).toFixed(1), height: 20, rx: 4, class: "fill",
      "data-value": value, "data-max": max }),
    s("text", { x: track + 8, y: 20, class: "value" }, text ?? `${value} / ${max}`));
  return root;
}

/** Horizontal bars: rows [{label, value, text?}], longest = max (or the largest value). */
export function bars(rows, { title, max, width = 760, labelWidth = 200, row = 30 } = {}) {
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value ?? 0));
  const root = svg(width, rows.length * row + 8, title, "chart bars");
  const track = width - labelWidth - 90;
  rows.forEach((r, i) => {
    const y = i * row + 4;
    const g = s("g", { class: "row", "data-label": r.label, "data-value": r.value ?? "" });
    g.append(s("text", { x: labelWidth - 8, y: y + row / 2 + 1, class: "label", "text-anchor": "end" }, r.label),
      s("rect", { x: labelWidth, y: y + 4, width: track, height: row - 10, class: "track" }),
      s("rect", { x: labelWidth, y: y + 4, width: (track * fraction(r.value ?? 0, top)).toFixed(1), height: row - 10, class: "fill" }),
      s("text", { x: labelWidth + track + 8, y: y + row / 2 + 1, class: "value" }, r.text ?? (r.value ?? "–")));
    root.append(g);
  });
  return root;
}

/** Columns over time: points [{label, value}] in order; the y axis shows 0 and the largest value. */
export function columns(points, { title, width = 760, height = 200, every = 1 } = {}) {
  const root = svg(width, height, title, "chart columns");
  const left = 40;
  const bottom = height - 24;
  const top = Math.max(1, ...points.map((p) => p.value));
  const step = points.length ? (width - left - 8) / points.length : 0;
  root.append(s("line", { x1: left, y1: bottom, x2: width - 4, y2: bottom, class: "axis" }),
    s("text", { x: left - 6, y: 14, class: "tick", "text-anchor": "end" }, top),
    s("text", { x: left - 6, y: bottom, class: "tick", "text-anchor": "end" }, 0));
  points.forEach((p, i) => {
    const h = ((bottom - 20) * p.value) / top;
    const x = left + i * step;
    const g = s("g", { class: "column", "data-label": p.label, "data-value": p.value });
    g.append(s("rect", { x: (x + 1).toFixed(1), y: (bottom - h).toFixed(1), width: Math.max(1, step - 2).toFixed(1), height: h.toFixed(1), class: "fill" }),
      s("title", {}, `${p.label}: ${p.value}`));
    if (i % every === 0) g.append(s("text", { x: (x + step / 2).toFixed(1), y: height - 6, class: "tick", "text-anchor": "middle" }, p.label));
    root.append(g);
  });
  return root;
}

/**
 * Grouped horizontal bars: one row per item, one bar per series, each series its own colour, with a legend.
 * rows [{label, values: [n, …]}], series [{label, colour}]; every bar also carries its number as text.
 */
export function groupedBars(rows, series, { title, width = 760, labelWidth = 170 } = {}) {
  const rowHeight = 10 * series.length + 10;
  const top = Math.max(1, ...rows.flatMap((r) => r.values));
  const legend = 24;
  const bar = (rowHeight - 6) / series.length;
  const root = svg(width, legend + rows.length * rowHeight + 10, title || series.map((x) => x.label).join(" / "), "chart grouped");
  series.forEach((x, i) => {
    root.append(s("rect", { x: labelWidth + i * 150, y: 6, width: 12, height: 12, fill: x.colour }),
      s("text", { x: labelWidth + i * 150 + 16, y: 16, "font-size": 12 }, x.label));
  });
  rows.forEach((r, i) => {
    const y = legend + i * rowHeight;
    const g = s("g", { class: "row", "data-label": r.label });
    g.append(s("text", { x: labelWidth - 6, y: y + rowHeight / 2 + 4, "text-anchor": "end", "font-size": 12 }, r.label));
    r.values.forEach((v, j) => {
      const w = (width - labelWidth - 40) * fraction(v, top);
      g.append(s("rect", { x: labelWidth, y: y + 3 + j * bar, width: Math.max(w, v ? 1 : 0), height: bar - 1, fill: series[j].colour }),
        s("text", { x: labelWidth + w + 3, y: y + 3 + j * bar + bar - 2, "font-size": 10 }, v ? v : ""));
    });
    root.append(g);
  });
  return root;
}
