// The venue mode of the phone page on a community hall's shared tablet (社区会场), in Debian's Chromium driven by
// Playwright: representatives sign in, vote and leave one after another on the same page, and nothing of one is
// left on the tablet for the next. Started by org.pingyi.venue.VenueTabletTest with a running engine and an open
// session; writes what the engine must have stored to $SHOTS/venue-report.json; exits non-zero on the first failed check.
import { launch, shot } from "./browser.mjs";
import { audit } from "./a11y.mjs";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";

const { BASE_URL, SHOTS, VENUE, VENUE_NAME, REP_A, REP_B, REP_C, REP_D, SESSION, AUDITOR } = process.env;
const HOME = `${BASE_URL}/?venue=${VENUE}`;
// The page's Idempotency-Key: crypto.randomUUID().
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

const browser = await launch();
const report = {};
const violations = [];
const cspViolations = [];

async function check(page, name) {
  violations.push(...(await audit(page, name)).map((v) => ({ page: name, ...v })));
}

/** A tablet: a browser context of its own; every access token the engine hands out on it is remembered. */
async function tablet(options) {
  const context = await browser.newContext(Object.assign({ locale: "zh-CN", hasTouch: true }, options));
  context.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  const page = await context.newPage();
  const seen = { tokens: [], keys: [], venues: [] };
  page.on("response", async (r) => {
    if (r.url().endsWith("/api/v1/auth/face") && r.status() === 200) seen.tokens.push((await r.json()).accessToken);
  });
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/ballots")) {
      seen.keys.push(r.headers()["idempotency-key"]);
      seen.venues.push(r.headers()["pingyi-venue"]);
    }
  });
  return { context, page, seen };
}

/**
 * Nothing of anyone in the tablet's localStorage, sessionStorage or cookies, in its address or history state, and
 * none of the given secrets (token, key, receipt, its hash, the representative's id) in either. Storage is checked
 * to be entirely empty, not only free of the secrets: venue mode writes nothing there at all.
 */
async function assertNothingStored({ context, page }, when, secrets) {
  const kept = await page.evaluate(() => ({
    local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`),
    session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`),
    cookie: document.cookie, href: location.href, state: history.state, entries: history.length,
  }));
  assert.deepEqual(kept.local, [], `${when}: localStorage is empty`);
  assert.deepEqual(kept.session, [], `${when}: sessionStorage is empty`);
  assert.equal(kept.cookie, "", `${when}: no cookie`);
  assert.deepEqual(await context.cookies(), [], `${when}: no cookie in the browser's jar`);
  assert.equal(kept.state, null, `${when}: no history state`);
  const url = new URL(kept.href);
  assert.equal(url.search + url.hash, `?venue=${VENUE}`, `${when}: the address holds the venue only`);
  for (const secret of secrets.filter(Boolean)) {
    assert.ok(!JSON.stringify(kept).includes(secret), `${when}: ${secret.slice(0, 12)}… is nowhere in storage or the address`);
  }
}

/** After a wipe: the start screen, and none of the person's traces anywhere in the document or its fields. */
async function assertWiped(tab, when, secrets) {
  const { page } = tab;
  await page.locator("#signin").waitFor();
  await page.locator("#demo").waitFor();
  const dom = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    fields: Array.from(document.querySelectorAll("input, textarea"), (e) => e.value),
    resources: performance.getEntriesByType("resource").map((e) => e.name),
  }));
  for (const secret of secrets.filter(Boolean)) {
    const at = dom.html.indexOf(secret);
    assert.ok(at < 0, `${when}: ${secret.slice(0, 12)}… is gone from the page, found in …${dom.html.slice(Math.max(0, at - 120), at + 40)}`);
    assert.ok(!dom.fields.some((v) => v.includes(secret)), `${when}: ${secret.slice(0, 12)}… is in no field`);
    assert.ok(!dom.resources.some((v) => v.includes(secret)), `${when}: ${secret.slice(0, 12)}… is in no fetched address`);
  }
  assert.equal(await page.inputValue("#rep"), "", `${when}: the sign-in field is empty`);
  assert.equal(await page.locator("#departments > li").count(), 0, `${when}: no ballot left in the page`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN", `${when}: Chinese again for the next person`);
  await assertNothingStored(tab, when, secrets);
}

