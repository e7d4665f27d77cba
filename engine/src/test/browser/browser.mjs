// What every browser spec starts with: Debian's Chromium under Playwright (playwright-core only drives it; never a
// downloaded browser), and full-page screenshots into $SHOTS.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const { SHOTS } = process.env;
mkdirSync(SHOTS, { recursive: true });

export const shot = (page, name) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
