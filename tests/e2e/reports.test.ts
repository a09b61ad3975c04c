// Exports and reports in Chromium, as a user meets them: every download in the compare page's menu
// opened and checked, the copied image link, the chart image drawing what the page's table shows, and
// a report built from two comparisons — ordered, titled, annotated, downloaded as PDF, previewed for
// print, saved, reopened by its link, and editable only where its edit key is.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { openBrowser, type BrowserSession } from "../support/browser";
import { pdfText, pngSize, readXlsx, startsWithBom } from "../support/files";

const TRADE = "indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period";
const PORTS = "indicator=port_container_throughput&zones=ningbo-zhoushan-port,wuhu-port&basis=ytd";

async function openCompare(page: Page, query: string) {
  await page.goto(`/compare?${query}`);
  await page.locator("#chart-title").waitFor();
  await page.waitForLoadState("networkidle");
}

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const saved = await file.path();
  return { download: file, bytes: new Uint8Array(fs.readFileSync(saved)) };
}

describe("downloads from the compare page", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
    await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.baseUrl });
    await openCompare(session.page, PORTS);
    await session.page.locator(".chart-panel .export-menu summary").click();
  });
  afterAll(async () => session?.close());

  const menuLink = (page: Page, name: string) => page.locator(".chart-panel .export-menu__panel a", { hasText: name });

  it.each([
    ["PNG image (2×, for documents)", 2],
    ["PNG image (3×, for slides)", 3],
  ])("downloads “%s” at that pixel density", async (label, scale) => {
    const { download: file, bytes } = await download(session.page, () => menuLink(session.page, label).click());
    expect(file.suggestedFilename()).toBe(`ftz-monitor-port_container_throughput-ningbo-zhoushan-port-wuhu-port@${scale}x.png`);
    expect(pngSize(bytes)).toEqual({ width: 1000 * scale, height: 600 * scale });
  });

  it("downloads the SVG, with the title and the same points as the table on the page", async () => {
    const { bytes } = await download(session.page, () => menuLink(session.page, "SVG image").click());
    const svg = new TextDecoder().decode(bytes);
    expect(svg).toContain(await session.page.locator("#chart-title").textContent());
    const drawn = [...svg.matchAll(/data-zone="([^"]+)" data-start="([^"]+)" data-end="[^"]+" data-value="([^"]+)"/g)]
      .map((m) => `${m[1]} ${m[2]} ${Number(m[3])}`)
      .sort();
    const shown = (
      await session.page
        .locator(".compare-table td[data-value]")
        .evaluateAll((cells) =>
          cells.map((c) => `${c.getAttribute("data-zone")} ${c.getAttribute("data-start")} ${c.getAttribute("data-value")}`),
        )
    )
      .map((row) => {
        const [zone, start, value] = row.split(" ");
        return `${zone} ${start} ${Number(value)}`;
      })
      .sort();
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(drawn).toEqual(shown);
  });

  it("downloads the CSV with a byte order mark and the workbook with numbers", async () => {
    const csv = await download(session.page, () => menuLink(session.page, "CSV table").click());
    expect(startsWithBom(csv.bytes)).toBe(true);
    expect(new TextDecoder().decode(csv.bytes)).toContain("ningbo-zhoushan-port");
    const xlsx = await download(session.page, () => menuLink(session.page, "Excel workbook").click());
    const [data, , sources] = await readXlsx(xlsx.bytes);
    expect(data?.rows[0]).toContain("Ningbo-Zhoushan Port [TEU]");
    expect(data?.rows.slice(1).some((row) => typeof row[3] === "number")).toBe(true);
    expect(sources?.name).toBe("Sources");
  });

  it("copies a link to the PNG that serves the image", async () => {
    const { page } = session;
    await page.locator(".chart-panel .export-menu__panel button", { hasText: "Copy image link" }).click();
    await page.locator(".chart-panel .export-menu__status", { hasText: "Link copied" }).waitFor({ timeout: 5000 });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/[^/]+\/api\/charts\/compare\.png\?indicator=port_container_throughput&/);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
  });
});

