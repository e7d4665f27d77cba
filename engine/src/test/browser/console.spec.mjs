// The console on the evening, in Debian's Chromium at 1280 px (started by org.pingyi.http.ConsoleEveningTest with a
// running engine and econ1-2024 open): turnout bars move with the ballots through the stream, the ballots per
// minute, a reminder wave with its progress, the non-voter download, survey and ranking charts with the numbers the
// test sent, the audit log filter; axe-core audits of every view and of the phone page, and a ballot cast with the
// keyboard alone. Exits non-zero on the first failed check.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { audit } from "./a11y.mjs";

const { BASE_URL, OPERATOR, AUDITOR, SHOTS, DISTRICT, DISTRICT_LABEL, VOTERS, PHONE_REP } = process.env;
const ELIGIBLE = Number(process.env.DISTRICT_ELIGIBLE);
const voters = VOTERS.split(",");
const browser = await launch();
const violations = [];
async function check(page, name) {
  violations.push(...(await audit(page, name)).map((v) => ({ page: name, ...v })));
}

// Department Dk of econ1 gets grade GRADES[k % 4] from every test ballot, so its live score is that grade's points.
const GRADES = [["satisfied", 100], ["fairly_satisfied", 80], ["basically_satisfied", 60], ["dissatisfied", 0]];
const ISSUES = ["places", "places", "quality"];
const SCALE = [5, 4, 3];

async function vote(rep, i) {
  const post = (path, body, token) => fetch(BASE_URL + path, { method: "POST", body: JSON.stringify(body),
    headers: Object.assign({ "Content-Type": "application/json" }, token ? { Authorization: "Bearer " + token } : {}) });
  const id = await (await post("/api/v1/dev/face-auth", { representativeId: rep })).json();
  const login = await (await post("/api/v1/auth/face", { idToken: id.idToken })).json();
  const scores = {};
  for (let k = 1; k <= 8; k++) scores[`D0${k}`] = GRADES[k % 4][0];
  const reply = await post("/api/v1/sessions/econ1-2024/ballots",
    { scores, survey: { q_education_issue: ISSUES[i], q_education: SCALE[i] } }, login.accessToken);
  assert.equal(reply.status, 201, `ballot of ${rep}`);
}

async function signIn(context, token) {
  const page = await context.newPage();
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(BASE_URL + "/console");
  // With the keyboard alone: the token field has the focus order's first stop after the header.
  await page.keyboard.press("Tab");
  while (!(await page.evaluate(() => document.activeElement?.id === "token"))) await page.keyboard.press("Tab");
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
  await page.locator("#app").waitFor();
  return page;
}

const rowOf = (page) => page.locator(`#turnout tr[data-district="${DISTRICT}"]`);
const votedIn = async (page) => Number(await rowOf(page).locator("td.num").first().textContent());

