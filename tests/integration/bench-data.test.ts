// A small synthetic benchmark package goes through the real importer on both databases, cleanly, and
// answers the comparisons the benchmark asks of it (every transformation, shares of the group zone).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GROUP_CODE, writeSyntheticPackage, type PackageManifest } from "@/bench/synthetic";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { loadComparison } from "@/lib/db/queries/series";
import { folderFiles } from "@/lib/import/seed";
import { importPackage } from "@/lib/import/run";
import { TRANSFORMS } from "@/lib/domain/transforms";
import { SeriesParamsSchema } from "@/lib/validation/series";
import { TARGETS } from "../support/databases";
import { byCode, sourceOf } from "../support/figures";

const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-bench-data-")), "pkg");
let manifest: PackageManifest;

beforeAll(async () => {
  manifest = await writeSyntheticPackage({ observations: 10_000, seed: 42, outDir: dir });
});
afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

describe.each(TARGETS)("a synthetic benchmark package on $name", (target) => {
  let db: Database;

  beforeEach(async () => {
    db = await target.open();
    await prepareDatabase(db, { seed: false });
  });
  afterEach(async () => db?.close());

  it("imports every row without a problem or a warning, and again changes nothing", async () => {
    const summary = await importPackage(db.prisma, folderFiles(dir), { dryRun: false, actor: "test", channel: "cli" });
    expect(summary).toMatchObject({
      committed: true,
      errorCount: 0,
      warningCount: 0,
      tables: {
        zones: { new: manifest.zones + 1, rejected: 0 },
        indicators: { new: 12, rejected: 0 },
        observations: { new: 10_000, revised: 0, rejected: 0 },
      },
    });
    expect(await db.prisma.observation.count()).toBe(10_000);
    const zone = await db.prisma.zone.findUniqueOrThrow({ where: { code: "synthetic-zone-001" }, include: { parent: true } });
    expect(zone.parent?.code).toBe(GROUP_CODE);
    expect(zone.kind).toBe("ftz");
    expect(zone.areaKm2).toBeGreaterThan(0);
    const sample = await db.prisma.observation.findFirstOrThrow({
      where: {
        ...(await byCode(db.prisma, { zone: "synthetic-zone-001", indicator: "bench_import_export" })),
        period: "2010-03",
        basis: "period",
      },
    });
    expect((await sourceOf(db.prisma, sample)).title).toBe("Synthetic Bulletin 2010-03");
    expect(sample.value).toBeGreaterThan(1e7);

    const again = await importPackage(db.prisma, folderFiles(dir), { dryRun: false, actor: "test", channel: "cli" });
    expect(again.tables.observations).toMatchObject({ new: 0, revised: 0, unchanged: 10_000 });
  });

  it("answers the benchmark's 20-year monthly comparison of two zones with every transformation", async () => {
    await importPackage(db.prisma, folderFiles(dir), { dryRun: false, actor: "test", channel: "cli" });
    for (const transform of TRANSFORMS) {
      const params = SeriesParamsSchema.parse({
        indicator: "bench_import_export",
        zones: ["synthetic-zone-001", "synthetic-zone-002"],
        basis: "period",
        freq: "month",
        transform,
        ...(transform === "index" ? { base: "first" } : {}),
      });
      const { comparison } = await loadComparison(db.prisma, params);
      if ("problem" in comparison) throw new Error(`${transform}: ${JSON.stringify(comparison.problem)}`);
      for (const { series } of comparison.series) {
        // 240 months less gaps (and less the first year for changes on a year earlier).
        expect(series.points.length, transform).toBeGreaterThan(150);
        expect(series.points.at(-1)?.end, transform).toBe("2025-12-31");
      }
      if (transform === "share") {
        const shares = comparison.series.flatMap((s) => s.series.points.map((p) => p.value));
        expect(Math.max(...shares)).toBeLessThan(100);
        expect(Math.min(...shares)).toBeGreaterThan(0);
      }
    }
  });
});
