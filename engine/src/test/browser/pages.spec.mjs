// Browser tests of the phone page and the console in Debian's Chromium, driven by Playwright. Started by
// org.pingyi.BrowserPagesTest with a running engine; exits non-zero on the first failed check.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const { BASE_URL, OPERATOR, AUDITOR, SHOTS, REP_A, REP_B } = process.env;
mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const report = {};
// The page's Idempotency-Key: crypto.randomUUID(), within API.md's 64 characters.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Checks every element the console marks with data-role (a list of roles) once the view is on screen: those naming
 * the signed-in role are visible, all others hidden. Elements for both roles must be there, so a view that drops
 * the marks cannot pass.
 */
async function assertRoleViews(page, role) {
  const marked = page.locator("[data-role]");
  const named = new Set();
  for (const el of await marked.all()) {
    const roles = (await el.getAttribute("data-role")).split(" ");
    roles.forEach((r) => named.add(r));
    const what = `[data-role="${roles.join(" ")}"] ${await el.evaluate((e) => "#" + (e.id || e.querySelector("[id]")?.id || e.tagName))}`;
    const mine = roles.includes(role);
    assert.equal(await el.isVisible(), mine, `${what} is ${mine ? "shown" : "hidden"} for the ${role}`);
  }
  assert.ok(named.has("operator") && named.has("auditor"), `the view marks operator-only and auditor-only parts: ${[...named]}`);
}

/** The roster view is the operator's: in the nav and usable for an operator, refused to anyone else. */
async function assertRosterView(page, role) {
  const base = page.url().split("#")[0];
  assert.equal(await page.locator('#nav a[href="#/roster"]').count(), role === "operator" ? 1 : 0, `roster in the ${role}'s nav`);
  await page.goto(base + "#/roster");
  if (role === "operator") {
    await page.locator("#importRoster").waitFor();
  } else {
    await page.locator("#view .problem", { hasText: "may not use" }).waitFor();
    assert.equal(await page.locator("#importRoster").count(), 0, `no roster import for the ${role}`);
  }
}

// Every Content-Security-Policy violation any page reports; the run fails unless the one provoked below is the only one.
const violations = [];
const watched = async (options) => {
  const context = await browser.newContext(options);
  context.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  return context;
};

async function signInAndScore(page, rep) {
  await page.goto(BASE_URL + "/");
  await page.locator("#demo").waitFor();
  await page.fill("#rep", rep);
  await page.click("#demo button[type=submit]");
  await page.locator("#ballot").waitFor();
  const departments = page.locator("#departments > li");
  const count = await departments.count();
  assert.equal(count, 8, "the open group has 8 departments");
  for (let i = 0; i < count - 1; i++) {
    await departments.nth(i).locator("button.grade").nth(i % 4).click();
  }
  assert.equal(await page.isDisabled("#submit"), true, "cannot submit before every department is scored");
  assert.match(await page.textContent("#missing"), /1/, "says what is missing");
  await departments.nth(count - 1).locator("button.grade").first().click();
  assert.equal(await page.isDisabled("#submit"), false);
}

