// axe-core inside the page (evaluated through the driver, so the pages' Content-Security-Policy stays as it is):
// answers the serious and critical violations, each with the elements it found.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function audit(page, name) {
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = result.filter((v) => !bad.includes(v)).map((v) => `${v.id}(${v.impact})`);
  console.log(`axe ${name}: ${bad.length} serious/critical${minor.length ? ", minor: " + minor.join(" ") : ""}`);
  return bad;
}
