// On a phone (390×844), in English and Chinese: a compact header, and nothing wider than the screen
// outside the tables and charts that scroll inside their card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

const PAGES = ["/", "/compare?indicator=import_export&zones=anhui,zhejiang", "/zones/anhui-ftz", "/data", "/coverage", "/china"];

describe.each(["en", "zh"] as const)("on a phone in %s", (locale) => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale, width: 390, height: 844 });
  });
  afterAll(async () => session?.close());

  it.each(PAGES)("%s has a compact header and fits the screen", async (path) => {
    const { page } = session;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height).toBeLessThanOrEqual(110);
    // Whatever is wider than the screen must sit inside something that scrolls (a table or the nav).
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrolls = (el: Element | null): boolean => {
        for (let e = el; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth - 1) return true;
          if (["auto", "scroll", "hidden"].includes(style.overflowX) && e !== el) return true;
        }
        return false;
      };
      return [...document.querySelectorAll("body *")]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          // Laid out but not shown (the content of a closed <details>) is not on the screen.
          return box.width > 0 && box.right > width + 1 && el.checkVisibility() && !scrolls(el);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`)
        .slice(0, 5);
    });
    expect(overflowing).toEqual([]);
  });
});
