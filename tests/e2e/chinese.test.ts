// Chinese pages read as Chinese: every word the app writes is Chinese, and published text in another language
// (an English title, an Italian wire copy, an outlet's name inside a Chinese source line) is marked with its
// `lang`. What may stay Latin is an allow-list of units, file formats and codes — not a skip of whole elements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

const PAGES = [
  "/",
  "/compare",
  "/compare?indicator=port_container_throughput&zones=ningbo-zhoushan-port,shanghai-port",
  "/zones",
  "/zones/anhui-ftz",
  "/zones/zhejiang-ftz",
  "/data",
  "/coverage",
  "/china",
  "/events",
  "/monitor",
  "/indicators",
  "/indicators/import_export",
  "/reports",
];

// Units, file formats, the product's name, abbreviations Chinese text uses as they are, and "targets" (a table
// name of the data format, quoted in the monitor's hint).
const ALLOWED = new Set([
  "targets",
  "ftz-monitor",
  "CSV",
  "XLSX",
  "Excel",
  "PNG",
  "SVG",
  "PDF",
  "JSON",
  "Atom",
  "API",
  "TEU",
  "km",
  "GDP",
  "FTZ",
  "USD",
  "CNY",
  "RMB",
  "AI",
]);

describe("Chinese pages", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale: "zh" });
  });
  afterAll(async () => session?.close());

  it.each(PAGES)("%s has no English word outside marked text and the allow-list", async (path) => {
    const { page } = session;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const words = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest("script, style, code, kbd") || !el.checkVisibility()) continue;
        // Published text in another language is marked with its language.
        if (!(el.closest("[lang]")?.getAttribute("lang") ?? "zh").startsWith("zh")) continue;
        const text = node.textContent ?? "";
        // Zones other browser tests import are named "Synthetic …" by the data contract, in English only.
        if (/Synthetic/.test(text)) continue;
        for (const match of text.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) found.push(`${match[0]} «${text.trim().slice(0, 50)}»`);
      }
      return found;
    });
    expect(words.filter((w) => !ALLOWED.has(w.split(" «")[0] ?? ""))).toEqual([]);
    // The page is Chinese at all: the check above would pass on an empty page.
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect((await page.locator("main").innerText()).match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeGreaterThan(20);
  });
});
