// Benchmarks against the running app: the series and observations APIs beside the bare SQL of the same
// queries (run directly with pg), server render time of pages, chart image export, and first-load
// JavaScript per route (gzip sizes of the chunks each page's HTML loads).
import { gzipSync } from "node:zlib";
import pg from "pg";
import type { PrismaClient } from "../lib/db/generated/client.ts";
import { buildWhere, SELECT } from "../lib/db/queries/observations.ts";
import { bindNamed } from "../lib/db/raw.ts";
import { AREA_ADDED_INDICATOR, AREA_INDICATOR } from "../lib/db/queries/series.ts";
import { ObservationQuerySchema, OBSERVATION_LIST_PARAMS } from "../lib/validation/observations.ts";
import { parseParams } from "../lib/validation/params.ts";
import { now, summarize, timeRuns, type Timing } from "./stats.ts";

export type Fetched = { ms: number; status: number; bytes: number; body: Buffer; contentType: string };

/** GET with the whole body read: the time a client waits for the full response. */
export async function timedGet(url: string, follow = false): Promise<Fetched> {
  const started = now();
  // Accepting HTML as a browser's navigation does: only such requests get kept pages (lib/page-cache.ts).
  const response = await fetch(url, {
    cache: "no-store",
    redirect: follow ? "follow" : "manual",
    headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    ms: now() - started,
    status: response.status,
    bytes: body.length,
    body,
    contentType: response.headers.get("content-type") ?? "",
  };
}

async function expectOk(url: string, follow = false): Promise<Fetched> {
  const result = await timedGet(url, follow);
  if (result.status !== 200) throw new Error(`GET ${url} answered ${result.status}: ${result.body.toString("utf8").slice(0, 500)}`);
  return result;
}

/** `requests` sequential GETs (after `warmup` untimed ones), each required to answer 200. */
export async function measureGet(
  url: string | ((i: number) => string),
  requests: number,
  warmup = 2,
): Promise<{ timing: Timing; bytes: number }> {
  const at = (i: number) => (typeof url === "string" ? url : url(i));
  let bytes = 0;
  const samples = await timeRuns(
    requests,
    async (i) => {
      bytes = (await expectOk(at(i))).bytes;
    },
    warmup,
  );
  return { timing: summarize(samples), bytes };
}

// ---------------------------------------------------------------------------------------------
// APIs.

export type CompareCase = { indicator: string; zones: [string, string]; basis: string; freq: string; from: string; to: string };

export type PlanSummary = { executionMs: number; planningMs: number; nodes: string[]; text: string };

export type ApiCase = {
  name: string;
  path: string;
  api: Timing;
  sql: Timing;
  /** API p50 / SQL p50. */
  ratio: number;
  bytes: number;
  rows: number;
  plan: PlanSummary;
  /** The first request for this URL: what a view costs before the app's per-data-version cache holds its answer. */
  firstMs?: number;
};

async function explain(client: pg.Client, sql: string, params: unknown[]): Promise<PlanSummary> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const number = (label: string) => Number(new RegExp(`${label}: ([\\d.]+) ms`).exec(text)?.[1] ?? NaN);
  const nodes = rows
    .map((r) => r["QUERY PLAN"])
    .filter(
      (line) =>
        /(Scan|Join|Sort|Aggregate|Limit|Unique|WindowAgg|Nested Loop)/.test(line) &&
        !/^\s*(Sort Key|Sort Method|Index Cond|Hash Cond)/.test(line),
    )
    .map((line) =>
      line
        .trim()
        .replace(/^->\s*/, "")
        .replace(/\s+\(cost=.*$/, ""),
    );
  return { executionMs: number("Execution Time"), planningMs: number("Planning Time"), nodes, text };
}

/** The main query of lib/db/queries/series.ts getSeriesData: one indicator's figures for the zones and their parents, plus their areas. */
const SERIES_SQL = `SELECT o.zone_id, o.indicator_id, to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e,
              o.basis::text AS basis, o.value, o.qualifier::text AS qualifier, o.status::text AS status, o.source_id
         FROM observations o
        WHERE o.indicator_id = ANY($1::int[]) AND o.zone_id = ANY($2::int[])
        ORDER BY o.period_end, o.period_start`;

async function timeSql(client: pg.Client, sql: string, params: unknown[], requests: number): Promise<{ timing: Timing; rows: number }> {
  let rows = 0;
  const samples = await timeRuns(
    requests,
    async () => {
      rows = (await client.query(sql, params)).rowCount ?? 0;
    },
    2,
  );
  return { timing: summarize(samples), rows };
}

export const SERIES_TRANSFORMS = [
  { transform: "level", extra: "" },
  { transform: "yoy", extra: "" },
  { transform: "pop", extra: "" },
  { transform: "index", extra: "&base=first" },
  { transform: "per_km2", extra: "" },
  { transform: "share", extra: "" },
] as const;

export function compareQuery(c: CompareCase): string {
  return `indicator=${c.indicator}&zones=${c.zones.join(",")}&basis=${c.basis}&freq=${c.freq}&from=${c.from}&to=${c.to}`;
}

export async function benchSeries(base: string, databaseUrl: string, c: CompareCase, requests: number): Promise<ApiCase[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const zones = await client.query<{ id: number; parent_id: number | null }>(
      "SELECT id, parent_id FROM zones WHERE code = ANY($1::text[]) ORDER BY array_position($1::text[], code)",
      [c.zones],
    );
    const indicators = await client.query<{ id: number }>("SELECT id FROM indicators WHERE code = ANY($1::text[])", [
      [c.indicator, AREA_INDICATOR, AREA_ADDED_INDICATOR],
    ]);
    const zoneIds = zones.rows.map((z) => z.id);
    const parentIds = zones.rows.map((z) => z.parent_id).filter((id): id is number => id !== null);
    const params = [indicators.rows.map((i) => i.id), [...new Set([...zoneIds, ...parentIds])]];
    const sql = await timeSql(client, SERIES_SQL, params, requests);
    const plan = await explain(client, SERIES_SQL, params);
    const cases: ApiCase[] = [];
    for (const { transform, extra } of SERIES_TRANSFORMS) {
      const path = `/api/series?${compareQuery(c)}&transform=${transform}${extra}`;
      const first = await expectOk(`${base}${path}`);
      const api = await measureGet(`${base}${path}`, requests);
      cases.push({
        name: `series ${transform}`,
        path,
        api: api.timing,
        sql: sql.timing,
        ratio: api.timing.p50 / sql.timing.p50,
        bytes: api.bytes,
        rows: sql.rows,
        plan,
        firstMs: first.ms,
      });
    }
    return cases;
  } finally {
    await client.end();
  }
}

