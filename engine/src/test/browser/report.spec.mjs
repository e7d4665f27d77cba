// The edition report in Debian's Chromium, started by org.pingyi.report.ReportTest in two parts (PART):
//   console  before publication: an auditor finds the report in the console and downloads the workbook; an operator
//            sees why not (the buttons stay disabled); the view passes an accessibility audit.
//   page     once every session is published: report.html renders styled under the CSP it is served with (its one
//            <style> allowed by hash, no refusal in the console), has a section per group, and prints to A4
//            (report.pdf, ranking pages landscape).
// Screenshots: report-console-*.png, report.png (screen), report-print.png (print media, econ1's ranking) and
// report-<part>.png for the overview and the sections after the rankings.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { audit } from "./a11y.mjs";

const { BASE_URL, SHOTS, PART, GROUPS, AUDITOR, OPERATOR, EDITION } = process.env;
const browser = await launch();

async function signIn(context, token) {
  const page = await context.newPage();
  await page.goto(BASE_URL + "/console#/report");
  await page.fill("#token", token);
  await page.press("#token", "Enter");
  await page.locator("#app").waitFor();
  await page.locator("#reportSessions tbody tr").first().waitFor();
  return page;
}

async function consolePart() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  const auditor = await signIn(context, AUDITOR);
  assert.equal(await auditor.locator('#nav a[href="#/report"]').count(), 1, "the report is in the auditor's nav");
  assert.equal(await auditor.locator("#reportSessions tbody tr").count(), GROUPS.split(",").length);
  assert.match(await auditor.textContent("#reportStatus"), /仅供审计/);
  const [download] = await Promise.all([auditor.waitForEvent("download"), auditor.click("#reportXlsx")]);
  assert.equal(download.suggestedFilename(), `${EDITION}-report.xlsx`);
  const saved = `${SHOTS}/report-console.xlsx`;
  await download.saveAs(saved);
  assert.equal(readFileSync(saved).subarray(0, 2).toString(), "PK", "a workbook (a zip)");
  assert.equal(await auditor.isHidden("#reportProblem"), true);
  const bad = await audit(auditor, "console report");
  assert.deepEqual(bad, [], "no serious or critical accessibility violation");
  await shot(auditor, "report-console-auditor");

  const operator = await signIn(await browser.newContext({ viewport: { width: 1280, height: 900 } }), OPERATOR);
  assert.equal(await operator.isDisabled("#reportXlsx"), true, "the operator may not have it yet");
  assert.equal(await operator.isDisabled("#reportHtml"), true);
  assert.equal(await operator.isHidden("#reportOpen"), true);
  await shot(operator, "report-console-operator");
}

async function pagePart() {
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
}

try {
  if (PART === "console") await consolePart(); else await pagePart();
  console.log(`report ${PART} checks passed`);
} finally {
  await browser.close();
}
