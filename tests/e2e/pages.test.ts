// Every page in Chromium: it renders, and axe finds no accessibility violations, in English and Chinese.
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeReport } from "@/lib/validation/report-link";
import { openBrowser, type BrowserSession } from "../support/browser";

const PAGES = [
  "/",
  "/compare?indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period",
  "/compare?indicator=institutional_innovation_results&zones=anhui-ftz,zhejiang-ftz&basis=cumulative&axis=launch",
  "/compare?indicator=new_enterprises&zones=anhui,zhejiang&view=same",
  "/zones",
  "/zones/anhui-ftz",
  "/zones/zhejiang-ftz",
  "/zones/ningbo-zhoushan-port",
  "/indicators",
  "/indicators/import_export",
  "/data",
  "/data?zone=anhui&indicator=import_export&open=1",
  "/coverage",
  "/coverage?group=port",
  "/events",
  "/events?zone=anhui-ftz&kind=inauguration",
  "/sign-in",
  "/help/data-format",
  "/monitor",
  "/monitor?alerts=acknowledged",
  "/reports",
  `/reports/preview?d=${encodeReport({
    title: "Anhui and Zhejiang",
    notes: "Notes.",
    items: [
      { view: "indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period", note: "A note." },
      { view: "indicator=port_container_throughput&zones=ningbo-zhoushan-port,wuhu-port&basis=ytd", showChart: false },
    ],
  })}`,
];

describe.each(["en", "zh"] as const)("every page in %s", (locale) => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale });
  });
  afterAll(async () => session?.close());

  it.each(PAGES)("%s has a heading and no accessibility violations", async (path) => {
    const { page } = session;
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("h1").count()).resolves.toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ")}`);
    expect(violations).toEqual([]);
  });
});
