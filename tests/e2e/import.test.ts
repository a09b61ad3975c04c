// The upload page in Chromium: sign in, check a file, read the report, import it, find the figure.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";
import { FIXTURES } from "../support/fixtures";

describe("the upload page", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  it("sends visitors who are not signed in to the sign-in page, and refuses a wrong token", async () => {
    const { page } = session;
    await page.goto("/import");
    await page.waitForURL("**/sign-in?next=/import");
    await page.getByLabel("Admin token").fill("not-the-admin-token-0000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error").textContent()).resolves.toBe("That is not this server's admin token.");
  });

  it("checks a file, shows the problems first, then imports a clean file and shows the new figure", async () => {
    const { page } = session;
    await page.getByLabel("Admin token").fill(inject("adminToken"));
    await page.getByLabel(/Your name/).fill("Browser Tester");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/import");
    await expect(page.locator(".session-box").textContent()).resolves.toContain("Browser Tester");

    const input = page.locator('input[type="file"]');
    await input.setInputFiles([
      path.join(FIXTURES, "base", "zones.csv"),
      path.join(FIXTURES, "base", "indicators.csv"),
      path.join(FIXTURES, "errors", "unknown-zone.csv"),
    ]);
    await page.getByRole("button", { name: "Check file" }).click();
    const report = page.getByTestId("import-report");
    await report.waitFor();
    await expect(report.getByRole("heading", { name: /Problems that block the import \(1\)/ }).isVisible()).resolves.toBe(true);
    const problem = page.locator("#problem-1");
    await expect(problem.textContent()).resolves.toContain("Unknown zone 'synthetic-aa'");
    await expect(problem.getByRole("link").getAttribute("href")).resolves.toBe("#problem-1");
    await expect(page.getByRole("button", { name: /^Import/ }).count()).resolves.toBe(0);

    await input.setInputFiles([
      path.join(FIXTURES, "base", "zones.csv"),
      path.join(FIXTURES, "base", "indicators.csv"),
      path.join(FIXTURES, "valid", "observations.csv"),
    ]);
    await page.getByRole("button", { name: "Check file" }).click();
    await report.waitFor();
    await expect(report.locator('tr[data-table="observations"] td').first().textContent()).resolves.toBe("5");
    await page.getByRole("button", { name: /^Import \d+ new and 0 revised figures$/ }).click();
    const status = page.getByRole("status");
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/Written as import #\d+\./);

    await page.locator(".history-table tbody tr", { hasText: "Browser Tester" }).first().waitFor();
    await expect(page.locator(".history-table tbody tr").first().textContent()).resolves.toContain("upload page");
    await status.getByRole("link", { name: "See what it changed" }).click();
    await page.waitForURL("**/imports/*");
    await expect(
      page
        .getByRole("region", { name: /See what it changed/ })
        .locator("table")
        .textContent(),
    ).resolves.toContain("synthetic-a-north");

    // The overview is about the Anhui and Zhejiang FTZs; every other zone's figures are on its page.
    await page.goto("/zones/synthetic-a-north");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Synthetic Zone A – North Area");
    const figure = page.locator(".zone-chart .figure--approx").first();
    await expect(figure.textContent()).resolves.toBe("≈ CNY 300 m");
    await expect(page.locator(".zone-chart .badge--unverified").first().textContent()).resolves.toBe("unverified");
  });
});
