// The synthetic data generator of the benchmark: deterministic from its seed, exactly the rows asked
// for, and every row a row the importer accepts (mapped here with the importer's own pure mapping).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCount, parseOnly } from "@/bench/args";
import { GROUP_CODE, INDICATORS, mulberry32, readManifest, writeSyntheticPackage, type PackageManifest } from "@/bench/synthetic";
import { Catalog, type IndicatorRef, type ZoneRef } from "@/lib/import/catalog";
import { mapIndicatorRow, mapObservationRow, mapZoneRow, observationKey, type ObservationInput } from "@/lib/import/map";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-bench-test-"));
const dirOf = (name: string) => path.join(tmp, name);
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const records = (dir: string, file: string) => parse(read(dir, file), { columns: true, bom: true }) as Record<string, string>[];

let manifest: PackageManifest;

beforeAll(async () => {
  manifest = await writeSyntheticPackage({ observations: 12_000, seed: 42, outDir: dirOf("a") });
  await writeSyntheticPackage({ observations: 12_000, seed: 42, outDir: dirOf("again") });
  await writeSyntheticPackage({ observations: 12_000, seed: 7, outDir: dirOf("other-seed") });
  await writeSyntheticPackage({ observations: 5_000, seed: 42, outDir: dirOf("small") });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("mulberry32", () => {
  it("gives the same numbers in [0, 1) for the same seed, others for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("writeSyntheticPackage", () => {
  it("writes exactly the number of observations asked for, and says so in its manifest", () => {
    expect(records(dirOf("a"), "observations.csv")).toHaveLength(12_000);
    expect(records(dirOf("small"), "observations.csv")).toHaveLength(5_000);
    expect(readManifest(dirOf("a"))).toEqual(manifest);
    expect(manifest).toMatchObject({ observations: 12_000, seed: 42, zones: 3, groupRows: 720 });
  });

  it("is deterministic for a seed and differs for another seed", () => {
    for (const file of ["zones.csv", "indicators.csv", "observations.csv"]) expect(read(dirOf("again"), file)).toBe(read(dirOf("a"), file));
    expect(read(dirOf("other-seed"), "observations.csv")).not.toBe(read(dirOf("a"), "observations.csv"));
  });

  it("makes a smaller package's zone rows a prefix of a larger one's", () => {
    const small = records(dirOf("small"), "observations.csv").filter((r) => r.zone !== GROUP_CODE);
    const large = records(dirOf("a"), "observations.csv");
    expect(small.length).toBeGreaterThan(4000);
    expect(large.slice(0, small.length)).toEqual(small);
  });

  it("puts synthetic zones under the group, most with areas, and bench_ indicators", () => {
    const zones = records(dirOf("a"), "zones.csv");
    expect(zones[0]).toMatchObject({ code: GROUP_CODE, kind: "group", name_en: "Synthetic" });
    expect(zones.slice(1).map((z) => [z.code, z.name_en, z.parent])).toEqual([
      ["synthetic-zone-001", "Synthetic Zone 001", GROUP_CODE],
      ["synthetic-zone-002", "Synthetic Zone 002", GROUP_CODE],
      ["synthetic-zone-003", "Synthetic Zone 003", GROUP_CODE],
    ]);
    expect(zones[1]?.area_km2).not.toBe("");
    expect(zones[2]?.area_km2).not.toBe("");
    expect(records(dirOf("a"), "indicators.csv").map((i) => i.code)).toEqual(INDICATORS.map((i) => i.code));
    expect(INDICATORS.every((i) => i.code.startsWith("bench_"))).toBe(true);
  });

  it("mixes bases, period kinds, published units, qualifiers and gaps over 2006–2025, each row with a source", () => {
    const rows = records(dirOf("a"), "observations.csv");
    expect(new Set(rows.map((r) => r.basis || "period"))).toEqual(new Set(["period", "ytd", "cumulative", "point"]));
    const units = new Set(rows.map((r) => r.unit));
    for (const unit of ["亿元", "万元", "家", "万吨", "%"]) expect(units).toContain(unit);
    expect(rows.some((r) => /^\d{4}-Q[1-4]$/.test(r.period!))).toBe(true);
    expect(rows.some((r) => /^\d{4}-01\/\d{4}-02$/.test(r.period!))).toBe(true);
    expect(rows.some((r) => r.qualifier === "approx")).toBe(true);
    expect(rows.every((r) => /^Synthetic Bulletin (200[6-9]|201\d|202[0-5])-\d{2}$/.test(r.source_title!))).toBe(true);
    // Gaps: zone 001's monthly trade series misses some of its 240 months.
    const monthly = rows.filter((r) => r.zone === "synthetic-zone-001" && r.indicator === "bench_import_export" && !r.basis);
    expect(monthly.length).toBeLessThan(240);
    expect(monthly.length).toBeGreaterThan(180);
    expect(monthly[0]?.period?.startsWith("2006")).toBe(true);
    expect(monthly.at(-1)?.period?.startsWith("2025")).toBe(true);
  });

  it("writes rows the importer maps without a problem, with running totals that never fall", () => {
    const dir = dirOf("a");
    const zones: ZoneRef[] = [];
    const codes = new Set(records(dir, "zones.csv").map((z) => z.code!));
    for (const [i, cells] of records(dir, "zones.csv").entries()) {
      const mapped = mapZoneRow(cells, i + 2, codes);
      if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
      zones.push({ ...mapped.value, id: i + 1, parentId: mapped.value.parentCode ? 1 : null });
    }
    const indicators: IndicatorRef[] = records(dir, "indicators.csv").map((cells, i) => {
      const mapped = mapIndicatorRow(cells, i + 2);
      if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
      return { ...mapped.value, id: i + 1 };
    });
    const catalog = new Catalog(zones, indicators);
    const byKey = new Map<string, ObservationInput>();
    const problems: unknown[] = [];
    let warnings = 0;
    for (const [i, cells] of records(dir, "observations.csv").entries()) {
      const mapped = mapObservationRow(cells, i + 2, catalog);
      if (!mapped.ok) problems.push(...mapped.errors);
      else {
        warnings += mapped.warnings.length;
        byKey.set(observationKey(mapped.value), mapped.value);
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(warnings).toBe(0);
    expect(byKey.size).toBe(12_000);
    // Year-to-date totals within a year, and cumulative totals since launch, only grow (else the importer warns).
    const series = new Map<string, ObservationInput[]>();
    for (const o of byKey.values()) {
      if (o.basis !== "ytd" && o.basis !== "cumulative") continue;
      const key = `${o.zoneId}|${o.indicatorId}|${o.basis}|${o.basis === "ytd" ? o.period.end.slice(0, 4) : o.period.start}`;
      series.set(key, [...(series.get(key) ?? []), o]);
    }
    expect(series.size).toBeGreaterThan(0);
    for (const list of series.values()) {
      const values = list.sort((a, b) => (a.period.end < b.period.end ? -1 : 1)).map((o) => o.value);
      values.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i - 1] ?? 0));
    }
  });

  it("refuses a count below 1", async () => {
    await expect(writeSyntheticPackage({ observations: 0, seed: 1, outDir: dirOf("none") })).rejects.toThrow(/at least 1/);
  });
});

describe("benchmark arguments", () => {
  it.each([
    ["1000000", 1_000_000],
    ["1_000_000", 1_000_000],
    ["1,000,000", 1_000_000],
    ["100k", 100_000],
    ["1m", 1_000_000],
  ])("%s observations → %d", (text, expected) => expect(parseCount(text, "--observations")).toBe(expected));

  it("refuses what is not a count, and unknown benchmarks", () => {
    expect(() => parseCount("lots", "--observations")).toThrow("--observations must be a whole number of at least 1, not 'lots'");
    expect(() => parseCount("0", "--observations")).toThrow(/at least 1/);
    expect(parseOnly("import, api")).toEqual(["import", "api"]);
    expect(() => parseOnly("api,speed")).toThrow(/unknown: speed/);
  });
});
