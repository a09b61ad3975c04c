// Monitoring through the running app: targets and figures imported over the API, progress and
// alerts from /api/monitor and /api/alerts (JSON, CSV, Atom), acknowledging, setting a target as an
// admin; then /monitor in Chromium, in English and Chinese, following an alert to its chart.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser";
import { readXlsx, startsWithBom } from "../support/files";
import { FIXTURES } from "../support/fixtures";

const base = inject("baseUrl");
const token = inject("adminToken");
const auth = { authorization: `Bearer ${token}` };
const get = (p: string, init?: RequestInit) => fetch(new URL(p, base), init);
// Last year: complete whatever today's date, and never "not started".
const YEAR = new Date().getUTCFullYear() - 1;
const SOURCE = "Synthetic Monitor Bulletin";

type Alert = { id: number; key: string; kind: string; title: string; chart: string; zone: { code: string } };
type ProgressRow = { zone: { code: string }; progress: { status: string; expected: number; actual: { value: number } | null } };

async function importText(files: Record<string, string>) {
  const form = new FormData();
  for (const name of ["zones.csv", "indicators.csv"])
    form.append("file", new Blob([fs.readFileSync(path.join(FIXTURES, "base", name))]), name);
  for (const [name, text] of Object.entries(files)) form.append("file", new Blob([text], { type: "text/csv" }), name);
  const response = await get("/api/imports", { method: "POST", headers: auth, body: form });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function openAlerts(query = ""): Promise<Alert[]> {
  return ((await (await get(`/api/alerts${query}`)).json()) as { data: Alert[] }).data;
}

beforeAll(async () => {
  await importText({
    "targets.csv": `zone,indicator,year,value,unit,source_title\nsynthetic-a,synthetic_trade,${YEAR},1200,亿元,Synthetic Plan ${YEAR}\nsynthetic-b,synthetic_trade,${YEAR},100,亿元,Synthetic Plan ${YEAR}\n`,
    "observations.csv": [
      "zone,indicator,period,basis,value,unit,source_title",
      `synthetic-a,synthetic_trade,${YEAR}-09,ytd,450,亿元,${SOURCE}`,
      `synthetic-b,synthetic_trade,${YEAR}-01/${YEAR}-09,ytd,90,亿元,${SOURCE}`,
      `synthetic-b,synthetic_trade,${YEAR - 1}-12,period,20,亿元,${SOURCE}`,
      `synthetic-b,synthetic_trade,${YEAR}-11,period,9,亿元,${SOURCE}`,
      `synthetic-b,synthetic_trade,${YEAR}-12,period,10,亿元,${SOURCE}`,
      "",
    ].join("\n"),
  });
});

describe("the monitoring API", () => {
  it("gives each zone's progress against its pro-rated target, most behind first", async () => {
    const response = await get(`/api/monitor?year=${YEAR}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { year: number; data: ProgressRow[] };
    expect(body.year).toBe(YEAR);
    const rows = body.data.filter((r) => r.zone.code.startsWith("synthetic"));
    expect(rows.map((r) => [r.zone.code, r.progress.status])).toEqual([
      ["synthetic-a", "behind"],
      ["synthetic-b", "ahead"],
    ]);
    expect(rows[0]?.progress).toMatchObject({ expected: 900e8, actual: { value: 450e8 } });
  });

  it("exports the progress table as CSV and as a workbook", async () => {
    const csv = new Uint8Array(await (await get(`/api/monitor?year=${YEAR}&format=csv`)).arrayBuffer());
    expect(startsWithBom(csv)).toBe(true);
    const text = new TextDecoder().decode(csv);
    expect(text.split("\r\n")[0]).toContain("zone,zone_name,indicator,indicator_name,year,status");
    expect(text).toContain("synthetic-a,Synthetic Zone A,synthetic_trade");
    const [sheet, sources] = await readXlsx(
      new Uint8Array(await (await get(`/api/monitor?year=${YEAR}&format=xlsx&lang=zh`)).arrayBuffer()),
    );
    const row = sheet?.rows.find((r) => r[0] === "synthetic-a");
    expect(row?.[1]).toBe("合成甲区");
    expect(sheet?.name).toBe("目标进度");
    expect(sheet?.rows[0]?.slice(0, 3)).toEqual(["区域代码", "区域", "指标代码"]);
    expect(typeof row?.[7]).toBe("number");
    expect(sources?.rows.map((r) => r[1])).toContain(`Synthetic Plan ${YEAR}`);
  });

  it("lists the alerts with what, where, by how much and a link to the chart", async () => {
    const alerts = await openAlerts("?zone=synthetic-a");
    const behind = alerts.find((a) => a.key === `behind:synthetic-a:synthetic_trade:${YEAR}`);
    expect(behind?.title).toBe("Synthetic Zone A: Synthetic trade 50% behind the pro-rated target");
    expect(behind?.chart).toBe("/compare?indicator=synthetic_trade&zones=synthetic-a&basis=ytd");
    const fall = (await openAlerts("?kind=yoy_fall&zone=synthetic-b"))[0];
    expect(fall?.title).toBe("Synthetic Zone B: Synthetic trade down 50% on a year earlier");
  });

  it("publishes the alerts as an Atom feed, in Chinese too", async () => {
    const response = await get("/api/alerts?format=atom&lang=zh&zone=synthetic-a");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`<id>urn:ftz-monitor:alert:behind:synthetic-a:synthetic_trade:${YEAR}</id>`);
    expect(xml).toContain("合成甲区合成贸易额落后于目标进度 50%");
    expect(xml).toMatch(
      /<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/compare\?indicator=synthetic_trade&amp;zones=synthetic-a&amp;basis=ytd"\/>/,
    );
  });

  it.each([
    ["?kind=fire", /Parameter 'kind': must be one of behind, yoy_fall, stale, plausibility/],
    ["?state=closed", /Parameter 'state'/],
    ["?format=rss", /Parameter 'format': must be json, atom or csv/],
  ])("refuses %s with the reason", async (query, message) => {
    const response = await get(`/api/alerts${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it("lets only an admin acknowledge an alert, which then leaves the open list", async () => {
    const [fall] = await openAlerts("?kind=yoy_fall&zone=synthetic-b");
    if (!fall) throw new Error("expected a year-on-year fall for synthetic-b");
    expect((await get(`/api/alerts/${fall.id}/acknowledge`, { method: "POST" })).status).toBe(401);
    expect((await get(`/api/alerts/${fall.id}/acknowledge`, { method: "POST", headers: auth })).status).toBe(200);
    expect((await openAlerts("?zone=synthetic-b")).map((a) => a.id)).not.toContain(fall.id);
    expect((await openAlerts("?state=acknowledged&zone=synthetic-b")).map((a) => a.id)).toContain(fall.id);
    expect((await get("/api/alerts/99999999/acknowledge", { method: "POST", headers: auth })).status).toBe(404);
  });

  it("sets a target as an admin, checked like an import, and removes it", async () => {
    const post = (body: unknown, headers: Record<string, string> = auth) =>
      get("/api/targets", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
    const target = { zone: "synthetic-b", indicator: "synthetic_trade", year: YEAR + 1, value: "120", unit: "亿元" };
    expect((await post(target, {})).status).toBe(401);
    const bad = await post({ ...target, unit: "万吨" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/万吨/);
    const good = await post(target);
    expect(good.status).toBe(200);
    const listed = (
      (await (await get(`/api/targets?year=${YEAR + 1}`)).json()) as { data: { id: number; zone: { code: string }; target: number }[] }
    ).data;
    const made = listed.find((t) => t.zone.code === "synthetic-b");
    expect(made?.target).toBe(120e8);
    expect((await get(`/api/targets/${made?.id}`, { method: "DELETE" })).status).toBe(401);
    expect((await get(`/api/targets/${made?.id}`, { method: "DELETE", headers: auth })).status).toBe(204);
    expect((await get(`/api/targets/${made?.id}`, { method: "DELETE", headers: auth })).status).toBe(404);
  });
});

describe.each(["en", "zh"] as const)("/monitor in Chromium (%s)", (locale) => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ locale });
  });
  afterAll(async () => session?.close());

  it("shows the alerts and the progress table, and follows an alert to its chart", async () => {
    const { page } = session;
    await page.goto(`/monitor?year=${YEAR}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(locale === "zh" ? "监测" : "Monitoring");
    const row = page.locator('.progress-table tr[data-zone="synthetic-a"]');
    await expect(row.locator(".status").textContent()).resolves.toBe(locale === "zh" ? "落后" : "Behind");
    const alert = page.locator(`li[data-alert="behind:synthetic-a:synthetic_trade:${YEAR}"]`);
    await expect(alert.locator(".alert__title").textContent()).resolves.toBe(
      locale === "zh" ? "合成甲区合成贸易额落后于目标进度 50%" : "Synthetic Zone A: Synthetic trade 50% behind the pro-rated target",
    );
    await alert.getByRole("link", { name: locale === "zh" ? "查看图表" : "Open the chart" }).click();
    await page.waitForURL(/\/compare\?indicator=synthetic_trade&zones=synthetic-a&basis=ytd/);
    await page.locator("#chart-title").waitFor();
    await expect(page.locator(".compare-table").innerText()).resolves.toMatch(locale === "zh" ? /450 亿元/ : /CNY 45(\.0)? bn/);
  });
});

describe("/monitor for an admin in Chromium", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => session?.close());

  it("sets a target with the form, shows its progress, and removes it", async () => {
    const { page } = session;
    await page.goto("/sign-in?next=/monitor");
    await page.getByLabel("Admin token").fill(token);
    await page.getByLabel(/Your name/).fill("Monitor Tester");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/monitor");

    const form = page.locator(".target-form");
    await form.getByLabel("Zone").selectOption("synthetic-a-north");
    await form.getByLabel("Indicator").selectOption("synthetic_trade");
    await form.getByLabel("Year").fill(String(YEAR));
    await form.getByLabel("Value").fill("80");
    await form.getByLabel("Unit").fill("万吨");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(form.getByRole("alert").textContent()).resolves.toMatch(/万吨/);

    await form.getByLabel("Unit").fill("亿元");
    await form.getByRole("button", { name: "Save target" }).click();
    await form.getByText("Target saved.").waitFor();
    await page.goto(`/monitor?year=${YEAR}`);
    const row = page.locator('.progress-table tr[data-zone="synthetic-a-north"]');
    await expect(row.locator(".status").textContent()).resolves.toBe("No figure yet");
    await expect(row.locator("td").last().getByRole("button").textContent()).resolves.toBe("Remove");

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await row.waitFor({ state: "detached" });
  });

  it("acknowledges an alert, which moves to the acknowledged list", async () => {
    const { page } = session;
    await page.goto("/monitor?kind=stale");
    const alert = page.locator('li[data-alert^="stale:synthetic-b:synthetic_trade:period"]');
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await alert.waitFor({ state: "detached" });
    await page.goto("/monitor?alerts=acknowledged&kind=stale");
    await expect(page.locator('li[data-alert^="stale:synthetic-b:synthetic_trade:period"] .alert__meta').textContent()).resolves.toContain(
      "acknowledged by Monitor Tester",
    );
  });
});
