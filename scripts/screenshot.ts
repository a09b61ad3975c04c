// Takes full-page screenshots of running pages in Chromium, for looking at what users see.
// Usage: npx tsx scripts/screenshot.ts <base-url> <out-dir> <path> [path …]   (paths like /, /compare?x=y)
// Options through the environment: WIDTH, HEIGHT (default 1440×900), LANG_UI=zh for the Chinese interface,
// FULL=0 for the viewport only, CLICK=<selector> to click something (a menu) before the shot.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium.ts";

const [base = "http://localhost:3000", out = "screenshots", ...paths] = process.argv.slice(2);
const width = Number(process.env.WIDTH ?? 1440);
const height = Number(process.env.HEIGHT ?? 900);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width, height } });
if (process.env.LANG_UI === "zh") await context.addCookies([{ name: "ftz-lang", value: "zh", url: base }]);
const page = await context.newPage();
for (const target of paths.length ? paths : ["/"]) {
  await page.goto(new URL(target, base).toString(), { waitUntil: "networkidle" });
  if (process.env.CLICK) await page.click(process.env.CLICK);
  const file = path.join(
    out,
    `${target.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}${process.env.LANG_UI === "zh" ? "-zh" : ""}.png`,
  );
  await page.screenshot({ path: file, fullPage: process.env.FULL !== "0" });
  console.log(file);
}
await browser.close();
