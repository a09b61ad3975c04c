// Synthetic data packages for benchmarks: zones "Synthetic Zone 001 …" under the group zone
// "synthetic-bench", indicators prefixed bench_, and 20 years (2006–2025) of monthly, quarterly,
// year-to-date, cumulative and point figures with trend, seasonality, noise, gaps and mixed published
// units — in the data package format (docs/DATA-FORMAT.md), so the real importer loads them.
// Deterministic from the seed; observations are streamed to disk, never held in memory.
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { OBSERVATION_ORDER } from "../lib/import/columns.ts";

export const GENERATOR_VERSION = 1;
export const FIRST_YEAR = 2006;
export const YEARS = 20;
export const MONTHS = YEARS * 12;
export const GROUP_CODE = "synthetic-bench";
export const MANIFEST_FILE = "bench-package.json";

/** The data format's observation columns (lib/import/columns.ts), which the generator writes in that order. */
export const OBSERVATION_COLUMNS = OBSERVATION_ORDER;

export type ObservationCsvRow = Record<(typeof OBSERVATION_COLUMNS)[number], string>;

// ---------------------------------------------------------------------------------------------
// Random numbers: mulberry32, seeded per zone and series so a smaller package is a prefix of a larger one.

/** A small, fast, seeded PRNG (mulberry32): numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one 32-bit seed (so each zone and series gets its own stream). */
export function seedFor(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }
  int(min: number, maxInclusive: number): number {
    return Math.floor(this.uniform(min, maxInclusive + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// What is generated.

type BaseUnit = "CNY" | "USD" | "count" | "t" | "TEU" | "%";
type Unit = { text: string; exponent: number; decimals: number };
type Release = { basis: "period" | "ytd" | "cumulative" | "point"; freq: "month" | "quarter" };

export type IndicatorSpec = {
  code: string;
  nameEn: string;
  nameZh: string;
  unit: BaseUnit;
  kind: "flow" | "stock" | "rate";
  category: string;
  /** Monthly level in the base unit for a zone of scale 1 in January 2006 (a flow's month, a stock's level). */
  base: number;
  /** Annual growth. */
  growth: number;
  /** Monthly noise (log-normal sigma). */
  noise: number;
  /** How strongly the seasonal pattern shows (0 none, 1 full). */
  seasonality: number;
  units: readonly Unit[];
  releases: readonly Release[];
};

const CNY: readonly Unit[] = [
  { text: "亿元", exponent: 8, decimals: 2 },
  { text: "万元", exponent: 4, decimals: 0 },
  { text: "billion CNY", exponent: 9, decimals: 3 },
];
const USD: readonly Unit[] = [
  { text: "亿美元", exponent: 8, decimals: 2 },
  { text: "万美元", exponent: 4, decimals: 0 },
  { text: "million USD", exponent: 6, decimals: 2 },
];
const COUNT: readonly Unit[] = [
  { text: "家", exponent: 0, decimals: 0 },
  { text: "个", exponent: 0, decimals: 0 },
  { text: "count", exponent: 0, decimals: 0 },
];
const TONNES: readonly Unit[] = [
  { text: "万吨", exponent: 4, decimals: 2 },
  { text: "吨", exponent: 0, decimals: 0 },
  { text: "million t", exponent: 6, decimals: 3 },
];
const TEU: readonly Unit[] = [
  { text: "万TEU", exponent: 4, decimals: 2 },
  { text: "TEU", exponent: 0, decimals: 0 },
  { text: "万标箱", exponent: 4, decimals: 2 },
];
const PERCENT: readonly Unit[] = [{ text: "%", exponent: 0, decimals: 1 }];

const M = (basis: Release["basis"]): Release => ({ basis, freq: "month" });
const Q = (basis: Release["basis"]): Release => ({ basis, freq: "quarter" });

export const INDICATORS: readonly IndicatorSpec[] = [
  {
    code: "bench_import_export",
    nameEn: "Imports and exports (benchmark)",
    nameZh: "进出口总额（基准测试）",
    unit: "CNY",
    kind: "flow",
    category: "trade",
    base: 6e8,
    growth: 0.09,
    noise: 0.08,
    seasonality: 1,
    units: CNY,
    releases: [M("period"), M("ytd"), M("cumulative")],
  },
  {
    code: "bench_exports",
    nameEn: "Exports (benchmark)",
    nameZh: "出口总额（基准测试）",
    unit: "CNY",
    kind: "flow",
    category: "trade",
    base: 3.5e8,
    growth: 0.08,
    noise: 0.1,
    seasonality: 1,
    units: CNY.slice(0, 2),
    releases: [M("period"), M("ytd")],
  },
  {
    code: "bench_new_enterprises",
    nameEn: "New enterprises (benchmark)",
    nameZh: "新设企业数（基准测试）",
    unit: "count",
    kind: "flow",
    category: "investment",
    base: 90,
    growth: 0.07,
    noise: 0.12,
    seasonality: 0.8,
    units: COUNT,
    releases: [M("period"), M("cumulative")],
  },
  {
    code: "bench_foreign_enterprises",
    nameEn: "New foreign-invested enterprises (benchmark)",
    nameZh: "新设外资企业数（基准测试）",
    unit: "count",
    kind: "flow",
    category: "investment",
    base: 6,
    growth: 0.05,
    noise: 0.2,
    seasonality: 0.5,
    units: COUNT.slice(0, 1),
    releases: [Q("period"), Q("ytd")],
  },
  {
    code: "bench_port_throughput",
    nameEn: "Port cargo throughput (benchmark)",
    nameZh: "港口货物吞吐量（基准测试）",
    unit: "t",
    kind: "flow",
    category: "logistics",
    base: 2.5e6,
    growth: 0.05,
    noise: 0.06,
    seasonality: 0.5,
    units: TONNES,
    releases: [M("period"), M("ytd")],
  },
  {
    code: "bench_container_throughput",
    nameEn: "Container throughput (benchmark)",
    nameZh: "集装箱吞吐量（基准测试）",
    unit: "TEU",
    kind: "flow",
    category: "logistics",
    base: 4e4,
    growth: 0.07,
    noise: 0.07,
    seasonality: 0.6,
    units: TEU,
    releases: [M("period"), M("ytd")],
  },
  {
    code: "bench_fdi_actual",
    nameEn: "Foreign direct investment, actual use (benchmark)",
    nameZh: "实际使用外资（基准测试）",
    unit: "USD",
    kind: "flow",
    category: "investment",
    base: 2.5e7,
    growth: 0.06,
    noise: 0.25,
    seasonality: 0.3,
    units: USD,
    releases: [Q("period"), M("ytd")],
  },
  {
    code: "bench_tax_revenue",
    nameEn: "Tax revenue (benchmark)",
    nameZh: "税收收入（基准测试）",
    unit: "CNY",
    kind: "flow",
    category: "fiscal",
    base: 1.2e8,
    growth: 0.07,
    noise: 0.1,
    seasonality: 0.7,
    units: CNY.slice(0, 2),
    releases: [M("ytd")],
  },
  {
    code: "bench_fixed_asset_investment",
    nameEn: "Fixed-asset investment (benchmark)",
    nameZh: "固定资产投资（基准测试）",
    unit: "CNY",
    kind: "flow",
    category: "investment",
    base: 4e8,
    growth: 0.06,
    noise: 0.12,
    seasonality: 1,
    units: CNY.slice(0, 1),
    releases: [M("ytd")],
  },
  {
    code: "bench_registered_capital",
    nameEn: "Registered capital of enterprises (benchmark)",
    nameZh: "企业注册资本（基准测试）",
    unit: "CNY",
    kind: "stock",
    category: "investment",
    base: 3e10,
    growth: 0.1,
    noise: 0.3,
    seasonality: 0,
    units: CNY.slice(0, 2),
    releases: [M("point")],
  },
  {
    code: "bench_registered_enterprises",
    nameEn: "Registered enterprises (benchmark)",
    nameZh: "注册企业数（基准测试）",
    unit: "count",
    kind: "stock",
    category: "investment",
    base: 4000,
    growth: 0.08,
    noise: 0.3,
    seasonality: 0,
    units: [COUNT[0]!, COUNT[2]!],
    releases: [M("point")],
  },
  {
    code: "bench_high_tech_share",
    nameEn: "High-tech share of output (benchmark)",
    nameZh: "高新技术产业产值占比（基准测试）",
    unit: "%",
    kind: "rate",
    category: "innovation",
    base: 20,
    growth: 0.6,
    noise: 1.5,
    seasonality: 0,
    units: PERCENT,
    releases: [Q("period")],
  },
];

/** The group zone's own monthly figures (the sum of its zones), so that shares of the parent work. */
export const GROUP_INDICATORS = ["bench_import_export", "bench_new_enterprises", "bench_port_throughput"] as const;
const GROUP_UNITS: Record<(typeof GROUP_INDICATORS)[number], Unit> = {
  bench_import_export: CNY[0]!,
  bench_new_enterprises: COUNT[0]!,
  bench_port_throughput: TONNES[0]!,
};

export type ZoneSpec = {
  index: number;
  code: string;
  nameEn: string;
  nameZh: string;
  establishedOn: string;
  areaKm2: number | null;
  scale: number;
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function zoneCode(index: number): string {
  return `synthetic-zone-${pad(index, 3)}`;
}

/** Zone number `index` (1-based): launched during 2005, most with a planned area; zones 1 and 2 always have one. */
export function zoneSpec(seed: number, index: number): ZoneSpec {
  const rnd = new Random(seedFor(seed, 1, index));
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28);
  const area = rnd.uniform(20, 150);
  const hasArea = index <= 2 || rnd.chance(0.75);
  return {
    index,
    code: zoneCode(index),
    nameEn: `Synthetic Zone ${pad(index, 3)}`,
    nameZh: `合成自贸区${pad(index, 3)}`,
    establishedOn: `2005-${pad(month)}-${pad(day)}`,
    areaKm2: hasArea ? Math.round(area * 100) / 100 : null,
    scale: Math.exp(rnd.normal() * 0.6),
  };
}

// ---------------------------------------------------------------------------------------------
// Values: one monthly path per zone and indicator, from which every release of it is cut.

// Spring Festival dip in January–February, year-end rush in December.
const SEASON = [-0.12, -0.3, 0.02, 0.0, 0.02, 0.04, 0.02, 0.02, 0.04, 0.02, 0.06, 0.18];

function monthOf(m: number): { year: number; month: number } {
  return { year: FIRST_YEAR + Math.floor(m / 12), month: (m % 12) + 1 };
}

/** The monthly path (in the base unit): a flow's monthly amount, a stock's end-of-month level, a rate's value. */
export function monthlyPath(seed: number, zone: ZoneSpec, indicatorIndex: number): Float64Array {
  const spec = INDICATORS[indicatorIndex]!;
  const rnd = new Random(seedFor(seed, 2, zone.index, indicatorIndex));
  const values = new Float64Array(MONTHS);
  const scale = zone.scale * Math.exp(rnd.normal() * 0.3);
  if (spec.kind === "rate") {
    const offset = rnd.normal() * 8;
    for (let m = 0; m < MONTHS; m += 1) {
      const v = spec.base + offset + spec.growth * (m / 12) + rnd.normal() * spec.noise;
      values[m] = Math.min(95, Math.max(1, v));
    }
    return values;
  }
  const growth = spec.growth + rnd.normal() * 0.03;
  if (spec.kind === "stock") {
    // A level that only grows: each month adds a noisy share of the trend's increase.
    let level = spec.base * scale;
    const monthly = Math.pow(1 + Math.max(growth, 0.01), 1 / 12) - 1;
    for (let m = 0; m < MONTHS; m += 1) {
      level += level * monthly * Math.exp(rnd.normal() * spec.noise);
      values[m] = level;
    }
    return values;
  }
  for (let m = 0; m < MONTHS; m += 1) {
    const { year, month } = monthOf(m);
    const trend = spec.base * scale * Math.pow(1 + growth, m / 12);
    const season = 1 + spec.seasonality * (SEASON[month - 1] ?? 0);
    const shock = year === 2020 && month >= 2 && month <= 4 ? 0.7 : year === 2009 && month <= 6 ? 0.85 : 1;
    const v = trend * season * shock * Math.exp(rnd.normal() * spec.noise);
    values[m] = Math.max(v, trend * 0.05);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Rows.

function formatValue(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return decimals > 0 ? fixed.replace(/\.?0+$/, "") : fixed;
}

function bulletin(m: number): { title: string; url: string; publishedOn: string } {
  const { year, month } = monthOf(m);
  const next = monthOf(m + 1);
  const label = `${year}-${pad(month)}`;
  return {
    title: `Synthetic Bulletin ${label}`,
    url: `https://example.org/ftz-bench/bulletin/${label}`,
    publishedOn: `${next.year}-${pad(next.month)}-15`,
  };
}

type SeriesPlan = {
  units: [Unit, Unit];
  switchYear: number;
  janFebCombined: boolean;
  gap: { from: number; to: number } | null;
};

function planSeries(rnd: Random, spec: IndicatorSpec, periods: number): SeriesPlan {
  const first = rnd.pick(spec.units);
  const second = rnd.chance(0.5) ? rnd.pick(spec.units) : first;
  const start = rnd.int(0, periods - 1);
  const length = rnd.int(Math.max(1, Math.round(periods / 80)), Math.max(2, Math.round(periods / 25)));
  return {
    units: [first, second],
    // Units change only at a year's turn: a year-to-date total then never seems to fall by rounding.
    switchYear: rnd.int(FIRST_YEAR + 2, FIRST_YEAR + YEARS - 3),
    janFebCombined: rnd.chance(0.3),
    gap: rnd.chance(0.2) ? { from: start, to: start + length } : null,
  };
}

/** The period as a Chinese bulletin writes it, e.g. 2021年7月, 2021年1-7月累计, 截至2021年7月末. */
function periodZh(basis: Release["basis"], period: string, endMonth: number): string {
  const { year, month } = monthOf(endMonth);
  if (basis === "ytd") return month === 1 ? `${year}年1月` : `${year}年1-${month}月累计`;
  if (basis === "cumulative") return `挂牌以来截至${year}年${month}月末累计`;
  if (basis === "point") return `截至${year}年${month}月末`;
  if (period.includes("Q")) return `${year}年第${Math.ceil(month / 3)}季度`;
  if (period.includes("/")) return `${year}年1-2月`;
  return `${year}年${month}月`;
}

function makeRow(
  rnd: Random,
  zone: { code: string; nameZh: string },
  spec: { code: string; nameZh: string },
  basis: Release["basis"],
  period: string,
  endMonth: number,
  value: number,
  unit: Unit,
): ObservationCsvRow {
  const source = bulletin(endMonth);
  const published = formatValue(value / Math.pow(10, unit.exponent), unit.decimals);
  const roll = rnd.uniform();
  const qualifier = roll < 0.01 ? "approx" : roll < 0.015 ? "at_least" : "";
  const statusRoll = rnd.uniform();
  const status = statusRoll < 0.005 ? "unverified" : statusRoll < 0.007 ? "disputed" : "";
  const quote = rnd.chance(0.15)
    ? `${periodZh(basis, period, endMonth)}，${zone.nameZh}${spec.nameZh.replace(/（.*）$/, "")}${qualifier === "approx" ? "约" : qualifier === "at_least" ? "超" : ""}${published}${unit.text}。`
    : "";
  return {
    zone: zone.code,
    indicator: spec.code,
    period,
    basis: basis === "period" ? "" : basis,
    value: published,
    unit: unit.text,
    qualifier,
    yoy_pct: "",
    source_title: source.title,
    source_url: source.url,
    published_on: source.publishedOn,
    quote,
    status,
    note: "",
  };
}

/** Every row of one zone, indicator by indicator and release by release, with gaps. */
export function* zoneRows(seed: number, zone: ZoneSpec, paths: readonly Float64Array[]): Generator<ObservationCsvRow> {
  for (const [indicatorIndex, spec] of INDICATORS.entries()) {
    const path = paths[indicatorIndex]!;
    for (const [releaseIndex, release] of spec.releases.entries()) {
      const rnd = new Random(seedFor(seed, 3, zone.index, indicatorIndex, releaseIndex));
      const quarterly = release.freq === "quarter";
      const periods = quarterly ? MONTHS / 3 : MONTHS;
      const plan = planSeries(rnd, spec, periods);
      let running = 0;
      let cumulative = 0;
      if (release.basis === "cumulative") {
        // What accumulated between the launch in 2005 and the end of 2005.
        const launchMonth = Number(zone.establishedOn.slice(5, 7));
        cumulative = (path[0] ?? 0) * (12 - launchMonth + 0.5);
      }
      for (let p = 0; p < periods; p += 1) {
        const endMonth = quarterly ? p * 3 + 2 : p;
        const { year, month } = monthOf(endMonth);
        if (month === 1 || (quarterly && month === 3)) running = 0;
        let amount = 0;
        for (let m = quarterly ? p * 3 : p; m <= endMonth; m += 1) amount += path[m] ?? 0;
        running += amount;
        cumulative += amount;
        const skipped = rnd.chance(0.02) || (plan.gap !== null && p >= plan.gap.from && p < plan.gap.to);
        const unit = plan.units[year < plan.switchYear ? 0 : 1];
        if (skipped) continue;
        let period = quarterly ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : `${year}-${pad(month)}`;
        let value: number;
        if (spec.kind === "rate") {
          value = ((path[endMonth - 2] ?? 0) + (path[endMonth - 1] ?? 0) + (path[endMonth] ?? 0)) / 3;
        } else if (spec.kind === "stock" || release.basis === "point") {
          value = path[endMonth] ?? 0;
        } else if (release.basis === "ytd") {
          // January and February released together: the first year-to-date figure is January–February.
          if (plan.janFebCombined && !quarterly && month === 1) continue;
          value = running;
        } else if (release.basis === "cumulative") {
          value = cumulative;
        } else {
          if (plan.janFebCombined && !quarterly && month === 1) continue;
          if (plan.janFebCombined && !quarterly && month === 2) {
            period = `${year}-01/${year}-02`;
            value = (path[endMonth - 1] ?? 0) + amount;
          } else value = amount;
        }
        yield makeRow(rnd, zone, spec, release.basis, period, endMonth, value, unit);
      }
    }
  }
}

/** The group zone's monthly totals (sums over its zones), truncated to `limit` rows. */
export function* groupRows(seed: number, sums: ReadonlyMap<string, Float64Array>, limit: number): Generator<ObservationCsvRow> {
  const rnd = new Random(seedFor(seed, 4));
  let written = 0;
  for (const code of GROUP_INDICATORS) {
    const spec = INDICATORS.find((i) => i.code === code)!;
    const sum = sums.get(code);
    for (let m = 0; m < MONTHS && written < limit; m += 1) {
      const { year, month } = monthOf(m);
      written += 1;
      yield makeRow(
        rnd,
        { code: GROUP_CODE, nameZh: "合成自贸区" },
        spec,
        "period",
        `${year}-${pad(month)}`,
        m,
        sum?.[m] ?? 0,
        GROUP_UNITS[code],
      );
    }
  }
}

/** How many of `total` rows go to the group zone: its three monthly series, at most a tenth of the package. */
export function groupRowCount(total: number): number {
  return Math.min(GROUP_INDICATORS.length * MONTHS, Math.floor(total / 10));
}

// ---------------------------------------------------------------------------------------------
// CSV.

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map((c) => csvField(c === null || c === undefined ? "" : String(c))).join(",")}\n`;
}

export function zonesCsv(zones: readonly ZoneSpec[], seed: number): string {
  const header = csvLine(["code", "name_en", "name_zh", "kind", "parent", "established_on", "area_km2", "note"]);
  const group = csvLine([GROUP_CODE, "Synthetic", "合成自贸区", "group", "", "", "", `Synthetic benchmark zones (generator seed ${seed})`]);
  const rows = zones.map((z) =>
    csvLine([z.code, z.nameEn, z.nameZh, "ftz", GROUP_CODE, z.establishedOn, z.areaKm2 ?? "", "Synthetic benchmark zone"]),
  );
  return header + group + rows.join("");
}

export function indicatorsCsv(): string {
  const header = csvLine(["code", "name_en", "name_zh", "unit", "kind", "category", "description"]);
  const rows = INDICATORS.map((i) =>
    csvLine([i.code, i.nameEn, i.nameZh, i.unit, i.kind, i.category, "Synthetic benchmark data: not a published figure."]),
  );
  return header + rows.join("");
}

// ---------------------------------------------------------------------------------------------
// Writing a package.

export type PackageManifest = {
  generator: number;
  seed: number;
  observations: number;
  zones: number;
  groupRows: number;
  files: Record<string, number>;
};

export type GenerateOptions = { observations: number; seed: number; outDir: string; onProgress?: (rows: number) => void };

/** Writes zones.csv, indicators.csv, observations.csv and a manifest into `outDir`; exactly `observations` rows. */
export async function writeSyntheticPackage(options: GenerateOptions): Promise<PackageManifest> {
  const { observations: total, seed, outDir } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error("The number of observations must be a whole number of at least 1");
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(path.join(outDir, MANIFEST_FILE), { force: true });
  const out = fs.createWriteStream(path.join(outDir, "observations.csv"));
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  let buffer = csvLine(OBSERVATION_COLUMNS);
  let written = 0;
  const flush = async (force = false) => {
    if (!force && buffer.length < 256 * 1024) return;
    const ok = out.write(buffer);
    buffer = "";
    if (!ok) await Promise.race([once(out, "drain"), failed]);
  };
  const push = async (row: ObservationCsvRow) => {
    buffer += csvLine(OBSERVATION_COLUMNS.map((c) => row[c]));
    written += 1;
    if (written % 100_000 === 0) options.onProgress?.(written);
    await flush();
  };

  const groupBudget = groupRowCount(total);
  const zoneBudget = total - groupBudget;
  const sums = new Map<string, Float64Array>(GROUP_INDICATORS.map((code) => [code, new Float64Array(MONTHS)]));
  const zones: ZoneSpec[] = [];
  while (written < zoneBudget) {
    const zone = zoneSpec(seed, zones.length + 1);
    zones.push(zone);
    const paths = INDICATORS.map((_, i) => monthlyPath(seed, zone, i));
    for (const code of GROUP_INDICATORS) {
      const path = paths[INDICATORS.findIndex((i) => i.code === code)]!;
      const sum = sums.get(code)!;
      for (let m = 0; m < MONTHS; m += 1) sum[m] = (sum[m] ?? 0) + (path[m] ?? 0);
    }
    for (const row of zoneRows(seed, zone, paths)) {
      if (written >= zoneBudget) break;
      await push(row);
    }
  }
  for (const row of groupRows(seed, sums, groupBudget)) await push(row);
  await flush(true);
  out.end();
  await Promise.race([once(out, "finish"), failed]);
  options.onProgress?.(written);

  fs.writeFileSync(path.join(outDir, "zones.csv"), zonesCsv(zones, seed));
  fs.writeFileSync(path.join(outDir, "indicators.csv"), indicatorsCsv());
  const files = Object.fromEntries(
    ["indicators.csv", "observations.csv", "zones.csv"].map((name) => [name, fs.statSync(path.join(outDir, name)).size]),
  );
  const manifest: PackageManifest = {
    generator: GENERATOR_VERSION,
    seed,
    observations: written,
    zones: zones.length,
    groupRows: groupBudget,
    files,
  };
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The manifest of a package written by this generator, or undefined when there is none (or it is from another version). */
export function readManifest(dir: string): PackageManifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as PackageManifest;
    if (manifest.generator !== GENERATOR_VERSION) return undefined;
    const intact = Object.entries(manifest.files).every(
      ([name, size]) => fs.existsSync(path.join(dir, name)) && fs.statSync(path.join(dir, name)).size === size,
    );
    return intact ? manifest : undefined;
  } catch {
    return undefined;
  }
}
