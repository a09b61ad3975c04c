// The public read API and the protected import API, over HTTP against the running app — once on the
// embedded database and once on the PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createSession } from "@/lib/auth/session";
import { OBSERVATION_COLUMNS } from "@/lib/export/observations";
import { FIXTURES } from "../support/fixtures";

const SERVERS = [
  { name: "PGlite", url: inject("baseUrl") },
  { name: "PostgreSQL", url: inject("pgBaseUrl") },
];
const token = inject("adminToken");
const auth = { authorization: `Bearer ${token}` };

type Row = Record<string, unknown>;
let unique = 0;
/** A CSV of one synthetic figure with a period no other test uses. */
function syntheticCsv(extra: { quote?: string; note?: string; value?: string } = {}): string {
  unique += 1;
  const month = String((unique % 12) + 1).padStart(2, "0");
  const year = 2040 + Math.floor(unique / 12);
  return `zone,indicator,period,value,unit,source_title,quote,note\nsynthetic-a,new_enterprises,${year}-${month},"${extra.value ?? "42"}",count,Synthetic API Test,"${(extra.quote ?? "").replaceAll('"', '""')}",${extra.note ?? ""}\n`;
}

function fileForm(name: string, text: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/csv" }), name);
  return form;
}

describe.each(SERVERS)("the API on $name", ({ url }) => {
  const get = (p: string, init?: RequestInit) => fetch(new URL(p, url), init);
  const getJson = async (p: string) => {
    const response = await get(p);
    return {
      status: response.status,
      body: (await response.json()) as { data: Row[]; next_cursor?: string | null; error?: { message: string } },
    };
  };

  beforeAll(async () => {
    const form = new FormData();
    for (const name of ["zones.csv", "indicators.csv"])
      form.append("file", new Blob([fs.readFileSync(path.join(FIXTURES, "base", name))]), name);
    const response = await get("/api/imports", { method: "POST", headers: auth, body: form });
    expect(response.status).toBe(200);
  });

  describe("reads, public", () => {
    it("lists zones with their parents and names in both languages, as JSON and CSV", async () => {
      const { status, body } = await getJson("/api/zones");
      expect(status).toBe(200);
      expect(body.data.find((z) => z.code === "anhui-ftz")).toMatchObject({
        name_en: "China (Anhui) Pilot Free Trade Zone",
        name_zh: "中国（安徽）自由贸易试验区",
        kind: "ftz",
        parent: "anhui",
        established_on: "2020-09-24",
        area_km2: 119.86,
      });
      const csv = await get("/api/zones?format=csv");
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split("\r\n")[0]).toBe("code,name_en,name_zh,kind,parent,established_on,area_km2,note,observations");
      expect(text).toContain("anhui-ftz,China (Anhui) Pilot Free Trade Zone,中国（安徽）自由贸易试验区,ftz,anhui,2020-09-24,119.86,");
    });

    it("lists indicators with their base unit and kind", async () => {
      const { body } = await getJson("/api/indicators");
      expect(body.data.find((i) => i.code === "new_enterprises")).toMatchObject({ unit: "count", kind: "flow", name_zh: "新设企业数" });
      expect(body.data.find((i) => i.code === "import_export_share_of_province")).toMatchObject({ unit: "%", kind: "rate" });
    });

    it("filters observations by a zone and its areas, with value, published value, qualifier, status and source", async () => {
      const { body } = await getJson("/api/observations?zone=anhui-ftz*&indicator=new_enterprises");
      const zones = new Set(body.data.map((r) => r.zone));
      expect([...zones].every((z) => String(z).startsWith("anhui-ftz"))).toBe(true);
      expect(zones.size).toBeGreaterThan(1);
      expect(body.data.find((r) => r.zone === "anhui-ftz" && r.period === "2020-09-24/2021-01-25")).toMatchObject({
        basis: "cumulative",
        value: 3857,
        unit: "count",
        published_value: 3857,
        published_unit: "count",
        qualifier: "exact",
        status: "ok",
        source_title: "China News Service, Hefei, 2021-01-25 (copy at tellerreport.com)",
        published_on: "2021-01-25",
        quote: "At present, 3857 new enterprises have been established in the free trade zone",
      });
      const only = await getJson("/api/observations?zone=anhui-ftz&indicator=new_enterprises");
      expect(new Set(only.body.data.map((r) => r.zone))).toEqual(new Set(["anhui-ftz"]));
    });

    it("filters by several values and dates", async () => {
      const { status, body } = await getJson(
        "/api/observations?zone=anhui,zhejiang&indicator=import_export&from=2021&to=2022-06&basis=period,ytd",
      );
      expect(body.error?.message).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.length).toBeGreaterThan(0);
      for (const row of body.data) {
        expect(["anhui", "zhejiang"]).toContain(row.zone);
        expect(String(row.period_end) >= "2021-01-01" && String(row.period_end) <= "2022-06-30").toBe(true);
        expect(["period", "ytd"]).toContain(row.basis);
      }
      const trade2020 = await getJson("/api/observations?zone=anhui&indicator=import_export&from=2020&to=2020&basis=period");
      expect(trade2020.body.data).toEqual([expect.objectContaining({ value: 540_640_000_000, published_unit: "亿元", revised: true })]);
    });

    it("pages through results with a cursor, in the same order as one big page", async () => {
      const all = (await getJson("/api/observations?zone=zhejiang-ftz*&limit=10000")).body.data;
      expect(all.length).toBeGreaterThan(15);
      const paged: Row[] = [];
      let next: string | null | undefined = "/api/observations?zone=zhejiang-ftz*&limit=7";
      while (next) {
        const page: { body: { data: Row[]; next_cursor?: string | null } } = await getJson(next);
        expect(page.body.data.length).toBeLessThanOrEqual(7);
        paged.push(...page.body.data);
        next = page.body.next_cursor ? `/api/observations?zone=zhejiang-ftz*&limit=7&cursor=${page.body.next_cursor}` : null;
      }
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    });

    it("exports the same rows as CSV, Excel-safe", async () => {
      const json = (await getJson("/api/observations?zone=anhui-ftz*&limit=10000")).body.data;
      const response = await get("/api/observations?zone=anhui-ftz*&format=csv");
      expect(response.headers.get("content-disposition")).toContain("ftz-monitor-observations.csv");
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.startsWith("\uFEFF")).toBe(true);
      const lines = text.slice(1).split("\r\n").filter(Boolean);
      expect(lines[0]).toBe(OBSERVATION_COLUMNS.join(","));
      // Quotes may hold line breaks, so count records by their last column (the id).
      const ids = [...text.matchAll(/,(\d+)\r\n/g)].map((m) => Number(m[1]));
      expect(ids).toEqual(json.map((r) => r.id));
    });

    it("neutralises formulas in text cells of the CSV", async () => {
      const csv = syntheticCsv({ quote: '=HYPERLINK("http://example.org","x")', note: "+cmd" });
      const imported = await get("/api/imports", { method: "POST", headers: auth, body: fileForm("observations.csv", csv) });
      expect(imported.status).toBe(200);
      const text = await (await get("/api/observations?zone=synthetic-a&format=csv")).text();
      expect(text).toContain(`"'=HYPERLINK(""http://example.org"",""x"")"`);
      expect(text).toContain(",'+cmd,");
      expect(text).not.toMatch(/,=HYPERLINK/);
    });

    it.each([
      ["/api/observations?indicatr=x", /Unknown parameter 'indicatr'/],
      ["/api/observations?zone=anhui-ftzz", /Parameter 'zone': unknown zone 'anhui-ftzz'; closest known codes: anhui-ftz/],
      ["/api/observations?indicator=new_enterprise", /Parameter 'indicator': unknown indicator 'new_enterprise'/],
      ["/api/observations?from=2021-13", /Parameter 'from': '2021-13' is not a date/],
      ["/api/observations?basis=monthly", /Parameter 'basis'/],
      ["/api/observations?limit=0", /Parameter 'limit': must be at least 1/],
      ["/api/observations?format=xml", /Parameter 'format': must be json, csv or xlsx/],
      ["/api/observations?cursor=abc", /Parameter 'cursor'/],
      ["/api/zones?format=pdf", /Parameter 'format'/],
    ])("answers %s with 400 naming the parameter", async (p, message) => {
      const { status, body } = await getJson(p);
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(message);
    });
  });

  describe("writes, for admins only", () => {
    const countSynthetic = async () => (await getJson("/api/observations?zone=synthetic-a&limit=10000")).body.data.length;

    it.each([
      ["POST", "/api/imports"],
      ["GET", "/api/imports"],
      ["GET", "/api/imports/1"],
    ])("%s %s is 401 without the token or with a wrong one, and changes nothing", async (method, p) => {
      const before = await countSynthetic();
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer not-the-token-000000000" },
        { authorization: `Basic ${btoa(`admin:${token}`)}` },
      ];
      for (const headers of attempts) {
        const response = await get(p, {
          method,
          headers,
          ...(method === "POST" ? { body: fileForm("observations.csv", syntheticCsv()) } : {}),
        });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain("Bearer");
      }
      expect(await countSynthetic()).toBe(before);
    });

    it("checks a file without writing (dry run), then imports it, then finds nothing new in it", async () => {
      const csv = syntheticCsv({ value: "1,234" });
      const before = await countSynthetic();
      // The series API keeps its answers per data version: asked before and after the import, it sees the new figure.
      const seriesPath = "/api/series?indicator=new_enterprises&zones=synthetic-a&basis=period";
      const points = async () =>
        ((await getJson(seriesPath)).body as unknown as { series: { points: { value: number }[] }[] }).series[0]?.points.map(
          (p) => p.value,
        ) ?? [];
      const pointsBefore = await points();
      expect(await points()).toEqual(pointsBefore);
      expect(pointsBefore).not.toContain(1234);
      const dry = await get("/api/imports?dryRun=1", { method: "POST", headers: auth, body: fileForm("observations.csv", csv) });
      expect(dry.status).toBe(200);
      expect(await dry.json()).toMatchObject({ dryRun: true, committed: false, tables: { observations: { new: 1 } } });
      expect(await countSynthetic()).toBe(before);
      const real = await get("/api/imports", {
        method: "POST",
        headers: { ...auth, "x-actor": "API test" },
        body: fileForm("observations.csv", csv),
      });
      const summary = (await real.json()) as { committed: boolean; importId: number };
      expect(summary.committed).toBe(true);
      expect(await countSynthetic()).toBe(before + 1);
      expect(await points()).toContain(1234);
      const again = await get("/api/imports", { method: "POST", headers: auth, body: fileForm("observations.csv", csv) });
      expect(await again.json()).toMatchObject({ committed: true, tables: { observations: { new: 0, unchanged: 1 } } });
      const history = (await (await get("/api/imports", { headers: auth })).json()) as { data: Row[] };
      expect(history.data.find((r) => r.id === summary.importId)).toMatchObject({ actor: "API test", channel: "api", rowsNew: 1 });
      const detail = (await (await get(`/api/imports/${summary.importId}`, { headers: auth })).json()) as { changes: Row[] };
      expect(detail.changes).toEqual([
        expect.objectContaining({ zone: "synthetic-a", indicator: "new_enterprises", written: expect.objectContaining({ value: 1234 }) }),
      ]);
    });

    it("accepts a raw text/csv body", async () => {
      const response = await get("/api/imports?dryRun=1", {
        method: "POST",
        headers: { ...auth, "content-type": "text/csv" },
        body: syntheticCsv(),
      });
      expect(await response.json()).toMatchObject({ files: ["observations.csv"], tables: { observations: { new: 1 } } });
    });

    it("answers 422 with every problem when a row is rejected", async () => {
      const response = await get("/api/imports", {
        method: "POST",
        headers: auth,
        body: fileForm("observations.csv", fs.readFileSync(path.join(FIXTURES, "errors", "last-row-fails.csv"), "utf8")),
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { committed: boolean; errors: Row[] };
      expect(body.committed).toBe(false);
      expect(body.errors).toEqual([expect.objectContaining({ table: "observations", row: 7, column: "value" })]);
    });

    it("answers 413 over the size limit and 415 for a body it cannot read", async () => {
      const big = "x".repeat(inject("importMaxBytes") + 1);
      const tooLarge = await get("/api/imports", { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: big });
      expect(tooLarge.status).toBe(413);
      expect(((await tooLarge.json()) as { error: { message: string } }).error.message).toMatch(/larger than this server accepts/);
      const wrongType = await get("/api/imports", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" });
      expect(wrongType.status).toBe(415);
    });

    it("streams progress, then the summary, when asked for NDJSON", async () => {
      const response = await get("/api/imports?dryRun=1", {
        method: "POST",
        headers: { ...auth, accept: "application/x-ndjson" },
        body: fileForm("observations.csv", syntheticCsv()),
      });
      expect(response.headers.get("content-type")).toContain("application/x-ndjson");
      const lines = (await response.text())
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Row);
      expect(lines.at(0)).toMatchObject({ progress: { table: "observations", rows: 1, fraction: 1 } });
      expect(lines.at(-1)).toMatchObject({ status: 200, summary: { dryRun: true, tables: { observations: { new: 1 } } } });
    });

    it("takes the session cookie from the site's own pages only", async () => {
      const { value } = createSession("Cookie Tester", token, Date.now());
      const headers = { cookie: `ftz-admin=${value}` };
      const same = await get("/api/imports?dryRun=1", {
        method: "POST",
        headers: { ...headers, "sec-fetch-site": "same-origin" },
        body: fileForm("observations.csv", syntheticCsv()),
      });
      expect(same.status).toBe(200);
      const cross = await get("/api/imports?dryRun=1", {
        method: "POST",
        headers: { ...headers, "sec-fetch-site": "cross-site" },
        body: fileForm("observations.csv", syntheticCsv()),
      });
      expect(cross.status).toBe(403);
      const forged = await get("/api/imports?dryRun=1", {
        method: "POST",
        headers: { cookie: `ftz-admin=${createSession("x", "some-other-token-0000000", Date.now()).value}` },
        body: fileForm("observations.csv", syntheticCsv()),
      });
      expect(forged.status).toBe(401);
    });
  });
});

