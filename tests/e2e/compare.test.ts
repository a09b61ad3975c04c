// The compare page in Chromium: defaults in the URL, switching indicator and transformation, the copied
// link reproducing the view, back and forward, and the Chinese interface.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type BrowserSession } from "../support/browser";

async function view(page: Page) {
  const title = await page.locator("#chart-title").textContent();
  const subtitle = await page.locator(".chart-panel__subtitle").first().textContent();
  const table = await page.locator(".compare-table").innerText();
  return { title, subtitle, table };
}

async function waitForUrl(page: Page, pattern: RegExp) {
  await page.waitForURL(pattern);
  await page.locator("#chart-title").waitFor();
  await page.waitForLoadState("networkidle");
}

describe("the compare page", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  it("writes its default view into the URL: Anhui FTZ against Zhejiang FTZ", async () => {
    const { page } = session;
    await page.goto("/compare");
    // No basis in the URL: the comparison takes the one with the most points and says so.
    await waitForUrl(page, /\/compare\?indicator=[a-z_]+&zones=anhui-ftz,zhejiang-ftz$/);
    await expect(page.locator(".basis-note").getAttribute("data-auto")).resolves.toBe("true");
    const legend = await page.locator(".legend").first().innerText();
    expect(legend).toContain("Anhui FTZ");
    expect(legend).toContain("Zhejiang FTZ");
  });

  it("switches to imports and exports, changes the transformation, and the copied link reproduces the view", async () => {
    const { page, context } = session;
    await page.locator("#c-indicator").selectOption("import_export");
    await waitForUrl(page, /indicator=import_export&zones=anhui-ftz,zhejiang-ftz/);
    await expect(page.locator("#chart-title").textContent()).resolves.toBe("Imports and exports (CNY)");
    await expect(page.locator(".compare-table tbody tr").first().locator("th").textContent()).resolves.toBe("2021");
    expect(await page.locator(".compare-table").innerText()).toContain("CNY 154 bn");
    const before = await view(page);

    await page.locator("#c-transform").selectOption("index");
    await waitForUrl(page, /transform=index&base=first/);
    const indexed = await view(page);
    expect(indexed.subtitle).toContain("Index (base = 100)");
    expect(indexed.table).toContain("100");

    const copied = page.url();
    const second = await context.newPage();
    await second.goto(copied);
    await second.locator("#chart-title").waitFor();
    expect(await view(second)).toEqual(indexed);
    await expect(second.locator("#c-transform").inputValue()).resolves.toBe("index");
    await second.close();

    await page.goBack();
    await waitForUrl(page, /indicator=import_export&zones=anhui-ftz,zhejiang-ftz$/);
    expect(await view(page)).toEqual(before);
    await page.goForward();
    await waitForUrl(page, /transform=index/);
    expect(await view(page)).toEqual(indexed);
  });

  it("shows provinces' yearly change as a bar chart, the published rates as published, with a note of what it leaves out", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=import_export&zones=anhui,zhejiang&basis=period&freq=year&transform=yoy&chart=bar");
    await page.locator("#chart-title").waitFor();
    await expect(page.locator(".chart-panel__subtitle").first().textContent()).resolves.toBe(
      "Single periods · Yearly · Change on a year earlier (同比) · %",
    );
    const table = await page.locator(".compare-table").innerText();
    // Anhui 2021: the source's 同比增长26.9%, not the +28.0% its two levels give; both shown, and why.
    expect(table).toMatch(/2021\s+\+26\.9%/);
    expect(table).toContain("published +26.9%; computed from the levels +28%");
    expect(table).toContain("按可比口径");
    // Zhejiang 2024 has no published rate: computed from 2023 and 2024, and labelled so.
    expect(table).toMatch(/\+7\.3%(\[\d+\])+\s*computed from two published levels/);
    expect(await page.locator(".series-notes").innerText()).toContain("Anhui Province: Not added up: 1 covering only part of a period.");
    expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  });

  it("explains a request the data cannot answer instead of drawing it", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=port_container_throughput&zones=ningbo-zhoushan-port&basis=ytd&transform=pop");
    await expect(page.locator(".notice").innerText()).resolves.toContain("Change on the previous period needs single periods");
  });

  it("draws months since launch on the horizontal axis", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=institutional_innovation_results&zones=anhui-ftz,zhejiang-ftz&basis=cumulative&axis=launch");
    await page.locator("#chart-title").waitFor();
    await page.locator(".compare-chart svg text", { hasText: "Months after each zone's launch" }).waitFor();
    const ticks = await page.locator(".compare-chart svg .recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks.some((tick) => tick === "0" || tick === "12" || tick === "24")).toBe(true);
  });

  it("speaks Chinese when switched: labels, names and 亿元", async () => {
    const { page } = session;
    await page.goto("/compare?indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period");
    await page.getByRole("button", { name: "中文" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await page.locator("#chart-title").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("区域对比");
    await expect(page.locator("#chart-title").textContent()).resolves.toBe("进出口总额（人民币）");
    await expect(page.locator(".legend").first().innerText()).resolves.toContain("安徽自贸试验区");
    expect(await page.locator(".compare-table").innerText()).toContain("1,540 亿元");
    await expect(page.locator("label[for=c-transform] .control__label").textContent()).resolves.toBe("显示方式");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });
});
