// Where Chromium is and how to start it here: headless, as root, with no network of its own.
import fs from "node:fs";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
  if (!found) throw new Error("Chromium was not found: install it (apt-get install chromium) or set CHROME_PATH");
  return found;
}