try {
  // 1. A representative at 360 px votes a full group, sees the receipt, reloads and sees "already voted".
  const phone = await watched({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
  const page = await phone.newPage();
  await signInAndScore(page, REP_A);
  // What a phone downloads to reach a filled ballot: the page itself, and the API answers. Generous bounds: a broken
  // measurement (0) or a page that swells past what a city's phones should fetch fails; no timings (not asserted).
  const entries = await page.evaluate(() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
    .map((e) => ({ type: e.initiatorType || "navigation", bytes: e.transferSize || 0 })));
  report.pageBytes = entries.filter((e) => !["fetch", "xmlhttprequest", "other"].includes(e.type)).reduce((s, e) => s + e.bytes, 0);
  report.apiBytes = entries.filter((e) => e.type === "fetch").reduce((s, e) => s + e.bytes, 0);
  assert.ok(report.pageBytes >= 5_000 && report.pageBytes <= 300_000, `page bytes within 5 KB..300 KB: ${report.pageBytes}`);
  assert.ok(report.apiBytes >= 500 && report.apiBytes <= 100_000, `API bytes within 0.5 KB..100 KB: ${report.apiBytes}`);
  await shot(page, "01-phone-ballot-scored");
  // The policy is enforced: a script injected inline does not run, and the browser says why.
  await page.evaluate(() => { const s = document.createElement("script"); s.textContent = "window.inlineRan = true"; document.body.append(s); });
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, "the CSP blocks inline script");
  await page.waitForFunction(() => true);
  assert.equal(violations.length, 1, "the blocked inline script is reported: " + violations.join("; "));
  violations.length = 0;
  await page.click("#submit");
  await page.locator("#done").waitFor();
  const receipt = (await page.textContent("#receipt")).trim();
  assert.match(receipt, /^[0-9a-z]{26}$/);
  await page.click("#check");
  await page.waitForFunction(() => document.getElementById("checked").textContent.includes("已计入"));
  await shot(page, "02-phone-receipt");
  await page.reload();
  await page.locator("#done").waitFor();
  assert.equal((await page.textContent("#receipt")).trim(), receipt, "after a reload: already voted, same receipt");
  await page.click("#lang");
  assert.equal(await page.textContent("#done h2"), "You have voted in this session");
  await shot(page, "03-phone-already-voted-en");
  await phone.close();

  // 2. The first submit reaches the engine, which stores the ballot, but its answer is lost on the way back; the page
  //    retries with the same key and the engine answers with the first answer (one ballot stored, checked by Java).
  const flaky = await watched({ viewport: { width: 412, height: 915 }, locale: "zh-CN" });
  const page2 = await flaky.newPage();
  const attempts = [];
  let firstAnswer = null;
  await page2.route("**/api/v1/sessions/*/ballots", async (route) => {
    const request = route.request();
    attempts.push({ key: request.headers()["idempotency-key"], body: request.postData() });
    if (attempts.length > 1) return route.continue();
    const reached = await route.fetch();
    firstAnswer = { status: reached.status(), body: await reached.json() };
    return route.abort("failed");
  });
  const retried = [];
  page2.on("response", (r) => {
    if (r.request().method() === "POST" && r.url().endsWith("/ballots")) retried.push(r.status());
  });
  await signInAndScore(page2, REP_B);
  await page2.click("#submit");
  await page2.locator("#done").waitFor({ timeout: 20000 });
  assert.equal(firstAnswer?.status, 201, "the first submit reached the engine and was stored");
  assert.ok(attempts.length >= 2, "the page tried again");
  for (const attempt of attempts) {
    assert.match(attempt.key ?? "", UUID, "every attempt carries a well-formed Idempotency-Key");
    assert.equal(attempt.key, attempts[0].key, "every attempt carries the same Idempotency-Key");
    assert.equal(attempt.body, attempts[0].body, "every attempt carries the same ballot");
  }
  assert.equal(retried[0], 200, "the engine answered the retry with the stored first answer, not a second ballot");
  const flakyReceipt = (await page2.textContent("#receipt")).trim();
  assert.equal(flakyReceipt, firstAnswer.body.receipt, "the page shows the receipt of the ballot the engine stored first");
  report.flaky = { representative: REP_B, idempotencyKey: attempts[0].key, receipt: flakyReceipt, attempts: attempts.length };
  await shot(page2, "04-phone-after-network-drop");
  await flaky.close();

  // 3. An operator opens, closes, seals and publishes a session and downloads the CSV; auditor views are hidden.
  const desk = await watched({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const op = await desk.newPage();
  op.on("dialog", (dialog) => dialog.accept());
  await op.goto(BASE_URL + "/console");
  await op.fill("#token", OPERATOR);
  await op.click("#loginForm button");
  await op.locator("#app").waitFor();
  const row = (id) => op.locator(`tr[data-session="${id}"]`);
  await row("econ2-2024").locator('button[data-action="open"]').waitFor();
  const sessionRows = await op.locator("tr[data-session]").count();
  assert.ok(sessionRows >= 2, "the operator sees the sessions");
  for (const [action, next] of [["open", "open"], ["close", "closed"], ["seal", "sealed"], ["publish", "published"]]) {
    await row("econ2-2024").locator(`button[data-action="${action}"]`).click();
    await op.locator(`tr[data-session="econ2-2024"] td[data-state="${next}"]`).waitFor();
  }
  await row("econ2-2024").locator("button", { hasText: "View" }).click();
  await op.locator("#turnout tbody td", { hasText: "市南区" }).waitFor();  // districts by their names, not codes
  await assertRoleViews(op, "operator");  // rows loaded, session view open: the auditor's live ranking is hidden
  await op.click("#showResults");
  await op.locator("#results tbody tr").first().waitFor();
  assert.equal(await op.locator("#results tbody tr").first().locator("td").nth(2).textContent(), "–", "no votes: no score");
  const [download] = await Promise.all([op.waitForEvent("download"), op.click("#downloadCsv")]);
  const csvPath = `${SHOTS}/econ2-2024-results.csv`;
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, "utf8");
  assert.ok(csv.startsWith("\uFEFFrank,code,department"), "UTF-8 CSV with BOM");
  assert.ok(csv.includes("市财政局"));
  await shot(op, "05-console-operator-published");
  await assertRosterView(op, "operator");

  // 4. The auditor sees the live ranking of the open session; operator controls are hidden.
  const audit = await (await watched({ viewport: { width: 1280, height: 900 } })).newPage();
  await audit.goto(BASE_URL + "/console");
  await audit.fill("#token", AUDITOR);
  await audit.click("#loginForm button");
  await audit.locator("#app").waitFor();
  await audit.locator('tr[data-session="econ2-2024"] td[data-state="published"]').waitFor();  // the rows have loaded
  assert.equal(await audit.locator("tr[data-session]").count(), sessionRows, "the auditor sees the same sessions");
  assert.equal(await audit.locator("button[data-action]").count(), 0, "no lifecycle buttons for an auditor");
  await audit.locator('tr[data-session="econ1-2024"] button', { hasText: "View" }).click();
  await audit.locator("#live li").first().waitFor({ timeout: 10000 });
  assert.equal(await audit.locator("#live li").count(), 8);
  await assertRoleViews(audit, "auditor");  // rows loaded, session view open: the operator's recount is hidden
  await shot(audit, "06-console-auditor-live");
  await assertRosterView(audit, "auditor");

  assert.deepEqual(violations, [], "no page breaks its Content-Security-Policy");
  writeFileSync(`${SHOTS}/report.json`, JSON.stringify(report));
  console.log("browser checks passed", JSON.stringify(report));
} finally {
  await browser.close();
}