/** Large type and big touch targets: the root at 22 px, every visible button at least 56 px high. */
async function assertLarge(page, when) {
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "22px", `${when}: large type`);
  const small = await page.evaluate(() => Array.from(document.querySelectorAll("button"))
    .filter((b) => b.offsetParent !== null && b.getBoundingClientRect().height < 56)
    .map((b) => `${b.id || b.className} ${b.getBoundingClientRect().height}px`));
  assert.deepEqual(small, [], `${when}: every visible button is a big touch target`);
}

async function signInDemo(page, rep) {
  await page.locator("#demo").waitFor();
  await page.fill("#rep", rep);
  await page.click("#demo button[type=submit]");
  await page.locator("#ballot").waitFor();
}

async function scoreAll(page) {
  const departments = page.locator("#departments > li");
  assert.equal(await departments.count(), 8, "the open group has 8 departments");
  for (let i = 0; i < 8; i++) await departments.nth(i).locator("button.grade").nth(i % 4).click();
  assert.equal(await page.isDisabled("#submit"), false);
}

async function receiptShown(page) {
  await page.locator("#done").waitFor({ timeout: 20000 });
  const receipt = (await page.textContent("#receipt")).trim();
  assert.match(receipt, /^[0-9a-z]{26}$/);
  await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.getElementById("receiptHash").textContent));
  assert.equal(await page.textContent("#receiptHash"), sha256(receipt), "the receipt's SHA-256, as on the phone page");
  return receipt;
}

/** Presses `key` until the element with this id has the focus (the keyboard alone). */
async function focusOn(page, id, key = "Tab") {
  for (let presses = 0; !(await page.evaluate((want) => document.activeElement?.id === want, id)); presses++) {
    assert.ok(presses < 150, `#${id} is reachable with ${key}`);
    await page.keyboard.press(key);
  }
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  });
  assert.ok(ring, `#${id} shows a focus ring`);
}

const idTokenFor = async (page, rep) =>
  (await (await page.request.post(`${BASE_URL}/api/v1/dev/face-auth`, { data: { representativeId: rep } })).json()).idToken;

