// The suggestion loop in Debian's Chromium, driven by Playwright: a citizen suggests on the phone page, the office
// assigns it in the console, the department answers in its own console, the citizen rates the answer, and the
// figures show it. Started by org.pingyi.suggestion.BrowserSuggestionsTest; exits non-zero on the first failed check.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";

const { BASE_URL, OPERATOR, DEPARTMENT, DEPARTMENT_TOKEN, CO_HANDLER, CO_TOKEN, SHOTS, PHONE, REP } = process.env;
const browser = await launch();
const report = {};
const TEXT = "建议在老城区背街小巷增设路灯，方便居民夜间出行。";

async function consoleAs(token) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(BASE_URL + "/console");
  await page.fill("#token", token);
  await page.click("#loginForm button");
  await page.locator("#app").waitFor();
  return page;
}

try {
  // 1. A citizen who is not a representative signs in (demo provider) on a 360 px phone and suggests.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
  const citizen = await phone.newPage();
  await citizen.goto(BASE_URL + "/");
  await citizen.locator("#demoCitizen").waitFor();
  await citizen.fill("#citizenSubject", "browser-citizen-1");
  await citizen.click("#demoCitizen button[type=submit]");
  await citizen.locator("#sgForm").waitFor();
  assert.equal(await citizen.isHidden("#tabBallot"), true, "a citizen has no ballot tab");
  assert.equal(await citizen.isVisible("#tabSuggest"), true);
  assert.equal(await citizen.textContent("#tabSuggest"), "意见建议", "Chinese first");
  await citizen.selectOption("#sgTopic", "urban");
  await citizen.fill("#sgText", TEXT);
  await citizen.fill("#sgPhone", PHONE);
  await citizen.click("#sgSubmit");
  await citizen.waitForFunction(() => document.getElementById("sgDone").textContent.includes("编号"));
  const id = (await citizen.textContent("#sgDone")).match(/\d+/)[0];
  await citizen.locator(`li.sg-item[data-id="${id}"] .sg-status[data-status="received"]`).waitFor();
  const overflow = await citizen.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "nothing wider than 360 px");
  const entries = await citizen.evaluate(() => performance.getEntriesByType("resource").concat(performance.getEntriesByType("navigation"))
    .map((e) => ({ type: e.initiatorType || "navigation", bytes: e.transferSize || 0 })));
  report.phonePageBytes = entries.filter((e) => !["fetch", "xmlhttprequest", "other"].includes(e.type)).reduce((s, e) => s + e.bytes, 0);
  await shot(citizen, "s01-phone-citizen-suggested");

  // 2. The office finds it among the received ones, assigns it in bulk (lead and co-handler), opens it.
  const office = await consoleAs(OPERATOR);
  await office.click('#nav a[href="#/suggestions"]');
  await office.selectOption("#sgFilterStatus", "received");
  await office.locator(`#sgList tr[data-id="${id}"]`).waitFor();
  await office.check(`#sgList tr[data-id="${id}"] input.sg-pick`);
  await office.selectOption("#bulkLead", DEPARTMENT);
  await office.selectOption("#bulkCo", CO_HANDLER);
  await office.click("#bulkAssign");
  await office.waitForFunction(() => document.getElementById("bulkResult").textContent.includes("1 / 1"));
  await office.selectOption("#sgFilterStatus", "assigned");
  await office.locator(`#sgList tr[data-id="${id}"] td[data-status="assigned"]`).waitFor();
  await office.click(`#sgList tr[data-id="${id}"] button`);
  await office.locator("#sgTrail tbody tr").nth(1).waitFor();
  await office.locator("#transferTo").waitFor();
  await shot(office, "s02-console-office-assigned");

  // 3. The co-handler reads it and may not answer; the lead department answers from its own queue.
  const co = await consoleAs(CO_TOKEN);
  await co.locator(`#queue tr[data-id="${id}"]`).waitFor();
  await co.click(`#queue tr[data-id="${id}"] button`);
  await co.locator("#coHandlerNote").waitFor();
  assert.equal(await co.locator("#answerText").count(), 0, "no answer form for a co-handler");
  const lead = await consoleAs(DEPARTMENT_TOKEN);
  assert.equal(await lead.locator('#nav a[href="#/suggestions"]').count(), 0, "a department has no office view");
  await lead.locator(`#queue tr[data-id="${id}"]`).waitFor();
  await lead.click(`#queue tr[data-id="${id}"] button`);
  await lead.fill("#answerText", "已将该路段纳入今年路灯补建计划。");
  await lead.check("#answerAdopted");
  await lead.fill("#answerPlan", "12月底前完成安装");
  await lead.click("#answerSend");
  await lead.locator('#sgStatus[data-status="answered"]').waitFor();
  await shot(lead, "s03-console-department-answered");

  // 4. The citizen sees the answer and rates it.
  await citizen.reload();
  await citizen.locator(`li.sg-item[data-id="${id}"] button[data-rate="yes"]`).waitFor();
  assert.match(await citizen.textContent(`li.sg-item[data-id="${id}"] .sg-answer`), /路灯补建计划/);
  await citizen.click(`li.sg-item[data-id="${id}"] button[data-rate="yes"]`);
  await citizen.locator(`li.sg-item[data-id="${id}"] .sg-status[data-status="closed"]`).waitFor();
  await shot(citizen, "s04-phone-rated");

  // 5. The figures show it, as a table and a chart; the trail shows every step.
  await office.click('#nav a[href="#/suggestion-figures"]');
  const row = office.locator(`#figures tr[data-code="${DEPARTMENT}"]`);
  await row.waitFor();
  for (const [column, value] of [["received", "1"], ["answered", "1"], ["answeredOnTime", "1"], ["satisfied", "1"], ["adopted", "1"]]) {
    assert.equal(await row.locator(`td[data-column="${column}"]`).textContent(), value, column);
  }
  assert.ok(await office.locator("#figuresChart svg rect").count() > 4, "a chart");
  await shot(office, "s05-console-figures");
  await office.goto(`${BASE_URL}/console#/suggestion/${id}`);
  await office.locator("#sgTrail tbody tr").nth(3).waitFor();
  const steps = await office.locator("#sgTrail tbody tr td:nth-child(3)").allTextContents();
  assert.deepEqual(steps, ["submitted", "assigned", "answered", "rated"]);

  // 6. A representative has both tabs and suggests too.
  const repPhone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" })).newPage();
  await repPhone.goto(BASE_URL + "/");
  await repPhone.locator("#demo").waitFor();
  await repPhone.fill("#rep", REP);
  await repPhone.click("#demo button[type=submit]");
  await repPhone.locator("#tabs").waitFor();
  assert.equal(await repPhone.isVisible("#tabBallot"), true);
  await repPhone.click("#tabSuggest");
  await repPhone.locator("#sgForm").waitFor();
  assert.equal(await repPhone.isHidden("#ballot"), true, "the ballot steps aside for the suggestion tab");
  await repPhone.fill("#sgText", "建议增加公交夜班线路。");
  await repPhone.click("#sgSubmit");
  await repPhone.waitForFunction(() => document.getElementById("sgDone").textContent.includes("编号"));
  await repPhone.click("#lang");
  await repPhone.waitForFunction(() => document.getElementById("tabSuggest").textContent === "Suggestions");
  await shot(repPhone, "s06-phone-representative-suggestions-en");

  writeFileSync(`${SHOTS}/suggestions-report.json`, JSON.stringify(report));
  console.log("suggestion browser checks passed", JSON.stringify(report));
} finally {
  await browser.close();
}

