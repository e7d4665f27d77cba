// The console's roster draw in Debian's Chromium, driven by Playwright: a bad pool is refused line by line, then an
// operator publishes a pool (its hash shows at once), announces the seed's source, enters the seed once it is due,
// draws, inspects per cell and per source, downloads the transcript and adopts the roster. Started by
// org.pingyi.draw.DrawConsoleBrowserTest with a running engine; exits non-zero on the first failed check.
import { launch, shot } from "./browser.mjs";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const { BASE_URL, OPERATOR, SHOTS, POOL, BAD_POOL, POOL_SHA } = process.env;
const browser = await launch();

try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true,
    locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const op = await desk.newPage();
  op.on("dialog", (dialog) => dialog.accept());
  await op.goto(BASE_URL + "/console");
  await op.fill("#token", OPERATOR);
  await op.click("#loginForm button");
  await op.locator("#app").waitFor();
  await op.locator("#nav a", { hasText: "代表抽选" }).click();

  // A pool with a bad line: every bad line is shown, nothing is published.
  await op.locator("#publishPool").waitFor();
  await op.setInputFiles("#drawFile", BAD_POOL);
  await op.fill("#drawYear", "2025");
  await op.click("#publishPool");
  await op.locator("#drawProblem:not([hidden])").waitFor();
  assert.match(await op.textContent("#drawProblem"), /line 2: unknown district 'atlantis'/);
  await shot(op, "draw-01-bad-pool-refused");

  // Publish the pool: its SHA-256 shows at once.
  await op.setInputFiles("#drawFile", POOL);
  await op.click("#publishPool");
  await op.locator("#fact-poolSha256").waitFor();
  assert.equal(await op.textContent("#fact-poolSha256"), POOL_SHA, "the published hash is the pool file's SHA-256");
  assert.equal(await op.isHidden("#drawProblem"), true);
  await shot(op, "draw-02-pool-published");

  // Announce the seed's source, due a few seconds from now (the browser's local time, Asia/Shanghai).
  const due = await op.evaluate(() => {
    const d = new Date(Date.now() + 4000);
    const p = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  });
  await op.fill("#seedSource", "中国福利彩票双色球第2024139期开奖号码");
  await op.fill("#seedKnownAt", due);
  await op.click("#announceSeed");
  await op.locator("#seedValue").waitFor();
  assert.match(await op.textContent("#fact-seedSource"), /双色球/);
  await shot(op, "draw-03-seed-source-announced");

  // Too early: refused with the time it is due; then, once due, entered.
  await op.fill("#seedValue", "03 11 19 24 28 32 + 07");
  await op.click("#enterSeed");
  await op.locator("#drawProblem:not([hidden])").waitFor();
  assert.match(await op.textContent("#drawProblem"), /not due before/);
  await op.waitForTimeout(4500);
  await op.click("#enterSeed");
  await op.locator("#runDraw").waitFor();
  assert.equal(await op.textContent("#fact-seed"), "03 11 19 24 28 32 + 07");
  await shot(op, "draw-04-seed-entered");

  // Draw, inspect per cell and per source, download the public transcript.
  await op.click("#runDraw");
  await op.locator("#drawCells tbody tr").first().waitFor();
  assert.equal(await op.locator("#drawCells tbody tr").count(), 150, "one row per cell");
  const totals = await op.locator("#drawTotals tbody td").allTextContents();
  assert.equal(totals[0], "3000");
  assert.equal(totals[2], "165");
  assert.equal(Number(totals[3]) + Number(totals[4]) + Number(totals[5]), 3000, "random + recommended + volunteer");
  assert.equal(await op.locator("#drawCells tbody tr").first().locator("td").first().textContent(), "市属企业代表");
  await shot(op, "draw-05-drawn-inspect");
  const [download] = await Promise.all([op.waitForEvent("download"), op.click("#downloadTranscript")]);
  const path = `${SHOTS}/draw.json`;
  await download.saveAs(path);
  const transcript = JSON.parse(readFileSync(path, "utf8"));
  assert.equal(transcript.inputs.poolSha256, POOL_SHA);
  assert.equal(transcript.seed, "03 11 19 24 28 32 + 07");

  // Adopt: the roster is imported, the pool deleted.
  await op.click("#adoptRoster");
  await op.locator("#drawAdopted").waitFor();
  assert.match(await op.textContent("#fact-state"), /已采用/);
  await shot(op, "draw-06-adopted");
  console.log("draw console checks passed");
} finally {
  await browser.close();
}
