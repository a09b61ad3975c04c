// Server-side pagination on both databases: the data explorer's table and the observations API never
// return more than a page, whatever the size of the data, and the pages together are every row once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { getObservationTable } from "@/lib/db/queries/observation-table";
import { getObservationPage } from "@/lib/db/queries/observations";
import { importPackage } from "@/lib/import/run";
import { DataViewSchema } from "@/lib/validation/data";
import { ObservationQuerySchema } from "@/lib/validation/observations";
import { TARGETS } from "../support/databases";
import { fixtureFiles, textFile } from "../support/fixtures";

const ROWS = 1_230;

function figures(): string {
  const lines = ["zone,indicator,period,basis,value,unit,source_title"];
  for (let i = 0; i < ROWS; i += 1) {
    const year = 1980 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(`synthetic-b,synthetic_trade,${year}-${month},period,${i + 1},亿元,Synthetic Paging Bulletin`);
  }
  return `${lines.join("\n")}\n`;
}

describe.each(TARGETS)("pagination on $name", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
    await prepareDatabase(db, { seed: false });
    const summary = await importPackage(db.prisma, [...fixtureFiles("base/zones.csv", "base/indicators.csv"), textFile(figures())], {
      dryRun: false,
      actor: "test",
      channel: "api",
    });
    expect(summary.committed).toBe(true);
  });
  afterAll(async () => db?.close());

  it("gives the data explorer one page at a time, at most 100 rows", async () => {
    const seen = new Set<number>();
    for (let page = 1; page <= 13; page += 1) {
      const table = await getObservationTable(db.prisma, { zone: ["synthetic-b"], page, size: 100 });
      expect(table.total).toBe(ROWS);
      expect(table.rows.length).toBe(page < 13 ? 100 : ROWS - 1200);
      for (const row of table.rows) seen.add(row.id);
    }
    expect(seen.size).toBe(ROWS);
    expect((await getObservationTable(db.prisma, { zone: ["synthetic-b"], page: 14, size: 100 })).rows).toEqual([]);
  });

  it("refuses page sizes beyond the largest, at the edge", () => {
    expect(DataViewSchema.safeParse({ size: "1000" }).success).toBe(false);
    expect(DataViewSchema.safeParse({ size: "100" }).success).toBe(true);
    expect(ObservationQuerySchema.safeParse({ limit: "10001" }).success).toBe(false);
  });

  it("pages the observations API with a cursor, never more than the limit", async () => {
    const ids: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await getObservationPage(db.prisma, { zone: ["synthetic-b"] }, 500, cursor);
      expect(page.data.length).toBeLessThanOrEqual(500);
      ids.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(ROWS);
  });
});