try {
  // 1. A tablet at portrait tablet size. Set to a venue the edition does not know, it says so and offers no sign-in.
  const one = await tablet({ viewport: { width: 800, height: 1280 } });
  const page = one.page;
  await page.goto(`${BASE_URL}/?venue=nowhere`);
  await page.locator("#message").waitFor();
  assert.match(await page.textContent("#messageText"), /“nowhere”/);
  assert.equal(await page.isVisible("#demo"), false, "no sign-in at an unknown venue");
  assert.equal(await page.isVisible("#messageHome"), false);
  await check(page, "venue unknown");
  await shot(page, "venue-01-unknown-venue");
  await page.click("#lang");
  assert.match(await page.textContent("#messageText"), /venue “nowhere”, which is not one/);

  // 2. The venue's start screen: its name, large type, nothing typed in.
  await page.goto(HOME);
  await page.locator("#demo").waitFor();
  assert.equal(await page.textContent("#venueName"), VENUE_NAME);
  assert.equal(await page.inputValue("#rep"), "", "no representative id waits in the field");
  await assertLarge(page, "start");
  await check(page, "venue start");
  await shot(page, "venue-02-start");

  // 3. Representative A. The first submit reaches the engine, which stores the ballot, but the answer is lost on
  //    the way back: the page retries with the same key, kept in memory only, and gets the first answer back.
  const attempts = [];
  let firstAnswer = null;
  await page.route("**/api/v1/sessions/*/ballots", async (route) => {
    const request = route.request();
    attempts.push({ key: request.headers()["idempotency-key"], venue: request.headers()["pingyi-venue"], body: request.postData() });
    if (attempts.length > 1) return route.continue();
    const reached = await route.fetch();
    firstAnswer = { status: reached.status(), body: await reached.json() };
    return route.abort("failed");
  });
  const answers = [];
  page.on("response", (r) => { if (r.request().method() === "POST" && r.url().endsWith("/ballots")) answers.push(r.status()); });
  await signInDemo(page, REP_A);
  await scoreAll(page);
  await assertNothingStored(one, "A signed in", [one.seen.tokens[0], REP_A]);
  await assertLarge(page, "ballot");
  await check(page, "venue ballot");
  await shot(page, "venue-03-ballot");
  await page.click("#submit");
  const receiptA = await receiptShown(page);
  assert.equal(firstAnswer?.status, 201, "the first submit reached the engine and was stored");
  assert.ok(attempts.length >= 2, "the page tried again");
  for (const attempt of attempts) {
    assert.match(attempt.key ?? "", UUID);
    assert.equal(attempt.key, attempts[0].key, "every attempt carries the same Idempotency-Key");
    assert.equal(attempt.body, attempts[0].body, "every attempt carries the same ballot");
    assert.equal(attempt.venue, VENUE, "every attempt names the venue");
  }
  assert.equal(answers[0], 200, "the retry got the stored first answer, not a second ballot");
  assert.equal(receiptA, firstAnswer.body.receipt, "the page shows the receipt of the ballot stored first");
  await page.click("#check");
  await page.waitForFunction(() => document.getElementById("checked").textContent.includes("已计入"));
  await assertNothingStored(one, "A's receipt on screen", [one.seen.tokens[0], attempts[0].key, receiptA, sha256(receiptA), REP_A]);
  assert.match(await page.textContent("#venueCountdown"), /秒后自动清除/);
  await assertLarge(page, "receipt");
  await check(page, "venue receipt");
  await shot(page, "venue-04-receipt");
  report.a = { representative: REP_A, idempotencyKey: attempts[0].key, receipt: receiptA, attempts: attempts.length };
  await page.unroute("**/api/v1/sessions/*/ballots");

  // A taps "完成，下一位": everything of A is gone.
  await page.click("#venueDone");
  await assertWiped(one, "after A", [one.seen.tokens[0], attempts[0].key, receiptA, sha256(receiptA), REP_A]);
  await shot(page, "venue-05-next-person");

  // 4. Representative B, with the keyboard alone, switches to English, votes and hands over with "Done, next person".
  await focusOn(page, "rep");
  await page.keyboard.type(REP_B);
  await page.keyboard.press("Enter");
  await page.locator("#ballot").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN", "B starts in Chinese");
  await focusOn(page, "lang", "Shift+Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.textContent("#submit"), "Submit ballot");
  for (let presses = 0; ; presses++) {
    assert.ok(presses < 200, "the submit button is reachable by Tab");
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      return { id: el.id, grade: el.classList.contains("grade"), scored: !!el.closest("li.dept")?.querySelector('[aria-checked="true"]') };
    });
    if (focus.grade && !focus.scored) await page.keyboard.press("Space");
    if (focus.id === "submit" && !(await page.isDisabled("#submit"))) break;
  }
  await page.keyboard.press("Enter");
  const receiptB = await receiptShown(page);
  assert.notEqual(receiptB, receiptA);
  const keyB = one.seen.keys.at(-1);
  assert.match(keyB, UUID);
  assert.notEqual(keyB, attempts[0].key, "B's ballot has a key of its own");
  assert.equal(one.seen.venues.at(-1), VENUE);
  assert.equal(await page.textContent("#done h2"), "You have voted in this session");
  await assertNothingStored(one, "B's receipt on screen", [one.seen.tokens[1], keyB, receiptB, sha256(receiptB), REP_B]);
  await shot(page, "venue-06-receipt-en-keyboard");
  await focusOn(page, "venueDone");
  await page.keyboard.press("Enter");
  await assertWiped(one, "after B", [one.seen.tokens[1], keyB, receiptB, sha256(receiptB), REP_B, receiptA]);
  report.b = { representative: REP_B, idempotencyKey: keyB, receipt: receiptB };
  await one.context.close();

  // 5. A landscape tablet whose clock the test moves. C comes from the government app (#idToken=… in the address),
  //    votes, asks for more time, and the receipt goes by itself after 90 s.
  const two = await tablet({ viewport: { width: 1280, height: 800 } });
  const clocked = two.page;
  await clocked.clock.install();
  await clocked.goto(`${HOME}#idToken=${await idTokenFor(clocked, REP_C)}`);
  await clocked.locator("#ballot").waitFor();
  assert.equal(new URL(clocked.url()).hash, "", "the ID token left the address at once");
  await scoreAll(clocked);
  await clocked.click("#submit");
  const receiptC = await receiptShown(clocked);
  const keyC = two.seen.keys.at(-1);
  await clocked.clock.fastForward("01:00");
  assert.equal(await clocked.isVisible("#done"), true, "the receipt is still there after a minute");
  await clocked.click("#venueMore");
  await clocked.clock.fastForward("01:00");
  assert.equal(await clocked.isVisible("#done"), true, "more time: still there another minute on");
  assert.match(await clocked.textContent("#venueCountdown"), /^(29|30|31) 秒后/);
  await shot(clocked, "venue-07-receipt-landscape");
  await clocked.clock.fastForward("00:31");
  await assertWiped(two, "after C's receipt timed out", [two.seen.tokens[0], keyC, receiptC, sha256(receiptC), REP_C]);
  report.c = { representative: REP_C, idempotencyKey: keyC, receipt: receiptC };

  // 6. D is handed the tablet by the app without a reload (only the fragment changes), scores one department and
  //    walks away: asked "still there?", continues, walks away again, and is signed out with nothing submitted.
  const idTokenD = await idTokenFor(clocked, REP_D);
  await clocked.evaluate((token) => { location.hash = `idToken=${token}`; }, idTokenD);
  await clocked.locator("#ballot").waitFor();
  assert.equal(new URL(clocked.url()).hash, "", "the ID token left the address at once");
  await clocked.locator("#departments > li").first().locator("button.grade").first().click();
  await clocked.clock.fastForward("02:01");
  await clocked.locator("#idle").waitFor();
  assert.match(await clocked.textContent("#idleText"), /秒后将退出/);
  await check(clocked, "venue still there?");
  await shot(clocked, "venue-08-still-there");
  await clocked.click("#idleStay");
  await clocked.locator("#ballot").waitFor();
  assert.equal(await clocked.locator('#departments [aria-checked="true"]').count(), 1, "D's choice is still there");
  await clocked.clock.fastForward("02:01");
  await clocked.locator("#idle").waitFor();
  await clocked.clock.fastForward("00:31");
  await assertWiped(two, "after D walked away", [two.seen.tokens[1], idTokenD, REP_D]);
  assert.equal(two.seen.keys.length, 1, "nothing of D was submitted");
  await shot(clocked, "venue-09-start-again");
  await two.context.close();

  // 7. The console's session view counts the venue's three ballots (the retried one once), for an auditor too.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  const consolePage = await desk.newPage();
  await consolePage.goto(`${BASE_URL}/console#/session/${SESSION}`);
  await consolePage.fill("#token", AUDITOR);
  await consolePage.click("#loginForm button");
  await consolePage.locator("#app").waitFor();
  await consolePage.goto(`${BASE_URL}/console#/session/${SESSION}`);
  const row = consolePage.locator(`#venues tr[data-venue="${VENUE}"]`);
  await row.locator("td.num", { hasText: /^3$/ }).waitFor({ timeout: 15000 });
  assert.equal(await row.locator("td.name").textContent(), VENUE_NAME);
  assert.match(await consolePage.textContent("#venueTotal"), /社区会场平板共提交 3 张/);
  assert.equal(await consolePage.locator("#venues tbody tr").count(), Number(process.env.VENUES), "every declared venue has a row");
  await check(consolePage, "console venues");
  await consolePage.locator("#venuesTitle").scrollIntoViewIfNeeded();
  await shot(consolePage, "venue-10-console-counts");
  await desk.close();

  assert.deepEqual(cspViolations, [], "the venue mode keeps the Content-Security-Policy");
  if (violations.length) {
    console.log(JSON.stringify(violations, null, 2));
    throw new Error(`${violations.length} serious or critical accessibility violations`);
  }
  writeFileSync(`${SHOTS}/venue-report.json`, JSON.stringify(report));
  console.log("venue checks passed", JSON.stringify(report));
} finally {
  await browser.close();
}
