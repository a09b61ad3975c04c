// Every export decoded as the program that opens it would: chart images by URL (PNG pixel size, SVG
// text, same data as the series API), workbooks (numbers as numbers, units in headers, a Sources
// sheet), CSV (BOM, formulas neutralised), and report PDFs (their text layer) — on the embedded
// database, and the chart URL and workbook once more on the PostgreSQL server.
import { describe, expect, inject, it } from "vitest";
import { encodeReport } from "@/lib/validation/report-link";
import fs from "node:fs";
import path from "node:path";
import { pdfText, pngSize, readXlsx, startsWithBom } from "../support/files";
import { FIXTURES } from "../support/fixtures";

const base = inject("baseUrl");
const token = inject("adminToken");
const get = (p: string, init?: RequestInit) => fetch(new URL(p, base), init);
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

const PORTS = "indicator=port_container_throughput&zones=ningbo-zhoushan-port,wuhu-port&basis=ytd";
const TRADE = "indicator=import_export&zones=anhui-ftz,zhejiang-ftz&basis=period";

type SeriesJson = { series: { zone: { code: string }; points: { start: string; end: string; value: number }[] }[] };

/** The points an SVG chart draws, from the data-* attributes on its markers. */
function svgPoints(svg: string) {
  return [...svg.matchAll(/data-zone="([^"]+)" data-start="([^"]+)" data-end="([^"]+)" data-value="([^"]+)"/g)].map((m) => ({
    zone: m[1] ?? "",
    start: m[2] ?? "",
    end: m[3] ?? "",
    value: Number(m[4]),
  }));
}

async function seriesPoints(url: string, query: string) {
  const body = (await (await fetch(new URL(`/api/series?${query}`, url))).json()) as SeriesJson;
  return body.series.flatMap((s) => s.points.map((p) => ({ zone: s.zone.code, start: p.start, end: p.end, value: p.value })));
}

