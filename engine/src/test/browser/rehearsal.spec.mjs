// The office's dress rehearsal in the console, in Debian's Chromium at 1280 px (started by
// org.pingyi.rehearsal.RehearsalConsoleTest with a live engine and a rehearsal engine beside it): the live console says
// it runs no rehearsal; the rehearsal console shows its banner, 150 phones vote within 3 s after "broadcast ended", the
// run's curve, latency and outcomes are drawn, the auditor verifies the sealed session, the operator resets. Exits
// non-zero on the first failed check.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";
import { audit } from "./a11y.mjs";

const { LIVE_URL, LIVE_OPERATOR, BASE_URL, OPERATOR, AUDITOR } = process.env;
const browser = await launch();

async function signIn(context, base, token) {
  const page = await context.newPage();
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(base + "/console");
  await page.fill("#token", token);
  await page.press("#token", "Enter");
  await page.locator("#app").waitFor();
  return page;
}

const admin = (path, token) => fetch(BASE_URL + path, { method: "POST", headers: { Authorization: "Bearer " + token } });

try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });

  const live = await signIn(desk, LIVE_URL, LIVE_OPERATOR);
  assert.equal(await live.locator("#rehearsalBanner").isHidden(), true, "no banner on the live console");
  await live.goto(LIVE_URL + "/console#/rehearsal");
  await live.locator("#rehearsalLive").waitFor();
  await shot(live, "40-rehearsal-live-engine");

  const op = await signIn(desk, BASE_URL, OPERATOR);
  await op.locator("#rehearsalBanner").waitFor({ state: "visible" });
  assert.equal((await admin("/api/v1/admin/sessions/econ1-2024/open", OPERATOR)).status, 200);
  await op.goto(BASE_URL + "/console#/rehearsal");
  await op.locator("#rehearsalSession option[value='econ1-2024']").waitFor({ state: "attached" });
  await op.selectOption("#rehearsalSession", "econ1-2024");
  await op.fill("#rehearsalPhones", "150");
  await op.fill("#rehearsalSeconds", "3");
  await op.click("#rehearsalForm button[type=submit]");
  const run = op.locator(".rehearsal-run[data-session='econ1-2024'][data-finished='yes']");
  await run.waitFor({ timeout: 60000 });
  assert.equal(await run.locator("[data-acknowledged]").getAttribute("data-acknowledged"), "150");
  const curve = await run.locator("g.column").evaluateAll((gs) => gs.reduce((s, g) => s + Number(g.dataset.value), 0));
  assert.equal(curve, 150, "the curve holds every acknowledged ballot");
  assert.match(await run.textContent(), /p99 \d+(\.\d)? ms/);
  const violations = await audit(op, "rehearsal console");
  assert.deepEqual(violations, [], JSON.stringify(violations));
  await shot(op, "41-rehearsal-run");

  assert.equal((await admin("/api/v1/admin/sessions/econ1-2024/close", OPERATOR)).status, 200);
  assert.equal((await admin("/api/v1/admin/sessions/econ1-2024/seal", OPERATOR)).status, 200);
  const audit2 = await signIn(await browser.newContext({ viewport: { width: 1280, height: 900 } }), BASE_URL, AUDITOR);
  await audit2.goto(BASE_URL + "/console#/rehearsal");
  await audit2.locator("#rehearsalSession option[value='econ1-2024']").waitFor({ state: "attached" });
  assert.equal(await audit2.locator("#rehearsalForm").isHidden(), true, "the auditor does not start phones");
  await audit2.selectOption("#rehearsalSession", "econ1-2024");
  await audit2.click("#rehearsalVerify");
  await audit2.locator("#rehearsalVerdict", { hasText: /^verified/ }).waitFor();
  await shot(audit2, "42-rehearsal-verified");

  await op.reload();
  await op.locator("#rehearsalReset").click();
  await op.locator("#rehearsalGone").waitFor();
  await shot(op, "43-rehearsal-reset");
  console.log("rehearsal console checks passed");
} finally {
  await browser.close();
}
