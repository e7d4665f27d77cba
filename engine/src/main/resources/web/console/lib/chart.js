// SVG charts drawn with createElementNS (no library, no innerHTML).
const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text != null) node.textContent = text;
  return node;
}

/**
 * Grouped horizontal bars: one row per item (label), one bar per series, each series its own colour, with a legend.
 * rows: [{label, values: [n, …]}], series: [{label, colour}].
 */
export function groupedBars(rows, series, { width = 760, labelWidth = 170 } = {}) {
  const rowHeight = 10 * series.length + 10;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const legend = 24;
  const height = legend + rows.length * rowHeight + 10;
  const bar = (rowHeight - 6) / series.length;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img" });
  series.forEach((s, i) => {
    root.append(svg("rect", { x: labelWidth + i * 150, y: 6, width: 12, height: 12, fill: s.colour }),
      svg("text", { x: labelWidth + i * 150 + 16, y: 16, "font-size": 12 }, s.label));
  });
  rows.forEach((r, i) => {
    const y = legend + i * rowHeight;
    root.append(svg("text", { x: labelWidth - 6, y: y + rowHeight / 2 + 4, "text-anchor": "end", "font-size": 12 }, r.label));
    r.values.forEach((v, j) => {
      const w = ((width - labelWidth - 40) * v) / max;
      root.append(
        svg("rect", { x: labelWidth, y: y + 3 + j * bar, width: Math.max(w, v ? 1 : 0), height: bar - 1, fill: series[j].colour }),
        svg("text", { x: labelWidth + w + 3, y: y + 3 + j * bar + bar - 2, "font-size": 10 }, v ? String(v) : ""));
    });
  });
  return root;
}