describe("a report built in the browser", () => {
  let session: BrowserSession;
  let savedUrl = "";
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  it("collects two comparisons from the compare page", async () => {
    const { page } = session;
    for (const query of [TRADE, PORTS]) {
      await openCompare(page, query);
      await page.locator(".chart-panel .export-menu button", { hasText: "Add to report" }).click();
      await page.locator(".chart-panel .export-menu__status", { hasText: "Added to your report" }).waitFor({ timeout: 5000 });
    }
    await page.goto("/reports");
    const items = page.locator(".report-items__item");
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    await expect(items.nth(0).locator("strong").textContent()).resolves.toContain("Imports and exports");
  });

  it("orders the items, takes a title, notes and a note, and downloads the PDF in that order", async () => {
    const { page } = session;
    await page.getByLabel("Title", { exact: true }).fill("Ports and trade, Anhui and Zhejiang");
    await page.getByLabel("Notes", { exact: true }).fill("Figures as published; see the sources.");
    await page
      .locator(".report-items__item")
      .nth(0)
      .getByRole("button", { name: /^Move down/ })
      .click();
    const first = page.locator(".report-items__item").nth(0);
    await expect(first.locator("strong").textContent()).resolves.toContain("Port container throughput");
    await first.getByLabel("Note on this item").fill("Ningbo-Zhoushan is the world's busiest port by tonnage.");
    await page.locator(".report-items__item").nth(1).getByLabel("Table").uncheck();

    const { download: file, bytes } = await download(page, () => page.getByRole("button", { name: "Download PDF" }).click());
    expect(file.suggestedFilename()).toBe("ftz-monitor-report.pdf");
    const pages = await pdfText(bytes);
    const text = pages.join("\n");
    expect(pages[0]).toContain("Ports and trade, Anhui and Zhejiang");
    expect(text).toContain("Figures as published; see the sources.");
    expect(text).toContain("Ningbo-Zhoushan is the world's busiest port by tonnage.");
    expect(text.indexOf("Port container throughput")).toBeLessThan(text.indexOf("Imports and exports"));
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("previews the draft and prints it without the site's navigation", async () => {
    const { page } = session;
    await page.getByRole("link", { name: "Preview and print" }).click();
    await page.waitForURL(/\/reports\/preview\?d=/);
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Ports and trade, Anhui and Zhejiang");
    const items = page.locator(".report-item");
    expect(await items.count()).toBe(2);
    // The second item (trade) shows its chart only: its table was switched off.
    expect(await items.nth(1).locator("table").count()).toBe(0);
    expect(await items.nth(0).locator("table").count()).toBe(1);
    await page
      .locator(".report-item img")
      .first()
      .evaluate((img: HTMLImageElement) => img.decode());
    expect(
      await page
        .locator(".report-item img")
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".report-toolbar").isVisible()).resolves.toBe(false);
    const breaks = await items.evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).breakBefore));
    expect(breaks[0]).not.toBe("page");
    expect(breaks.slice(1).every((b) => b === "page")).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("saves the report, which reopens by its link and stays editable only in this browser", async () => {
    const { page, browser } = session;
    await page.goto("/reports");
    await page.getByRole("button", { name: "Save report" }).click();
    await page.waitForURL(/\/reports\/[a-z0-9]+$/);
    savedUrl = page.url();
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Ports and trade, Anhui and Zhejiang");
    await expect(page.getByRole("button", { name: "Edit", exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Delete" }).isVisible()).resolves.toBe(true);

    const stranger = await browser.newContext({ baseURL: session.baseUrl });
    const other = await stranger.newPage();
    await other.goto(savedUrl);
    await expect(other.locator("h1").first().textContent()).resolves.toBe("Ports and trade, Anhui and Zhejiang");
    await expect(other.getByRole("button", { name: "Edit a copy" }).isVisible()).resolves.toBe(true);
    expect(await other.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await other.getByRole("button", { name: "Edit a copy" }).click();
    await other.waitForURL(/\/reports$/);
    await expect(other.getByLabel("Title", { exact: true }).inputValue()).resolves.toBe("Ports and trade, Anhui and Zhejiang");
    await expect(other.getByRole("button", { name: "Save report" }).isVisible()).resolves.toBe(true);
    await stranger.close();
  });

  it("lists the saved report and changes it in place from the browser that holds its key", async () => {
    const { page } = session;
    await page.goto("/reports");
    await expect(page.locator("table").innerText()).resolves.toContain("Ports and trade, Anhui and Zhejiang");
    await page.goto(savedUrl);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByLabel("Title", { exact: true }).fill("Ports and trade (revised)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(savedUrl);
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Ports and trade (revised)");
  });
});
