// The overview in a real Chromium: the two FTZs side by side, key figures with period, change on a year
// earlier, sparkline, source and age, in English and Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

describe("the overview page", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  it("puts the Anhui FTZ and the Zhejiang FTZ first, side by side", async () => {
    const { page } = session;
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Overview");
    const zones = await page.locator(".overview-ftz > .zone-kpis").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-zone")));
    expect(zones.slice(0, 2)).toEqual(["anhui-ftz", "zhejiang-ftz"]);
  });

  it("shows a seed figure as a key figure: value, period, source, its date and age", async () => {
    const { page } = session;
    await page.goto("/");
    const card = page.locator('section[data-zone="anhui-ftz"] .kpi[data-indicator="new_enterprises"]');
    await expect(card.locator(".kpi__value").textContent()).resolves.toBe("7,674");
    await expect(card.locator(".kpi__period").textContent()).resolves.toBe("H1 2022");
    const source = card.locator(".kpi__source a");
    await expect(source.textContent()).resolves.toContain("La zona franca pilota dell'Anhui");
    await expect(card.locator(".kpi__source").textContent()).resolves.toMatch(/4 Aug 2022 · [\d.]+ years ago/);
  });

  it("marks a lower bound with ≥ and gives the change on a year earlier where there is one", async () => {
    const { page } = session;
    await page.goto("/");
    await expect(
      page.locator('section[data-zone="anhui-ftz"] .kpi[data-indicator="import_export"] .kpi__value').textContent(),
    ).resolves.toBe("≥ CNY 229.7 bn");
    const share = page.locator('section[data-zone="zhejiang-ftz"] .kpi[data-indicator="import_export_share_of_province"]');
    await expect(share.locator(".kpi__value").textContent()).resolves.toBe("20.3%");
    await expect(share.locator(".kpi__change").textContent()).resolves.toBe("▼ -0.3 pp on a year earlier (computed)");
    await expect(share.locator("svg.sparkline path").count()).resolves.toBe(1);
  });

  it("switches to Chinese, remembers it, and writes counts and magnitudes the Chinese way", async () => {
    const { page } = session;
    await page.goto("/");
    await page.getByRole("button", { name: "中文" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("总览");
    const card = page.locator('section[data-zone="anhui-ftz"] .kpi[data-indicator="new_enterprises"]');
    await expect(card.locator(".kpi__name").textContent()).resolves.toBe("新设企业数");
    await expect(card.locator(".kpi__value").textContent()).resolves.toBe("7,674 家");
    await expect(card.locator(".kpi__period").textContent()).resolves.toBe("2022年上半年");
    await expect(
      page.locator('section[data-zone="anhui-ftz"] .kpi[data-indicator="import_export"] .kpi__value').textContent(),
    ).resolves.toBe("超2,297 亿元");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("总览");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });
});
