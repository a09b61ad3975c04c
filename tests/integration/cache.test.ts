// Answers cached per data version: computed once while the data stays the same, recomputed after an
// import, and never shared between two databases in one process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { listZones } from "@/lib/db/queries/catalog";
import { cachedByDataVersion } from "@/lib/db/queries/version";
import { importPackage } from "@/lib/import/run";
import { TARGETS } from "../support/databases";
import { fixtureFiles, textFile } from "../support/fixtures";

describe("cached by data version", () => {
  const dbs: Database[] = [];
  beforeAll(async () => {
    for (const target of TARGETS) {
      const db = await target.open();
      await prepareDatabase(db, { seed: false });
      dbs.push(db);
    }
  });
  afterAll(async () => Promise.all(dbs.map((db) => db.close())));

  it("computes once per version and again after an import", async () => {
    const [db] = dbs;
    if (!db) throw new Error("no database");
    let runs = 0;
    const compute = async () => (runs += 1);
    expect(await cachedByDataVersion(db.prisma, "test", compute)).toBe(1);
    expect(await cachedByDataVersion(db.prisma, "test", compute)).toBe(1);
    expect((await listZones(db.prisma)).map((z) => z.code)).not.toContain("synthetic-a");

    const summary = await importPackage(db.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), {
      dryRun: false,
      actor: "test",
      channel: "api",
    });
    expect(summary.committed).toBe(true);
    expect(await cachedByDataVersion(db.prisma, "test", compute)).toBe(2);
    expect((await listZones(db.prisma)).map((z) => z.code)).toContain("synthetic-a");
  });

  it("keeps each database's answers apart", async () => {
    const [first, second] = dbs;
    if (!first || !second) throw new Error("two databases expected");
    await importPackage(
      second.prisma,
      [
        textFile(
          "code,name_en,name_zh,kind,parent,established_on,area_km2,note\nsynthetic-only-here,Synthetic Only Here,,group,,,,\n",
          "zones.csv",
        ),
      ],
      {
        dryRun: false,
        actor: "test",
        channel: "api",
      },
    );
    expect((await listZones(second.prisma)).map((z) => z.code)).toContain("synthetic-only-here");
    expect((await listZones(first.prisma)).map((z) => z.code)).not.toContain("synthetic-only-here");
  });
});
