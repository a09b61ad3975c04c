// The figure finder against both databases: the seed articles' figures marked against what the seed stores
// (same, new, conflict), then accepted rows imported through the ordinary importer (dry run, then commit).
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { importPackage, type ImportOptions } from "@/lib/import/run";
import { reviewText } from "@/lib/extract/service";
import { observationsCsv } from "@/lib/extract/rows";
import { TARGETS } from "../support/databases";
import { byCode } from "../support/figures";
import { textFile } from "../support/fixtures";
import { BASE, bearer, serveSeededDatabase, writtenCounts } from "../support/routes";
import * as extract from "@/app/api/extract/route";

// The seed article (../shared/seeds), copied into the project so a clone tests it too.
const article = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/seed-articles/002_0500d5b115f0739c.txt"), "utf8");
const source = { title: "China News Service, Hefei, 2021-01-25 (copy at tellerreport.com)", url: null, publishedOn: "2021-01-25" };
const commit: ImportOptions = { dryRun: false, actor: "test", channel: "api" };

describe.each(TARGETS)("the figure finder on $name", (target) => {
  let db: Database;
  beforeEach(async () => {
    db = await target.open();
    await prepareDatabase(db, { seed: true });
  });
  afterEach(async () => db?.close());

  it("marks the seed article's figures: stored ones the same, Anhui's 'more than 500 billion yuan' a conflict with the official 5,406.4亿元", async () => {
    const { candidates } = await reviewText(db.prisma, article, source);
    const trade = candidates.find((c) => c.zone === "anhui" && c.indicator === "import_export");
    expect(trade).toMatchObject({ period: "2020", basis: "period", valueBase: 500e9, qualifier: "at_least", status: "conflict" });
    expect(trade?.stored).toMatchObject({ value: 540.64e9, period: "2020" });
    const enterprises = candidates.find((c) => c.indicator === "new_enterprises");
    expect(enterprises).toMatchObject({
      zone: "anhui-ftz",
      period: "2020-09-24/2021-01-25",
      basis: "cumulative",
      valueBase: 3857,
      status: "same",
    });
  });

  it("imports accepted candidates through the importer: a dry run writes nothing, the commit adds the new figure", async () => {
    const text = `${article}\n\nIn 2020, Bengbu Port will complete a throughput of 12.5 million tons, an increase of 3.2%.`;
    const { candidates } = await reviewText(db.prisma, text, source);
    const accepted = candidates.filter((c) => c.status === "new" && c.zone === "bengbu-port");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ indicator: "port_cargo_throughput", period: "2020", valueBase: 12.5e6, yoyPct: 3.2 });
    const where = await byCode(db.prisma, { zone: "bengbu-port", indicator: "port_cargo_throughput" });
    const before = await db.prisma.observation.count({ where });
    const csv = observationsCsv(accepted.map((c) => c.row));
    const checked = await importPackage(db.prisma, [textFile(csv)], { ...commit, dryRun: true });
    expect(checked).toMatchObject({ committed: false, errorCount: 0, tables: { observations: { new: 1 } } });
    expect(await db.prisma.observation.count({ where })).toBe(before);
    const done = await importPackage(db.prisma, [textFile(csv)], commit);
    expect(done).toMatchObject({ committed: true, errorCount: 0, tables: { observations: { new: 1 } } });
    const stored = await db.prisma.observation.findFirstOrThrow({ where: { ...where, period: "2020" } });
    expect(stored).toMatchObject({ value: 12.5e6, publishedValue: 12.5, publishedUnit: "million tons", yoyPct: 3.2, qualifier: "exact" });
    const again = await reviewText(db.prisma, text, source);
    expect(again.candidates.find((c) => c.zone === "bengbu-port")?.status).toBe("same");
  });
});

describe("POST /api/extract: a source dated to the day, the month or the year", () => {
  let db: Database;
  beforeAll(async () => {
    db = await serveSeededDatabase();
  });
  afterAll(async () => db?.close());

  const text = "合肥片区管委会负责人表示，挂牌以来片区累计新增企业5000家。";
  const post = (publishedOn: unknown, headers: Record<string, string> = bearer) =>
    extract.POST(
      new Request(`${BASE}/api/extract`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ text, source: { title: "A release", url: null, publishedOn } }),
      }),
    );
  type Answer = { candidates?: { period: string; row: { published_on: string } }[]; error?: { message: string } };

  it.each([
    // the day: a statement's total is as of the day before; the row carries the day
    ["2021-09-15", "2020-09-24/2021-09-14", "2021-09-15"],
    // the month or the year only: the total ends on its last day, and the row gives the source no day it lacks
    ["2021-09", "2020-09-24/2021-09-30", ""],
    ["2021", "2020-09-24/2021-12-31", ""],
  ])("publishedOn %s: the total runs %s, the row's published_on is '%s'", async (publishedOn, period, rowDate) => {
    const response = await post(publishedOn);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body.candidates?.map((c) => [c.period, c.row.published_on])).toEqual([[period, rowDate]]);
  });

  it.each([["2021-13"], ["2021-02-29"], ["21-09-15"], ["15/09/2021"], [""], [20210915]])(
    "refuses publishedOn %s with a 400 naming the field, and writes nothing",
    async (publishedOn) => {
      const before = await writtenCounts(db);
      const response = await post(publishedOn);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Answer;
      expect(body.error?.message).toMatch(/^source\.publishedOn: .*YYYY, YYYY-MM or YYYY-MM-DD/);
      expect(await writtenCounts(db)).toEqual(before);
    },
  );
});