describe.each(SERVERS)("the series API on $name", ({ url }) => {
  const get = async (p: string) => {
    const response = await fetch(new URL(p, url));
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { error?: { message: string; details?: { parameter?: string } } },
    };
  };

  it("answers one indicator for several zones, with points, units, labels and sources", async () => {
    const { status, body } = await get("/api/series?indicator=import_export&zones=anhui,zhejiang&basis=period&freq=year&transform=yoy");
    expect(status).toBe(200);
    expect(body).toMatchObject({ indicator: { code: "import_export", unit: "CNY", name_zh: "进出口总额（人民币）" }, unit: "%" });
    type Rate = { period: string; value: number; source_ids: number[]; rate: string; computed_yoy_pct: number | null };
    const series = body.series as { zone: { code: string }; points: Rate[] }[];
    const anhui = series.find((s) => s.zone.code === "anhui");
    const y2021 = anhui?.points.find((p) => p.period === "2021");
    // The rate published with the figure wins (同比增长26.9%); the one its two levels give is kept beside it.
    expect(y2021).toMatchObject({ value: 26.9, rate: "published" });
    expect(y2021?.computed_yoy_pct).toBeCloseTo((6920.2 / 5406.4 - 1) * 100, 10);
    expect(y2021?.source_ids).toHaveLength(1);
    const zhejiang2024 = series.find((s) => s.zone.code === "zhejiang")?.points.find((p) => p.period === "2024");
    expect(zhejiang2024).toMatchObject({ rate: "computed", computed_yoy_pct: null });
    expect(zhejiang2024?.value).toBeCloseTo((52600 / 49000 - 1) * 100, 10);
    expect(zhejiang2024?.source_ids).toHaveLength(2);
    const sources = body.sources as { id: number; title: string }[];
    for (const id of y2021?.source_ids ?? []) expect(sources.some((s) => s.id === id)).toBe(true);
  });

  it.each([
    ["/api/series?indicator=import_export&zones=anhui,zhejiang&transform=yoy&freq=year", "period"],
    ["/api/series?indicator=port_container_throughput&zones=ningbo-zhoushan-port&freq=year", "period"],
    ["/api/series?indicator=import_export&zones=anhui-ftz", "period"],
  ])("answers %s without a basis, naming the one it chose and the points of each", async (p, chosen) => {
    const { status, body } = await get(p);
    expect(status).toBe(200);
    const basis = body.basis as { chosen: string; auto: boolean; points: Record<string, number> };
    expect(basis).toMatchObject({ chosen, auto: true });
    const most = Math.max(...Object.values(basis.points));
    expect(basis.points[chosen]).toBe(most);
  });

  it("answers the chart image of a port's yearly containers without a basis", async () => {
    const response = await fetch(
      new URL("/api/charts/compare.png?indicator=port_container_throughput&zones=ningbo-zhoushan-port&freq=year", url),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
  });

  it("derives single quarters from year-to-date totals and says what it left out", async () => {
    const { body } = await get("/api/series?indicator=port_container_throughput&zones=ningbo-zhoushan-port&basis=ytd&freq=quarter");
    const [series] = body.series as { points: unknown[]; notes: { code: string; message: string }[] }[];
    expect(series?.notes.map((n) => n.code)).toContain("unaligned_running_totals");
  });

  it("exports the series as CSV", async () => {
    const response = await fetch(new URL("/api/series?indicator=new_enterprises&zones=anhui-ftz&basis=period&format=csv", url));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(
      text.startsWith(
        "\uFEFFzone,zone_name_en,zone_name_zh,period,start,end,value,unit,qualifier,status,derivation,published_yoy_pct,rate,computed_yoy_pct,months_since_launch,sources\r\n",
      ),
    ).toBe(true);
    expect(text).toContain(
      "anhui-ftz,China (Anhui) Pilot Free Trade Zone,中国（安徽）自由贸易试验区,2021,2021-01-01,2021-12-31,13000,count,exact,ok,,",
    );
  });

  it.each([
    ["/api/series?indicator=import_export&zones=anhui&basis=ytd&transform=pop", "transform", /needs single periods/],
    [
      "/api/series?indicator=import_export_share_of_province&zones=anhui-ftz&basis=period&transform=per_km2",
      "transform",
      /does not apply to a percentage/,
    ],
    [
      "/api/series?indicator=import_exports&zones=anhui",
      "indicator",
      /unknown indicator 'import_exports'; closest known codes: import_export/,
    ],
    ["/api/series?indicator=import_export&zones=anhui,nowhere", "zones", /unknown zone 'nowhere'/],
    ["/api/series?indicator=import_export&zones=anhui&transform=log", "transform", /must be one of level, yoy, pop, index, per_km2, share/],
    ["/api/series?indicator=import_export&zones=anhui&base=yesterday&transform=index", "base", /must be launch, first, or a period/],
    ["/api/series?zones=anhui", "indicator", /Parameter 'indicator'/],
  ])("answers %s with 400 naming %s", async (p, parameter, message) => {
    const { status, body } = await get(p);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(message);
    expect(body.error?.message.includes(`'${parameter}'`) || body.error?.details?.parameter === parameter).toBe(true);
  });
});
