// The national page in Chromium, in English and Chinese: every FTZ of the seed with its figures' periods,
// sorting by an indicator (and the same-period ranking), the province grid with its table and no axe
// violations; and a peer group selected in one click on the compare page.
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

// The 22 pilot FTZs of the four seed packages.
const FTZS = [
  "anhui-ftz",
  "beijing-ftz",
  "chongqing-ftz",
  "fujian-ftz",
  "guangdong-ftz",
  "guangxi-ftz",
  "hainan-ftz",
  "hebei-ftz",
  "heilongjiang-ftz",
  "henan-ftz",
  "hubei-ftz",
  "hunan-ftz",
  "jiangsu-ftz",
  "liaoning-ftz",
  "shaanxi-ftz",
  "shandong-ftz",
  "shanghai-ftz",
  "sichuan-ftz",
  "tianjin-ftz",
  "xinjiang-ftz",
  "yunnan-ftz",
  "zhejiang-ftz",
];

const WORDS = {
  en: {
    noFigure: "no published figure yet",
    sort: "Sort by Imports and exports (CNY)",
    same: "Only figures of the same period",
    groups: "Yangtze River Delta FTZs (4)",
    mixed: "This ranking mixes",
    batch5: "Batch 5 (2019) (6)",
    batch5Zones: ["Shandong FTZ", "Jiangsu FTZ", "Heilongjiang FTZ"],
    launchAxis: "Months after each zone's launch",
  },
  zh: {
    noFigure: "尚无公布数据",
    sort: "按进出口总额（人民币）排序",
    same: "只比较同一期间的数据",
    groups: "长三角自贸试验区 (4)",
    mixed: "此排序混合了",
    batch5: "第五批（2019年） (6)",
    batch5Zones: ["山东自贸试验区", "江苏自贸试验区", "黑龙江自贸试验区"],
    launchAxis: "各区域挂牌后的月数",
  },
} as const;

async function axeViolations(page: BrowserSession["page"]) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ")}`);
}

const rowCodes = (session: BrowserSession) =>
  session.page
    .locator(".national-table tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => row.querySelector<HTMLAnchorElement>(".national-zone a")?.getAttribute("href")?.replace("/zones/", "") ?? ""),
    );