const byKey = <T extends { zone: string; start: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.zone}${a.start}`.localeCompare(`${b.zone}${b.start}`));

describe.each([
  { name: "PGlite", url: base },
  { name: "PostgreSQL", url: inject("pgBaseUrl") },
])("chart images by URL on $name", ({ url }) => {
  it("draws in the SVG exactly the points the series API returns, with title, source line and data date", async () => {
    const response = await fetch(new URL(`/api/charts/compare.svg?${PORTS}`, url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await response.text();
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Port container throughput");
    expect(svg).toContain("Year to date (running total)");
    expect(svg).toMatch(/Sources?: \[1\]/);
    // The newest publication among the figures drawn (the Ningbo-Zhoushan article of 3 December 2025).
    expect(svg).toContain("Data as of 3 Dec 2025");
    expect(svg).toContain("@font-face");
    const drawn = svgPoints(svg);
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    expect(byKey(drawn)).toEqual(byKey(await seriesPoints(url, PORTS)));
  });

  it("returns the comparison as a workbook with numbers as numbers and a Sources sheet", async () => {
    const response = await fetch(new URL(`/api/series?${PORTS}&format=xlsx`, url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const sheets = await readXlsx(await bytes(response));
    expect(sheets.map((s) => s.name)).toEqual(["Data", "Points", "Sources"]);
    const [data, , sources] = sheets;
    expect(data?.frozen).toBe(true);
    expect(data?.rows[0]).toEqual([
      "Period",
      "Start",
      "End",
      "Ningbo-Zhoushan Port [TEU]",
      "Ningbo-Zhoushan Port [万TEU]",
      "Ningbo-Zhoushan Port: note",
      "Wuhu Port [TEU]",
      "Wuhu Port [万TEU]",
      "Wuhu Port: note",
    ]);
    // Real dates, and each level also in the magnitude analysts read (万TEU).
    expect(data?.rows[1]?.[1]).toBeInstanceOf(Date);
    const withMagnitude = data?.rows.slice(1).find((row) => typeof row[3] === "number");
    expect(withMagnitude?.[4]).toBeCloseTo(Number(withMagnitude?.[3]) / 1e4, 8);
    const numbers = data?.rows.slice(1).flatMap((row) => [row[3], row[6]].filter((v) => v !== null && v !== undefined)) ?? [];
    expect(numbers.length).toBeGreaterThanOrEqual(6);
    for (const n of numbers) expect(typeof n).toBe("number");
    expect(numbers).toContain(642305);
    expect(sources?.rows[0]).toEqual(["#", "Title", "URL", "Published", "Quote"]);
    expect(sources?.rows.length).toBe(14); // the header and the 13 publications the two ports' figures come from
    for (const row of sources?.rows.slice(1) ?? []) {
      expect(typeof row[1]).toBe("string");
      expect(String(row[2])).toMatch(/^https?:\/\//);
    }
  });

  it("writes the workbook's headers, sheets and Sources in Chinese for lang=zh", async () => {
    const sheets = await readXlsx(await bytes(await fetch(new URL(`/api/series?${PORTS}&format=xlsx&lang=zh`, url))));
    expect(sheets.map((s) => s.name)).toEqual(["数据", "数据点", "来源"]);
    expect(sheets[0]?.rows[0]?.slice(0, 4)).toEqual(["时间", "起始日", "截止日", "宁波舟山港 [标箱]"]);
    expect(sheets[2]?.rows[0]).toEqual(["序号", "标题", "网址", "发布日期", "原文"]);
    const observations = await readXlsx(await bytes(await fetch(new URL("/api/observations?zone=anhui-ftz&format=xlsx&lang=zh", url))));
    expect(observations.map((s) => s.name)).toEqual(["数据", "来源"]);
    expect(observations[0]?.rows[0]).toEqual(expect.arrayContaining(["区域", "指标", "数值（量级单位）", "量级单位"]));
  });
});

describe("chart images", () => {
  it.each([
    [2, 800, 500],
    [3, 800, 500],
    [2, 1000, 600],
  ])("renders a PNG at %i× of %i×%i as that many pixels", async (scale, width, height) => {
    const response = await get(`/api/charts/compare.png?${TRADE}&scale=${scale}&width=${width}&height=${height}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(pngSize(await bytes(response))).toEqual({ width: width * scale, height: height * scale });
  });

  it("writes the Chinese chart in Chinese, with the font inside the file", async () => {
    const svg = await (await get(`/api/charts/compare.svg?${TRADE}&lang=zh`)).text();
    expect(svg).toContain("进出口总额");
    expect(svg).toContain("安徽自贸试验区");
    expect(svg).toContain("数据截至");
    // The embedded subset holds the glyphs used; the family is named in the style.
    expect(svg).toMatch(
      /@font-face \{ font-family: "Noto Sans SC"; font-weight: 400; src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{200,}/,
    );
  });

  it("answers a repeated request with 304 Not Modified, and caches publicly", async () => {
    const first = await get(`/api/charts/compare.png?${TRADE}`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const again = await get(`/api/charts/compare.png?${TRADE}`, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    const other = await get(`/api/charts/compare.png?${TRADE}&scale=3`, { headers: { "if-none-match": etag ?? "" } });
    expect(other.status).toBe(200);
  });

  it("answers a repeated series request on unchanged data with 304, and a changed question with the data", async () => {
    const first = await get(`/api/series?${PORTS}`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect((await get(`/api/series?${PORTS}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await get(`/api/series?${PORTS}&lang=zh`, { headers: { "if-none-match": etag } })).status).toBe(200);
  });

  it.each([
    [`/api/charts/compare.png?${TRADE}&scale=5`, /Parameter 'scale': must be 1, 2, 3 or 4/],
    [`/api/charts/compare.svg?${TRADE}&width=50`, /Parameter 'width': must be at least 400/],
    [`/api/charts/compare.svg?${TRADE}&height=abc`, /Parameter 'height'/],
    [`/api/charts/compare.svg?indicator=import_export&zones=anhui-ftzz`, /unknown zone 'anhui-ftzz'; closest known codes: anhui-ftz/],
    [`/api/charts/compare.svg?indicator=import_export&zones=anhui-ftz&lang=fr`, /Parameter 'lang': must be en or zh/],
    [`/api/charts/compare.svg?${TRADE}&colour=red`, /Unknown parameter 'colour'/],
    [`/api/charts/compare.gif?${TRADE}`, /There is no chart 'compare.gif'/],
  ])("refuses %s with the reason, as JSON", async (path, message) => {
    const response = await get(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(message);
  });
});

describe("table downloads", () => {
  it.each(["/api/zones", "/api/indicators", "/api/coverage", "/api/observations?zone=anhui-ftz*", `/api/series?${TRADE}`])(
    "%s as CSV starts with a BOM and as XLSX opens with a frozen header and a Sources sheet",
    async (path) => {
      const join = path.includes("?") ? "&" : "?";
      const csv = await bytes(await get(`${path}${join}format=csv`));
      expect(startsWithBom(csv)).toBe(true);
      const xlsx = await get(`${path}${join}format=xlsx`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("content-disposition")).toMatch(/attachment; filename="ftz-monitor-[\w.-]+\.xlsx"/);
      const sheets = await readXlsx(await bytes(xlsx));
      expect(sheets.at(-1)?.name).toBe("Sources");
      expect(sheets[0]?.frozen).toBe(true);
      expect(sheets[0]?.rows.length).toBeGreaterThan(1);
    },
  );

  it.each([
    ["/api/zones", "区域", ["代码", "英文名称", "中文名称"]],
    ["/api/indicators", "指标", ["代码", "英文名称", "中文名称"]],
    ["/api/coverage", "数据覆盖", ["区域代码", "指标代码", "年份", "口径", "数据数"]],
    ["/api/china", "自贸试验区", ["区域代码", "英文名称", "中文名称", "省份"]],
  ])("%s in Chinese: the workbook's sheet and headers, and the CSV's headers", async (path, sheet, headers) => {
    const sheets = await readXlsx(await bytes(await get(`${path}?format=xlsx&lang=zh`)));
    expect(sheets[0]?.name).toBe(sheet);
    expect(sheets[0]?.rows[0]?.slice(0, headers.length)).toEqual(headers);
    expect(sheets.at(-1)?.name).toBe("来源");
    const csv = new TextDecoder().decode(await bytes(await get(`${path}?format=csv&lang=zh`)));
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")[0]
        ?.split(",")
        .slice(0, headers.length),
    ).toEqual(headers);
    // Without lang the CSV keeps the data format's column codes.
    const english = new TextDecoder().decode(await bytes(await get(`${path}?format=csv`)));
    expect(english.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^(code|zone),/);
  });

  it("stores the figures of the observations workbook as numbers, units in the headers, every source with its quote", async () => {
    const json = (await (await get("/api/observations?zone=anhui-ftz&limit=10000")).json()) as { data: { value: number; unit: string }[] };
    const sheets = await readXlsx(await bytes(await get("/api/observations?zone=anhui-ftz&format=xlsx")));
    const [figures, sources] = sheets;
    const header = figures?.rows[0] ?? [];
    const value = header.findIndex((h) => String(h).startsWith("value"));
    expect(value).toBeGreaterThanOrEqual(0);
    const values = figures?.rows.slice(1).map((r) => r[value]) ?? [];
    expect(values).toHaveLength(json.data.length);
    for (const v of values) expect(typeof v).toBe("number");
    expect(values.sort()).toEqual(json.data.map((r) => r.value).sort());
    expect(header.some((h) => /unit/.test(String(h)))).toBe(true);
    expect(sources?.rows.slice(1).every((r) => typeof r[1] === "string" && r[1].length > 0)).toBe(true);
    expect(sources?.rows.slice(1).some((r) => typeof r[4] === "string" && r[4].length > 10)).toBe(true);
  });

  it("neutralises =, +, - and @ at the start of text cells in CSV and workbook alike", async () => {
    const rows = [
      ["=HYPERLINK(1)", "+cmd"],
      ["-2+3", "@SUM(A1)"],
    ];
    for (const [i, [quote, note]] of rows.entries()) {
      const csv = `zone,indicator,period,value,unit,source_title,quote,note\nsynthetic-a,signed_projects_count,2039-0${i + 5},7,count,Synthetic Export Test,"${quote}",${note}\n`;
      const form = new FormData();
      // The synthetic zone comes with the figures, so that this test stands alone.
      for (const name of ["zones.csv", "indicators.csv"])
        form.append("file", new Blob([fs.readFileSync(path.join(FIXTURES, "base", name))]), name);
      form.append("file", new Blob([csv], { type: "text/csv" }), "observations.csv");
      const imported = await get("/api/imports", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
      expect(imported.status).toBe(200);
    }
    const text = await (await get("/api/observations?zone=synthetic-a&indicator=signed_projects_count&format=csv")).text();
    for (const value of ["=HYPERLINK(1)", "+cmd", "-2+3", "@SUM(A1)"]) {
      expect(text).toContain(`'${value}`);
      expect(text).not.toMatch(new RegExp(`(^|,)${value.replace(/[()+]/g, "\\$&")}`, "m"));
    }
    // In the workbook the same text is a plain string cell: Excel never evaluates it.
    const [sheet] = await readXlsx(
      await bytes(await get("/api/observations?zone=synthetic-a&indicator=signed_projects_count&format=xlsx")),
    );
    const cells = sheet?.rows.flat() ?? [];
    for (const value of ["=HYPERLINK(1)", "+cmd", "-2+3", "@SUM(A1)"]) expect(cells).toContain(value);
    expect(cells.some((c) => typeof c === "object" && c !== null && "formula" in c)).toBe(false);
  });
});

describe("report PDFs", () => {
  const report = {
    title: "Anhui and Zhejiang FTZs — 2024 review",
    notes: "Prepared for the quarterly briefing.",
    locale: "zh",
    items: [
      { view: TRADE, showChart: true, showTable: true, note: "贸易数据为年度值。" },
      { view: PORTS, showChart: true, showTable: true, note: "" },
    ],
  };

  it("holds the title, the zone names in Chinese, the sources and page numbers in its text layer", async () => {
    const response = await get(`/api/reports/pdf?d=${encodeReport(report)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pages = await pdfText(await bytes(response));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("\n");
    expect(pages[0]).toContain(report.title);
    expect(all).toContain("安徽自贸试验区");
    expect(all).toContain("宁波舟山港");
    expect(all).toContain("芜湖港");
    expect(all).toContain("贸易数据为年度值。");
    expect(all).toContain("来源");
    expect(all).toContain("Cina: cresce commercio estero 2021 zona pilota Anhui");
    expect(all).toContain("宁波舟山港5月份运输生产总体平稳");
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`));
  });

  it("is also made from a posted form, as the editor's download button sends it", async () => {
    const form = new URLSearchParams({ report: JSON.stringify({ ...report, locale: "en" }) });
    const response = await get("/api/reports/pdf", { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ftz-monitor-report.pdf"');
    const all = (await pdfText(await bytes(response))).join("\n");
    expect(all).toContain("Anhui FTZ");
    expect(all).toContain("Ningbo-Zhoushan Port");
    expect(all).toMatch(/Page 1 of \d/);
  });

  it.each([
    ["d=not-a-report", /Parameter 'd': not a report link/],
    [`d=${encodeReport({ ...report, title: " " })}`, /Report title: is empty/],
    [`d=${encodeReport({ ...report, items: [] })}`, /Report items: is empty/],
    [
      `d=${encodeReport({ ...report, items: [{ view: "indicator=import_export&zones=anhui-ftz&transform=log" }] })}`,
      /Report items.0.view: Parameter 'transform'/,
    ],
  ])("refuses ?%s with the reason", async (query, message) => {
    const response = await get(`/api/reports/pdf?${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });
});

describe("saved reports", () => {
  const body = (title: string) =>
    JSON.stringify({
      title,
      notes: "",
      locale: "en",
      items: [{ view: TRADE, title: "Imports and exports", showChart: true, showTable: false, note: "" }],
    });
  const send = (path: string, method: string, payload: string, headers: Record<string, string> = {}) =>
    get(path, { method, body: payload, headers: { "content-type": "application/json", ...headers } });

  it("saves a report for anyone, and only its edit key or an admin changes or deletes it", async () => {
    const created = await send("/api/reports", "POST", body("Saved by a visitor"));
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string; editKey: string; createdBy: string };
    expect(saved.editKey).toMatch(/^[\w-]{32}$/);
    expect(created.headers.get("location")).toBe(`/reports/${saved.id}`);
    expect(saved.createdBy).toBe("visitor");

    const reread = (await (await get(`/api/reports/${saved.id}`)).json()) as Record<string, unknown>;
    expect(reread.title).toBe("Saved by a visitor");
    expect(reread).not.toHaveProperty("editKey");
    expect(reread).not.toHaveProperty("editKeyHash");

    expect((await send(`/api/reports/${saved.id}`, "PUT", body("Changed"))).status).toBe(401);
    expect((await send(`/api/reports/${saved.id}`, "PUT", body("Changed"), { "x-report-key": "wrong" })).status).toBe(403);
    const changed = await send(`/api/reports/${saved.id}`, "PUT", body("Changed by its owner"), { "x-report-key": saved.editKey });
    expect(changed.status).toBe(200);
    const byAdmin = await send(`/api/reports/${saved.id}`, "PUT", body("Changed by an admin"), { authorization: `Bearer ${token}` });
    expect(byAdmin.status).toBe(200);
    expect(((await (await get(`/api/reports/${saved.id}`)).json()) as { title: string }).title).toBe("Changed by an admin");

    const pdf = await get(`/api/reports/${saved.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect((await pdfText(await bytes(pdf)))[0]).toContain("Changed by an admin");

    expect((await get(`/api/reports/${saved.id}`, { method: "DELETE" })).status).toBe(401);
    expect((await get(`/api/reports/${saved.id}`, { method: "DELETE", headers: { "x-report-key": saved.editKey } })).status).toBe(204);
    expect((await get(`/api/reports/${saved.id}`)).status).toBe(404);
  });

  it("refuses a bad report with the reason and saves nothing", async () => {
    const count = async () => ((await (await get("/api/reports")).json()) as { data: unknown[] }).data.length;
    const before = await count();
    const cases: [string, string, number, RegExp][] = [
      ["{", "application/json", 400, /not valid JSON/],
      [body(""), "application/json", 400, /Report title: is empty/],
      [JSON.stringify({ title: "x", items: [{ view: "indicator=import_export&zones=" }] }), "application/json", 400, /Report items.0.view/],
      [body("x"), "text/plain", 415, /application\/json/],
    ];
    for (const [payload, type, status, message] of cases) {
      const response = await get("/api/reports", { method: "POST", body: payload, headers: { "content-type": type } });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });
});
