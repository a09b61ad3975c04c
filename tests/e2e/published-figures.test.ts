// Every published figure counts, in Chromium, in English and Chinese: published rates shown as
// published, the periods two zones share side by side, the overview's like-for-like pairs, and an
// indicator with one figure shown as a figure, not a chart with one dot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

const WORDS = {
  en: { published: "published", same: "Same periods, side by side", area: "Planned area" },
  zh: { published: "公布", same: "同期数据并列对比", area: "实施范围" },
} as const;

describe.each(["en", "zh"] as const)("published figures in %s", (locale) => {
  let session: BrowserSession;
  const words = WORDS[locale];
  beforeAll(async () => {
    session = await openBrowser({ locale });
  });
  afterAll(async () => session?.close());

  it("shows the provinces' published rates as published on the year-on-year comparison", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=import_export&zones=anhui,zhejiang&freq=year&transform=yoy");
    await page.locator("#chart-title").waitFor();
    // No basis asked: the one with the most points, said so.
    await expect(page.locator(".basis-note").getAttribute("data-basis")).resolves.toBe("period");
    const cell = page.locator('.compare-table td[data-zone="anhui"][data-start="2021-01-01"]');
    await expect(cell.getAttribute("data-value")).resolves.toBe("26.9");
    await expect(cell.innerText()).resolves.toContain(locale === "en" ? "published +26.9%" : "公布+26.9%");
  });

  it("lists the periods Anhui and Zhejiang share, with each value's source, and what only one has", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=import_export&zones=anhui,zhejiang&view=same");
    await expect(page.locator("#same-title").textContent()).resolves.toBe(words.same);
    const periods = await page.locator(".same-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-period")));
    // 2021, 2023 and 2024 are published for both provinces (and 2025); Jan–Sep 2023 only for Anhui.
    expect(periods).toEqual(
      expect.arrayContaining(["period|2021-01-01|2021-12-31", "period|2023-01-01|2023-12-31", "period|2024-01-01|2024-12-31"]),
    );
    const y2021 = page.locator('.same-table tr[data-period="period|2021-01-01|2021-12-31"]');
    await expect(y2021.locator('td[data-zone="anhui"]').getAttribute("data-value")).resolves.toBe("692020000000");
    await expect(y2021.locator('td[data-zone="zhejiang"]').getAttribute("data-value")).resolves.toBe("4140000000000");
    await expect(y2021.locator(".source-refs a").count()).resolves.toBe(2);
    // The chart: a group of at least two bars for each of the latest 16 shared periods.
    expect(await page.locator(".same-bars .same-bars__bar").count()).toBeGreaterThanOrEqual(2 * Math.min(periods.length, 16));
    await expect(page.locator('.same-only li[data-zone="anhui"]').count()).resolves.toBeGreaterThan(0);
  });

  it("pairs the two FTZs and their provinces on the overview, saying where they share no period", async () => {
    const { page } = session;
    await page.goto("/");
    const ftzs = page.locator('section[data-pair="anhui-ftz,zhejiang-ftz"]');
    await expect(ftzs.locator("tbody tr[data-indicator]").count()).resolves.toBeGreaterThan(0);
    // The seed has no period both FTZs published the same indicator for: the page says so and shows each latest.
    await expect(ftzs.locator('[data-shared-none="true"]').count()).resolves.toBe(1);
    await expect(ftzs.locator('tr[data-indicator="new_enterprises"] td[data-zone]').count()).resolves.toBe(2);
    const provinces = page.locator('section[data-pair="anhui,zhejiang"]');
    const trade = provinces.locator('tr[data-indicator="import_export"][data-shared="true"]');
    await expect(trade.locator("td[data-zone]").count()).resolves.toBe(2);
    await expect(trade.locator(".pair__yoy").first().innerText()).resolves.toContain(locale === "en" ? "on a year earlier" : "同比");
  });

  it("shows an indicator with a single figure as a figure card, and the planned area after the expansion", async () => {
    const { page } = session;
    await page.goto("/zones/zhejiang-ftz");
    await page.locator("#indicators-title").waitFor();
    const cards = page.locator('[data-figure-card="true"]');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(cards.first().locator(".zone-figure__value").innerText()).resolves.toMatch(/\d/);
    await expect(cards.first().locator(".zone-figure__sources li").count()).resolves.toBeGreaterThan(0);
    const area = page.locator(".zone-facts div", { hasText: words.area });
    // 119.95 km² at the 2017 launch; 239.45 km² after the 2020 expansion.
    await expect(area.innerText()).resolves.toContain("239.45");
  });
});