describe.each(["en", "zh"] as const)("the national page in %s", (locale) => {
  const words = WORDS[locale];
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale });
  });
  afterAll(async () => session?.close());

  it("lists every FTZ of the seed, Hebei without figures, each figure with its period", async () => {
    const { page } = session;
    await page.goto("/china");
    // Other browser tests import synthetic zones into the shared server: every other row is one of them.
    const codes = await rowCodes(session);
    expect(codes.filter((c) => !c.startsWith("synthetic-")).sort()).toEqual(FTZS);
    expect(codes.filter((c) => c.startsWith("synthetic-")).length).toBe(codes.length - FTZS.length);
    const hebei = page.locator(".national-table tbody tr", { has: page.locator('a[href="/zones/hebei-ftz"]') });
    await expect(hebei.innerText()).resolves.toContain(words.noFigure);
    // Every figure shown has its period beside it, and a source.
    const figures = page.locator(".national-table .national-figure");
    const count = await figures.count();
    expect(count).toBeGreaterThan(40);
    await expect(page.locator(".national-table .national-figure__period").count()).resolves.toBe(count);
    await expect(page.locator(".national-table .national-figure__source").count()).resolves.toBe(count);
    const periods = await page.locator(".national-table .national-figure__period").allInnerTexts();
    expect(periods.every((p) => /20\d\d/.test(p))).toBe(true);
    // Anhui and Zhejiang are highlighted.
    await expect(page.locator(".national-row--highlight").count()).resolves.toBe(2);
  });

  it("sorts by imports and exports, says the ranking mixes periods, and ranks one period on request", async () => {
    const { page } = session;
    await page.goto("/china");
    await page.getByRole("button", { name: words.sort }).click();
    await page.waitForURL(/sort=import_export&dir=desc/);
    await page.locator(".notice", { hasText: words.mixed }).waitFor();
    // Largest first: Jiangsu's cumulative total since 2019 leads, and its cell says it is cumulative.
    const codes = await rowCodes(session);
    expect(codes[0]).toBe("jiangsu-ftz");
    const first = page.locator(".national-table tbody tr").first();
    await expect(first.locator(".national-cell--import_export .national-figure__period").innerText()).resolves.toMatch(/cumulative|累计/);
    // Zones without a trade figure come last.
    expect(codes.at(-1)).not.toBe("jiangsu-ftz");

    await page.getByRole("link", { name: new RegExp(words.same) }).click();
    await page.waitForURL(/same=1/);
    // 2023 is the year most zones have: Guangdong (CNY 580 bn) before Guangxi (CNY 306.4 bn).
    expect((await rowCodes(session)).slice(0, 2)).toEqual(["guangdong-ftz", "guangxi-ftz"]);
    const tradeCells = await page
      .locator(".national-table tbody tr .national-cell--import_export .national-figure__period")
      .allInnerTexts();
    expect(tradeCells.length).toBeGreaterThanOrEqual(2);
    for (const text of tradeCells) expect(text).toMatch(/2023/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("draws the provinces as a tile grid linking to their FTZ, with the same data as a table, and passes axe", async () => {
    const { page } = session;
    await page.goto("/china");
    const tiles = page.locator(".tile-grid > li");
    await expect(tiles.count()).resolves.toBe(34);
    await expect(page.locator(".tile-grid a").count()).resolves.toBe(22);
    const anhui = page.locator('.tile-grid a[href="/zones/anhui-ftz"]');
    await expect(anhui.getAttribute("aria-label")).resolves.toMatch(/Anhui|安徽/);
    await page.locator(".national-grid__table summary").click();
    await expect(page.locator(".national-grid__table tbody tr").count()).resolves.toBe(34);
    expect(await axeViolations(page)).toEqual([]);
    await anhui.click();
    await page.waitForURL(/\/zones\/anhui-ftz$/);
  });

  it("frames shares of the province with both sources, computed numbers labelled", async () => {
    const { page } = session;
    await page.goto("/china");
    const framing = await page.locator(".national-framing").innerText();
    // Hubei: 0.065% of the province's area (published) and 30.2% of its trade to the same date.
    expect(framing).toMatch(
      locale === "en"
        ? /Hubei FTZ: with under 0\.1% of the province's area, about 30\.2% of its imports and exports/
        : /湖北自贸试验区以不到全省0\.1%的面积，贡献了全省约30\.2%的进出口/,
    );
    await expect(page.locator(".national-framing .tag").count()).resolves.toBeGreaterThan(0);
    // Jiangsu 2021: 591.49 bn ÷ 5,213.06 bn computed, beside the published 11.3%.
    expect(framing).toContain("11.35%");
    expect(framing).toMatch(locale === "en" ? /published as 11\.3%/ : /公布值为11\.3%/);
  });

  it("selects the Yangtze River Delta FTZs on the compare page in one click", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period");
    await page.getByRole("button", { name: words.groups }).click();
    await page.waitForURL(/zones=shanghai-ftz,jiangsu-ftz,zhejiang-ftz,anhui-ftz/);
    await page.locator("#chart-title").waitFor();
    await expect(page.getByRole("button", { name: words.groups }).getAttribute("aria-pressed")).resolves.toBe("true");
  });

  it("lines a launch batch up on the months-since-launch axis", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=institutional_innovation_results&zones=anhui-ftz,zhejiang-ftz&basis=cumulative&axis=launch");
    await page.getByRole("button", { name: words.batch5 }).click();
    await page.waitForURL(/zones=shandong-ftz,jiangsu-ftz,guangxi-ftz,hebei-ftz,yunnan-ftz,heilongjiang-ftz&basis=cumulative&axis=launch/);
    await page.locator("#chart-title").waitFor();
    const legend = await page.locator(".legend").first().innerText();
    for (const zone of words.batch5Zones) expect(legend).toContain(zone);
    // The chart draws once in view: its horizontal axis counts months from each zone's own launch.
    await page.getByText(words.launchAxis).first().waitFor();
  });
});