export const OBSERVATION_QUERIES = [
  {
    name: "2 zones, 1 indicator, 2015–2020",
    query: "zone=synthetic-zone-001,synthetic-zone-002&indicator=bench_import_export&basis=period&from=2015&to=2020",
  },
  { name: "group and its zones, 1 indicator, status", query: "zone=synthetic-bench*&indicator=bench_new_enterprises&status=ok&limit=1000" },
  { name: "1 indicator, qualifier approx", query: "indicator=bench_high_tech_share&qualifier=approx&limit=1000" },
  { name: "all zones, year-to-date, 2025", query: "basis=ytd&from=2025-01&to=2025-12&limit=1000" },
  { name: "no filter, first page", query: "limit=1000" },
] as const;

export async function benchObservations(base: string, databaseUrl: string, prisma: PrismaClient, requests: number): Promise<ApiCase[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const cases: ApiCase[] = [];
    for (const { name, query } of OBSERVATION_QUERIES) {
      const path = `/api/observations?${query}`;
      // The same SQL as lib/db/queries/observations.ts readPage, from the same parsed parameters.
      const {
        format: _f,
        limit,
        cursor: _c,
        ...filter
      } = parseParams(new URL(`http://x${path}`), ObservationQuerySchema, OBSERVATION_LIST_PARAMS);
      const where = await buildWhere(prisma, filter);
      const { text: sqlText, values: params } = bindNamed(
        "bench.observations",
        `${SELECT} WHERE ${where.sql} ORDER BY o.indicator_id, o.zone_id, o.period_end, o.id LIMIT {{limit}}`,
        { ...where.params, limit: (limit ?? 1000) + 1 },
      );
      const sql = await timeSql(client, sqlText, params, requests);
      const plan = await explain(client, sqlText, params);
      const api = await measureGet(`${base}${path}`, requests);
      cases.push({
        name,
        path,
        api: api.timing,
        sql: sql.timing,
        ratio: api.timing.p50 / sql.timing.p50,
        bytes: api.bytes,
        rows: sql.rows,
        plan,
      });
    }
    return cases;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Pages and exports.

/**
 * `timing`: the same URL again and again, as visitors ask for it (kept pages, lib/page-cache.ts, once rendered);
 * `render`: a new query on every request, so each one is rendered (a miss): what a page costs the server.
 */
export type PageCase = { path: string; timing: Timing; render?: Timing; bytes: number };

/** The path with a query parameter no page reads, new for every `i`: never a kept page. */
export function missPath(path: string, i: number): string {
  return `${path}${path.includes("?") ? "&" : "?"}bench-miss=${Date.now()}-${i}`;
}

export async function benchPages(base: string, paths: readonly string[], requests: number): Promise<PageCase[]> {
  const out: PageCase[] = [];
  for (const path of paths) {
    const render = await measureGet((i) => `${base}${missPath(path, i)}`, requests);
    const { timing, bytes } = await measureGet(`${base}${path}`, requests);
    out.push({ path, timing, render: render.timing, bytes });
  }
  return out;
}

export type ExportCase = { format: "png" | "svg"; uncached: Timing; cached: Timing; bytes: number };

export async function benchExports(base: string, c: CompareCase, requests: number): Promise<ExportCase[]> {
  const out: ExportCase[] = [];
  for (const format of ["png", "svg"] as const) {
    const url = (width: number) => `${base}/api/charts/compare.${format}?${compareQuery(c)}&width=${width}`;
    // Each width is a different image: the server's cache (keyed by parameters and data version) cannot answer it.
    const uncached = await measureGet((i) => url(i < 0 ? 1900 + i : 1001 + i), requests, 1);
    const cached = await measureGet(url(1000), requests, 1);
    out.push({ format, uncached: uncached.timing, cached: cached.timing, bytes: cached.bytes });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// First-load JavaScript.

export type JsCase = {
  path: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  largest: { file: string; gzipKb: number; holds: string[] }[];
};

// Strings that betray a library inside a minified chunk: a hint for whoever trims the bundle.
const LIBRARY_MARKERS: [string, RegExp][] = [
  ["react-dom", /__reactFiber/],
  ["next", /next-router/],
  ["recharts", /recharts-/],
  ["zod", /_zod\.def/],
  ["@tanstack/table", /getCoreRowModel/],
];

export function librariesIn(code: string): string[] {
  return LIBRARY_MARKERS.filter(([, marker]) => marker.test(code)).map(([name]) => name);
}

/** The scripts a page's HTML loads: <script src> and <link rel="preload" as="script">, same-origin, once each. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (/\bas="script"/.test(tag) && /\brel="(?:preload|modulepreload)"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) found.add(href);
    }
  }
  const origin = new URL(pageUrl).origin;
  return [...found].map((src) => new URL(src.replaceAll("&amp;", "&"), pageUrl).toString()).filter((u) => u.startsWith(origin));
}

export async function benchJs(base: string, paths: readonly string[]): Promise<JsCase[]> {
  const sizes = new Map<string, { raw: number; gzip: number; holds: string[] }>();
  const out: JsCase[] = [];
  for (const path of paths) {
    // A page that redirects (/compare without a view goes to its default view) is measured where it lands.
    const page = await expectOk(`${base}${path}`, true);
    const urls = scriptUrls(page.body.toString("utf8"), `${base}${path}`);
    let raw = 0;
    let gzip = 0;
    const chunks: JsCase["largest"] = [];
    for (const url of urls) {
      let size = sizes.get(url);
      if (!size) {
        const script = await expectOk(url);
        size = { raw: script.bytes, gzip: gzipSync(script.body).length, holds: librariesIn(script.body.toString("utf8")) };
        sizes.set(url, size);
      }
      raw += size.raw;
      gzip += size.gzip;
      chunks.push({ file: new URL(url).pathname.split("/").at(-1) ?? url, gzipKb: size.gzip / 1024, holds: size.holds });
    }
    const largest = chunks.sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 3);
    out.push({ path, scripts: urls.length, rawKb: raw / 1024, gzipKb: gzip / 1024, largest });
  }
  return out;
}
