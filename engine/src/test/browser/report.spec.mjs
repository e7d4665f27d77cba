// The edition report page (GET /api/v1/admin/report.html, public once every session is published) in Debian's
// Chromium, started by org.pingyi.report.ReportTest: it renders styled under the CSP it is served with (its one
// <style> allowed by hash, no refusal in the console), has a section per group, and prints to A4 (report.pdf).
// Screenshots: report.png (screen), report-print.png (print media, one A4 landscape page's width: econ1's ranking)
// and report-<part>.png for the overview and the sections after the rankings.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";

const { BASE_URL, SHOTS, GROUPS } = process.env;
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const refusals = [];
  page.on("console", (message) => {
    if (message.type() === "error") refusals.push(message.text());
  });
  const answer = await page.goto(BASE_URL + "/api/v1/admin/report.html");
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()["content-security-policy"], /style-src 'sha256-[A-Za-z0-9+/=]+'/);

  for (const group of GROUPS.split(",")) {
    assert.equal(await page.locator(`section#group-${group} h2`).count(), 1, `a section for ${group}`);
  }
  // The stylesheet applied: header cells filled, numbers right-aligned, each section on a page of its own.
  const looks = await page.evaluate(() => {
    const th = document.querySelector("section.ranking th");
    const num = document.querySelector("section.ranking td.num");
    const section = document.querySelector("section.ranking");
    return {
      thBackground: getComputedStyle(th).backgroundColor,
      numAlign: getComputedStyle(num).textAlign,
      breakBefore: getComputedStyle(section).breakBefore,
      styleSheets: document.styleSheets.length,
    };
  });
  assert.equal(looks.thBackground, "rgb(221, 228, 238)", "the table header is styled");
  assert.equal(looks.numAlign, "right", "figures are right-aligned");
  assert.equal(looks.breakBefore, "page", "each section starts a page");
  assert.equal(looks.styleSheets, 1);
  assert.deepEqual(refusals, [], "no CSP refusal");
  await shot(page, "report");

  await page.pdf({ path: `${SHOTS}/report.pdf`, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.locator("section#group-econ1").screenshot({ path: `${SHOTS}/report-print.png` });
  for (const part of ["overview", "turnout", "survey", "suggestions", "verification"]) {
    await page.locator(`#${part}`).screenshot({ path: `${SHOTS}/report-${part}.png` });
  }
  console.log("report checks passed");
} finally {
  await browser.close();
}