try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  const op = await signIn(desk, OPERATOR);
  await op.locator('tr[data-session="enforcement-2024"] td.countdown').filter({ hasText: /^距开始 opens in \d+d \d\d:\d\d:\d\d$/ }).waitFor();
  const first = await op.textContent('tr[data-session="enforcement-2024"] td.countdown');
  await op.waitForFunction((before) => document.querySelector('tr[data-session="enforcement-2024"] td.countdown').textContent !== before, first);
  await op.locator('tr[data-session="econ1-2024"] td.countdown', { hasText: /^结束时间已过 its closing time has passed$/ }).waitFor();
  await check(op, "console sessions");
  await shot(op, "10-console-sessions-countdowns");

  // 1. Turnout bars move as ballots arrive, driven by the stream (the page never asks for /turnout itself).
  const polled = [];
  op.on("request", (r) => { if (/\/turnout(\?|$)/.test(new URL(r.url()).pathname)) polled.push(r.url()); });
  await op.goto(BASE_URL + "/console#/session/econ1-2024");
  await rowOf(op).locator("td.name", { hasText: DISTRICT_LABEL }).waitFor();
  assert.equal(await votedIn(op), 0);
  for (let i = 0; i < voters.length; i++) {
    await vote(voters[i], i);
    await op.waitForFunction(([d, n]) => document.querySelector(`#turnout tr[data-district="${d}"] td.num`)?.textContent === String(n),
      [DISTRICT, i + 1], { timeout: 10000 });
  }
  const fill = rowOf(op).locator("rect.fill");
  assert.equal(await fill.getAttribute("data-value"), String(voters.length));
  assert.equal(await fill.getAttribute("data-max"), String(ELIGIBLE));
  assert.ok(Number(await fill.getAttribute("width")) > 0, "the bar has grown");
  assert.deepEqual(polled, [], "turnout comes from the stream, not from polling");
  await op.locator("#perMinuteTotal", { hasText: String(voters.length) }).waitFor({ timeout: 15000 });
  const perMinute = await op.locator("#perMinute g.column").evaluateAll((gs) => gs.reduce((s, g) => s + Number(g.dataset.value), 0));
  assert.equal(perMinute, voters.length, "the ballots per minute add up to the ballots sent");
  await check(op, "console session (operator)");
  await shot(op, "11-console-turnout-bars");

  // 2. A reminder wave to the district, followed to the end.
  await op.click("#toReminders");
  await op.locator("#waveDistrict").selectOption(DISTRICT);
  await op.click("#sendWave");
  await op.locator("#waveStarted", { hasText: String(ELIGIBLE - voters.length) }).waitFor();
  const wave = op.locator("#waves tbody tr").first();
  await wave.locator('td[data-count="queued"]', { hasText: /^0$/ }).waitFor({ timeout: 20000 });
  const counts = Object.fromEntries(await wave.locator("td[data-count]").evaluateAll((tds) => tds.map((td) => [td.dataset.count, Number(td.textContent)])));
  assert.deepEqual(counts, { queued: 0, sent: ELIGIBLE - voters.length, failed: 0, skipped: 0 }, "every non-voter of the district reminded once");
  await check(op, "console reminders");
  await shot(op, "12-console-reminder-wave");

  // 3. The district's non-voters as CSV: nobody who voted, everybody who did not.
  const [download] = await Promise.all([op.waitForEvent("download"), op.click("#downloadNonVoters")]);
  const csvPath = `${SHOTS}/econ1-2024-non-voters-${DISTRICT}.csv`;
  await download.saveAs(csvPath);
  const raw = readFileSync(csvPath);
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte-order mark");
  const lines = raw.subarray(3).toString("utf8").trim().split(/\r?\n/);
  assert.equal(lines[0], "id,name,phone,district,category");
  assert.equal(lines.length - 1, ELIGIBLE - voters.length);
  assert.ok(voters.every((v) => !lines.some((l) => l.startsWith(v + ","))), "no voter is on the list");

  // 4. Survey charts with the answers sent.
  await op.click('#nav a[href="#/survey"]');
  const issue = op.locator('[data-question="q_education_issue"]');
  await issue.locator("g.row").first().waitFor();
  const bars = Object.fromEntries(await issue.locator("g.row").evaluateAll((gs) => gs.map((g) => [g.dataset.label, Number(g.dataset.value)])));
  assert.deepEqual(bars, { 学位供给: 2, 教学质量: 1, 课后服务与减负: 0, 入学公平: 0 });
  assert.equal(await issue.locator("g.row text.value").first().textContent(), "2", "the number is drawn, not only the bar");
  assert.equal(await op.locator('[data-question="q_education"] [data-mean]').getAttribute("data-mean"), "4");
  await check(op, "console survey");
  await shot(op, "13-console-survey");

  // 5. The audit log, filtered.
  await op.click('#nav a[href="#/audit"]');
  await op.locator("#audit tbody tr").first().waitFor();
  await op.fill("#auditAction", "non-voters");
  await op.click("#auditFilter button[type=submit]");
  await op.waitForFunction(() => [...document.querySelectorAll("#audit tbody tr")].every((tr) => tr.children[2].textContent === "non-voters.export")
    && document.querySelectorAll("#audit tbody tr").length === 1);
  await op.fill("#auditAction", "session.");
  await op.click("#auditFilter button[type=submit]");
  await op.locator("#audit tbody tr td", { hasText: "session.open" }).waitFor();
  const shown = await op.locator("#audit tbody tr td:nth-child(3)").allTextContents();
  assert.ok(shown.length >= 1 && shown.every((a) => a.startsWith("session.")), shown.join());
  await check(op, "console audit");
  await shot(op, "14-console-audit-filtered");

  // 6. The auditor's ranking bars carry the scores the ballots make.
  const auditor = await signIn(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" }), AUDITOR);
  await auditor.goto(BASE_URL + "/console#/session/econ1-2024");
  await auditor.locator("#live li").nth(7).waitFor({ timeout: 10000 });
  const ranking = await auditor.locator("#live li").evaluateAll((lis) => lis.map((li) =>
    [li.dataset.department, li.querySelector("text.value").textContent]));
  for (const [code, text] of ranking) {
    const points = GRADES[Number(code.slice(1)) % 4][1];
    assert.equal(text, `${points.toFixed(2)} (${voters.length})`, `${code} as sent`);
  }
  assert.equal(ranking[0][1].startsWith("100.00"), true, "best first");
  await auditor.locator("#quality", { hasText: String(voters.length) }).waitFor();
  await check(auditor, "console session (auditor)");
  await shot(auditor, "15-console-auditor-ranking");

  // 7. The phone page: axe, and a whole ballot with the keyboard alone (Tab, Space, Enter), focus always visible.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" })).newPage();
  await phone.goto(BASE_URL + "/");
  await phone.locator("#demo").waitFor();
  await check(phone, "phone sign-in");
  while (!(await phone.evaluate(() => document.activeElement?.id === "rep"))) await phone.keyboard.press("Tab");
  await phone.keyboard.press("Control+A");
  await phone.keyboard.type(PHONE_REP);
  await phone.keyboard.press("Enter");
  await phone.locator("#ballot").waitFor();
  await check(phone, "phone ballot");
  let presses = 0;
  for (;;) {
    await phone.keyboard.press("Tab");
    assert.ok(++presses < 200, "the submit button is reachable by Tab");
    const focus = await phone.evaluate(() => {
      const el = document.activeElement;
      const dept = el.closest("li.dept");
      return { id: el.id, grade: el.classList.contains("grade"), scored: !!dept?.querySelector('[aria-checked="true"]'),
        ring: getComputedStyle(el).outlineStyle !== "none" && parseFloat(getComputedStyle(el).outlineWidth) >= 2 };
    });
    if (focus.grade || focus.id === "submit") assert.ok(focus.ring, "the focused control shows a focus ring");
    if (focus.grade && !focus.scored) await phone.keyboard.press("Space");
    if (focus.id === "submit" && !(await phone.isDisabled("#submit"))) break;
  }
  await shot(phone, "16-phone-keyboard-scored");
  await phone.keyboard.press("Enter");
  await phone.locator("#done").waitFor({ timeout: 10000 });
  await check(phone, "phone receipt");
  await shot(phone, "17-phone-keyboard-receipt");

  if (violations.length) {
    console.log(JSON.stringify(violations, null, 2));
    throw new Error(`${violations.length} serious or critical accessibility violations`);
  }
  console.log("console checks passed");
} finally {
  await browser.close();
}
