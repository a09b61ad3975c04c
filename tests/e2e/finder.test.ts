// The figure finder in Chromium: paste a release, read the candidates against what is stored, edit one, reject
// one, check and import the rest through the importer, find the figure on the zone page; then the page in 中文.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";

const TEXT = [
  "At present, 3857 new enterprises have been established in the Anhui Pilot Free Trade Zone, helping Anhui's import and export volume to exceed 500 billion yuan.",
  "In 2020, Bengbu Port will complete a throughput of 12.5 million tons, an increase of 3.2%.",
  "In 2020, Hefei Port will complete a throughput of 41 million tons.",
].join("\n\n");

describe.each(["en", "zh"] as const)("the figure finder (%s)", (locale) => {
  const words =
    locale === "en"
      ? { token: "Admin token", name: /Your name/, signIn: "Sign in", title: "Figure finder", find: "Find figures", text: "Text" }
      : { token: "管理员令牌", name: /您的姓名/, signIn: "登录", title: "数据查找", find: "查找数据", text: "正文" };
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale });
  });
  afterAll(async () => session?.close());

  it("finds the figures, marks them against the store, and imports the accepted ones after a check", async () => {
    const { page } = session;
    await page.goto("/sign-in?next=/import/finder");
    await page.getByLabel(words.token).fill(inject("adminToken"));
    await page.getByLabel(words.name).fill("Finder Tester");
    await page.getByRole("button", { name: words.signIn }).click();
    await page.waitForURL((url) => url.pathname === "/import/finder");
    await expect(page.locator("h1").textContent()).resolves.toBe(words.title);

    await page.getByLabel(words.text, { exact: true }).fill(TEXT);
    await page.locator('input[name="source_title"]').fill("Test release");
    await page.locator('input[name="published_on"]').fill("2021-01-25");
    await page.getByRole("button", { name: words.find }).click();
    const table = page.locator(".finder-table");
    await table.waitFor();
    await expect(page.locator(".finder-mark").count()).resolves.toBe(4);

    const rows = table.locator("tbody tr");
    const trade = rows.filter({ has: page.locator('input[value="import_export"]') });
    await expect(trade.getAttribute("data-status")).resolves.toBe("conflict");
    await expect(trade.locator('input[type="checkbox"]').isChecked()).resolves.toBe(false);
    await expect(rows.filter({ has: page.locator('input[value="new_enterprises"]') }).getAttribute("data-status")).resolves.toBe("same");

    if (locale === "zh") return;
    const bengbu = rows.filter({ has: page.locator('input[value="bengbu-port"]') });
    const hefei = rows.filter({ has: page.locator('input[value="hefei-port"]') });
    await expect(bengbu.getAttribute("data-status")).resolves.toBe("new");
    await bengbu.getByLabel(/^Value/).fill("12.6");
    await hefei.locator('input[type="checkbox"]').uncheck();
    await page.getByRole("button", { name: "Check 1 accepted figures" }).click();
    const report = page.getByTestId("import-report");
    await page.locator('[data-testid="import-report"], .notice--bad').first().waitFor();
    if (await page.locator(".notice--bad").count())
      throw new Error(`the check failed: ${await page.locator(".notice--bad").textContent()}`);
    await expect(report.locator('tr[data-table="observations"] td').first().textContent()).resolves.toBe("1");
    await page.getByRole("button", { name: "Import 1 new and 0 revised figures" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Written as import" }).textContent()).resolves.toMatch(
      /Written as import #\d+\./,
    );

    await page.goto("/zones/bengbu-port");
    await expect(page.locator("main").textContent()).resolves.toContain("12.6");
  });

  it("takes a source dated only by its month, with a hint, and names the field when the date is no date", async () => {
    const { page } = session;
    await page.goto("/import/finder");
    const date = page.locator('input[name="published_on"]');
    const hint = await page.locator("#finder-published-hint").textContent();
    expect(hint).toContain("YYYY-MM");
    await page.getByLabel(words.text, { exact: true }).fill(TEXT);
    await page.locator('input[name="source_title"]').fill("Test release, dated by month");
    await date.fill("2021-01");
    await page.getByRole("button", { name: words.find }).click();
    await page.locator(".finder-table").waitFor();
    // "At present": as of the page's date, here the last day of its month.
    const enterprises = page.locator(".finder-table tbody tr").filter({ has: page.locator('input[value="new_enterprises"]') });
    await expect(enterprises.locator('input[value^="2020-09-24/"]').inputValue()).resolves.toBe("2020-09-24/2021-01-31");

    await date.fill("2021-13");
    await page.getByRole("button", { name: words.find }).click();
    await expect(page.locator(".notice--bad").textContent()).resolves.toMatch(/source\.publishedOn: must be YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});
