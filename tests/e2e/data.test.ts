// The data explorer in Chromium: sort, filter by facet and per column, page, hide a column, open a row
// for its source and the history of a revised figure — every choice in the URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

describe("the data explorer", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  const values = async () =>
    (await session.page.locator(".data-table tbody tr:not(.expanded-row) td:nth-child(5)").allInnerTexts()).map((t) => t.trim());

  it("sorts by value from the column header", async () => {
    const { page } = session;
    await page.goto("/data?zone=anhui-ftz&indicator=new_enterprises");
    await page.locator(".data-table").waitFor();
    await page.getByRole("button", { name: /Sort by Value/ }).click();
    await page.waitForURL(/sort=value:asc/);
    await page.waitForLoadState("networkidle");
    expect(await values()).toEqual(["3,646", "3,857", "7,674", "13,000"]);
    await expect(page.locator("th[aria-sort=ascending]").innerText()).resolves.toContain("VALUE");
  });

  it("filters by facets and per column, and the link keeps the filters", async () => {
    const { page } = session;
    await page.goto("/data");
    await page.locator(".facets").getByLabel("Anhui Province").click();
    await page.waitForURL(/zone=anhui(&|$)/);
    await page.waitForLoadState("networkidle");
    await page.locator(".filter-row select[aria-label='Filter: Indicator']").selectOption("import_export");
    await page.waitForURL(/indicator=import_export/);
    await page.waitForLoadState("networkidle");
    const zones = await page.locator(".data-table tbody td:nth-child(1)").allInnerTexts();
    expect(new Set(zones)).toEqual(new Set(["Anhui Province"]));
    await expect(page.locator(".result-count").textContent()).resolves.toBe("1–8 of 8 figures");
    const csv = await page.getByRole("link", { name: /Download CSV of all 8/ }).getAttribute("href");
    expect(csv).toBe("/api/observations?zone=anhui&indicator=import_export&format=csv");

    // A range of years, from and to: 2021, 2022, 2023, Q1 2023 and Jan–Sep 2023.
    await page.getByLabel("Period: from any year").selectOption("2021");
    await page.waitForURL(/from=2021/);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Period: to any year").selectOption("2023");
    await page.waitForURL(/from=2021&to=2023|to=2023.*from=2021/);
    await page.waitForLoadState("networkidle");
    await expect(page.locator(".result-count").textContent()).resolves.toBe("1–5 of 5 figures");
  });

  it("opens a revised figure's history, remembered in the URL", async () => {
    const { page } = session;
    await page.goto("/data?zone=anhui&indicator=import_export&from=2020&to=2020");
    const row = page.locator(".data-table tbody tr").first();
    await row.getByRole("button", { name: /Source and history/ }).click();
    await page.waitForURL(/open=\d+/);
    const details = page.locator(".observation-details");
    await details.locator(".vintages").waitFor();
    const text = await details.innerText();
    expect(text).toContain("5,406.4 亿元");
    expect(text).toContain("≥ 500 billion CNY");
    expect(text).toContain("China News Service, Hefei");
    await page.reload();
    await page.locator(".observation-details .vintages").waitFor();
  });

  it("pages through the figures and hides a column", async () => {
    const { page } = session;
    await page.goto("/data?size=25");
    await expect(page.locator(".result-count").textContent()).resolves.toMatch(/^1–25 of \d+ figures$/);
    await page.getByRole("link", { name: "Next" }).click();
    await page.waitForURL(/page=2/);
    await expect(page.locator(".result-count").textContent()).resolves.toMatch(/^26–50 of/);
    await page.locator(".column-menu summary").click();
    await page.locator(".column-menu__panel").getByLabel("Updated").uncheck();
    await page.waitForURL(/hide=updated_at/);
    await expect(page.locator(".data-table thead th").allInnerTexts()).resolves.not.toContain("UPDATED");
  });
});
