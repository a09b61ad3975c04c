// The import pipeline against both databases, with fixture files: what it accepts, every reason it
// rejects a row, dry runs, all-or-nothing commits, re-imports, revisions and concurrent imports.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import ExcelJS from "exceljs";
import { getObservationHistory } from "@/lib/db/queries/observation-table";
import { getObservationPage, iterateObservations } from "@/lib/db/queries/observations";
import { OBSERVATION_COLUMNS, observationCells, observationsXlsx } from "@/lib/export/observations";
import { importPackage, type ImportOptions } from "@/lib/import/run";
import type { ImportSummary } from "@/lib/domain/imports";
import { TARGETS } from "../support/databases";
import { byCode, sourceOf, zoneCode } from "../support/figures";
import { fixtureFiles, textFile } from "../support/fixtures";
import { largeFile, largeLine, largeText } from "../support/large-package";

const commit: ImportOptions = { dryRun: false, actor: "test", channel: "api" };
const dryRun: ImportOptions = { ...commit, dryRun: true };

function expectOnlyError(summary: ImportSummary, expected: { table?: string; row: number; column: string; message: RegExp | string }) {
  expect(summary.committed).toBe(false);
  expect(summary.errors).toHaveLength(1);
  const [error] = summary.errors;
  expect(error).toMatchObject({ table: expected.table ?? "observations", row: expected.row, column: expected.column });
  if (typeof expected.message === "string") expect(error?.message).toBe(expected.message);
  else expect(error?.message).toMatch(expected.message);
}

describe.each(TARGETS)("importing on $name", (target) => {
  let db: Database;
  let base: ImportSummary;

  /** Everything an import could have changed, to compare before and after. */
  async function snapshot() {
    const [zones, indicators, observations, vintages, sources, imports] = await Promise.all([
      db.prisma.zone.findMany({ orderBy: { id: "asc" } }),
      db.prisma.indicator.findMany({ orderBy: { id: "asc" } }),
      db.prisma.observation.findMany({ orderBy: { id: "asc" } }),
      db.prisma.observationVintage.findMany({ orderBy: { id: "asc" } }),
      db.prisma.source.findMany({ orderBy: { id: "asc" } }),
      db.prisma.import.findMany({ orderBy: { id: "asc" } }),
    ]);
    return { zones, indicators, observations, vintages, sources, imports };
  }

  beforeEach(async () => {
    db = await target.open();
    await prepareDatabase(db, { seed: true });
    base = await importPackage(db.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), commit);
  });
  afterEach(async () => db?.close());

  it("defines zones and indicators from a package, parents included", async () => {
    expect(base).toMatchObject({ committed: true, errorCount: 0, tables: { zones: { new: 4 }, indicators: { new: 2 } } });
    const area = await db.prisma.zone.findUniqueOrThrow({ where: { code: "synthetic-a-north" }, include: { parent: true } });
    expect(area).toMatchObject({ nameZh: "合成甲区北片区", kind: "area", areaKm2: 40 });
    expect(area.parent?.code).toBe("synthetic-a");
  });

  it("imports valid rows: units converted, names and codes resolved, qualifiers and quoted newlines kept", async () => {
    const summary = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    expect(summary).toMatchObject({
      committed: true,
      errorCount: 0,
      tables: { observations: { new: 5, revised: 0, unchanged: 0, rejected: 0 } },
    });
    expect(summary.importId).toBeGreaterThan(0);
    const rows = await db.prisma.observation.findMany({
      where: await byCode(db.prisma, { zone: { startsWith: "synthetic" } }),
      orderBy: { id: "asc" },
    });
    const codes = await Promise.all(rows.map((r) => zoneCode(db.prisma, r)));
    const view = rows.map((r, i) => [codes[i], r.period, r.basis, r.value, r.publishedValue, r.publishedUnit, r.qualifier, r.status]);
    expect(view).toEqual([
      ["synthetic-a", "2021-01", "period", 120, 120, "count", "exact", "ok"],
      ["synthetic-a", "2021-02", "period", 1080, 1080, "家", "exact", "ok"],
      ["synthetic-a", "2021-01/2021-02", "ytd", 1_250_000_000, 12.5, "亿元", "at_least", "ok"],
      ["synthetic-a-north", "2021-Q1", "period", 300_000_000, 300, "million CNY", "approx", "unverified"],
      ["synthetic-b", "2019-06-15/2021-07-31", "cumulative", 8_100_000_000, 8.1, "billion CNY", "exact", "ok"],
    ]);
    expect(rows[4]?.quote).toBe("Since launch: 8.1 billion yuan,\nacross two lines.");
    expect((await sourceOf(db.prisma, rows[4]!)).title).toBe('Synthetic Bulletin 4, with "quotes"');
    expect(rows.every((r) => r.importId === summary.importId)).toBe(true);
  });

  it("imports a GB18030 file as Chinese Excel saves it", async () => {
    const summary = await importPackage(db.prisma, fixtureFiles("gb18030/observations.csv"), commit);
    expect(summary).toMatchObject({ committed: true, errorCount: 0, tables: { observations: { new: 2 } } });
    const row = await db.prisma.observation.findFirstOrThrow({
      where: await byCode(db.prisma, { zone: "synthetic-a", indicator: "synthetic_trade" }),
    });
    expect(row).toMatchObject({
      value: 4_560_000_000,
      publishedUnit: "亿元",
      qualifier: "approx",
      note: "中文备注",
      quote: "上半年进出口约45.6亿元",
    });
    expect((await sourceOf(db.prisma, row)).title).toBe("合成统计公报（上半年）");
  });

  it("imports an XLSX workbook: numbers as numbers, dates, rich text, blank rows skipped", async () => {
    const summary = await importPackage(db.prisma, fixtureFiles("xlsx/package.xlsx"), commit);
    // The messages first: a failure then says why the workbook was refused, not only that it was.
    expect(summary.errors.map((e) => `${e.file ?? ""} ${e.table} row ${e.row}: ${e.message}`)).toEqual([]);
    expect(summary).toMatchObject({
      committed: true,
      errorCount: 0,
      tables: { zones: { new: 1 }, indicators: { new: 1 }, observations: { new: 3 } },
    });
    const rows = await db.prisma.observation.findMany({
      where: await byCode(db.prisma, { zone: "synthetic-c" }),
      orderBy: { period: "asc" },
    });
    const sources = await Promise.all(rows.map((r) => sourceOf(db.prisma, r)));
    expect(
      rows.map((r, i) => [r.period, r.value, r.qualifier, sources[i]?.title, sources[i]?.publishedOn?.toISOString().slice(0, 10)]),
    ).toEqual([
      ["2022", 333_500, "exact", "Synthetic Port Report", "2023-01-15"],
      ["2022-Q4", 1500, "exact", "Synthetic Port Report", "2023-01-15"],
      ["2023-01/2023-06", 182_000, "at_least", "Synthetic Port Report H1", "2023-07-15"],
    ]);
  });

  it("rejects a workbook with an unknown sheet and a bad value, naming both", async () => {
    const summary = await importPackage(db.prisma, fixtureFiles("xlsx/bad.xlsx"), commit);
    expect(summary.committed).toBe(false);
    expect(summary.errors.map((e) => e.message)).toEqual([
      "Unknown sheet 'Notes' in bad.xlsx: name each sheet after its table (zones, indicators, observations, targets, events)",
      expect.stringContaining("Value 'lots' is not a number"),
    ]);
    expect(summary.errors[1]).toMatchObject({ table: "observations", row: 2, column: "value", file: "bad.xlsx › observations" });
  });

  it.each([
    [
      "unknown-zone.csv",
      { row: 3, column: "zone", message: /^Unknown zone 'synthetic-aa'; closest known codes: synthetic-a, synthetic-b, / },
    ],
    [
      "unknown-indicator.csv",
      { row: 2, column: "indicator", message: /^Unknown indicator 'new_enterprise'; closest known codes: new_enterprises/ },
    ],
    [
      "unit-mismatch.csv",
      { row: 2, column: "unit", message: "Unit '亿美元' measures USD, but indicator 'synthetic_trade' is measured in CNY" },
    ],
    ["bad-period.csv", { row: 2, column: "period", message: /^Period '2021-13': month 2021-13 does not exist/ }],
    ["ytd-two-years.csv", { row: 2, column: "period", message: /spans 2021 to 2022/ }],
    ["non-numeric.csv", { row: 2, column: "value", message: /^Value '约90' is not a number/ }],
    ["missing-source.csv", { row: 2, column: "source_title", message: /^Source is missing/ }],
    ["unknown-column.csv", { row: 1, column: "comment", message: /^Unknown column 'comment' in observations/ }],
    [
      "duplicate-identity.csv",
      { row: 4, column: "value", message: /^Row 2 has the same zone, indicator, period and basis with a different value/ },
    ],
  ])("rejects %s with table, row, column and reason, and writes nothing", async (file, expected) => {
    const before = await snapshot();
    const summary = await importPackage(db.prisma, fixtureFiles(`errors/${file}`), commit);
    expectOnlyError(summary, expected);
    expect(summary.errors[0]?.file).toBe(file);
    expect(await snapshot()).toEqual(before);
  });

  it("reports a dry run exactly like a commit would, and writes nothing", async () => {
    const before = await snapshot();
    const dry = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), dryRun);
    expect(dry).toMatchObject({
      dryRun: true,
      committed: false,
      errorCount: 0,
      tables: { observations: { new: 5, revised: 0, unchanged: 0, rejected: 0 } },
    });
    expect(dry.importId).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    const real = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    expect(real.tables).toEqual(dry.tables);
  });

  it("leaves the database unchanged when only the last row fails", async () => {
    const before = await snapshot();
    const summary = await importPackage(db.prisma, fixtureFiles("errors/last-row-fails.csv"), commit);
    expectOnlyError(summary, { row: 7, column: "value", message: /^Value 'sixty-nine' is not a number/ });
    expect(summary.tables.observations).toEqual({ new: 5, revised: 0, unchanged: 0, rejected: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    const before = await snapshot();
    const again = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    expect(again.tables.observations).toEqual({ new: 0, revised: 0, unchanged: 5, rejected: 0 });
    const after = await snapshot();
    expect({ ...after, imports: after.imports.slice(0, -1) }).toEqual(before);
    expect(after.imports.at(-1)).toMatchObject({ rowsNew: 0, rowsRevised: 0, rowsSame: 5 });
  });

  it("keeps the old value as an earlier vintage when a figure is revised", async () => {
    const first = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    const revision = await importPackage(db.prisma, fixtureFiles("revision/observations.csv"), commit);
    expect(revision.tables.observations).toEqual({ new: 0, revised: 1, unchanged: 0, rejected: 0 });
    expect(revision.revisions[0]?.changes).toEqual(["value: 120 count → 125 count", "source", "quote", "note"]);
    const figure = await db.prisma.observation.findFirstOrThrow({
      where: { ...(await byCode(db.prisma, { zone: "synthetic-a", indicator: "new_enterprises" })), period: "2021-01" },
      include: { vintages: { include: { source: true } } },
    });
    expect(figure).toMatchObject({ value: 125, note: "revised by the zone", importId: revision.importId });
    expect((await sourceOf(db.prisma, figure)).title).toBe("Synthetic Bulletin 1 (revised)");
    expect(figure.vintages).toHaveLength(1);
    expect(figure.vintages[0]).toMatchObject({
      value: 120,
      quote: "In January, 120 enterprises were set up.",
      importId: first.importId,
      supersededById: revision.importId,
    });
    expect(figure.vintages[0]?.source.title).toBe("Synthetic Bulletin 1");
  });

  it("warns without blocking about a 万/亿 slip, a falling cumulative total and a share above 100%", async () => {
    const summary = await importPackage(db.prisma, fixtureFiles("plausibility/observations.csv"), commit);
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    expect(summary.warnings.map((w) => [w.row, w.kind])).toEqual([
      [4, "magnitude"],
      [6, "cumulative_down"],
      [7, "share_over_100"],
    ]);
    expect(summary.warnings[1]?.message).toBe("This cumulative total (850) is smaller than the one for the period ending 2020-12-31 (900)");
    expect(summary.warnings[0]?.message).toBe(
      "Value is about 10^4 times the figure for the period ending 2022-02-28: check 万/亿 in the unit",
    );
  });

  // 120,000 rows: three staging chunks, so the chunked COPY and merge are what these tests exercise.
  const LARGE = 120_000;

  it("writes nothing from a large file whose last row is bad", async () => {
    const before = await snapshot();
    const summary = await importPackage(db.prisma, [largeFile(LARGE, (i) => (i === LARGE - 1 ? largeLine(i, "lots") : undefined))], commit);
    expectOnlyError(summary, { row: LARGE + 1, column: "value", message: /^Value 'lots' is not a number/ });
    expect(summary.tables.observations).toEqual({ new: LARGE - 1, revised: 0, unchanged: 0, rejected: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it("revises figures across chunks of a large file, keeping each old value as a vintage", async () => {
    const first = await importPackage(db.prisma, [largeFile(LARGE)], commit);
    expect(first.tables.observations).toEqual({ new: LARGE, revised: 0, unchanged: 0, rejected: 0 });
    // Each figure keeps the file row that wrote it: row i + 2 of the file (after the header) holds value i + 1.
    const written = await db.prisma.observation.findMany({
      where: { importId: first.importId, value: { in: [1, 60_001, LARGE] } },
      orderBy: { value: "asc" },
    });
    expect(written.map((o) => o.importRow)).toEqual([2, 60_002, LARGE + 1]);
    const revisedRows = [10, 60_000, LARGE - 1];
    const second = await importPackage(
      db.prisma,
      [largeFile(LARGE + 5, (i) => (revisedRows.includes(i) ? largeLine(i, i + 1000) : undefined))],
      commit,
    );
    expect(second.tables.observations).toEqual({ new: 5, revised: 3, unchanged: LARGE - 3, rejected: 0 });
    expect(second.revisions.map((r) => [r.row, r.changes])).toEqual(
      revisedRows.map((i) => [i + 2, [`value: ${i + 1} count → ${i + 1000} count`]]),
    );
    const vintages = await db.prisma.observationVintage.findMany({
      where: { supersededById: second.importId },
      orderBy: { value: "asc" },
      include: { observation: true },
    });
    expect(vintages.map((v) => [v.value, v.observation.value, v.importId, v.supersededById, v.observation.importRow])).toEqual(
      revisedRows.map((i) => [i + 1, i + 1000, first.importId, second.importId, i + 2]),
    );
    expect(await db.prisma.observation.count({ where: { importId: second.importId } })).toBe(8);
  });

  it("rejects a figure given again chunks later with another value, naming both rows, and takes a repeat with the same value", async () => {
    // Rows 7 and 9 come back after the last chunk: 7 as it was, 9 with another value.
    const repeats = `${largeLine(5)}\n${largeLine(7, 999)}\n`;
    const before = await snapshot();
    const fresh = await importPackage(db.prisma, [textFile(largeText(LARGE) + repeats)], commit);
    expectOnlyError(fresh, {
      row: LARGE + 3,
      column: "value",
      message: /^Row 9 has the same zone, indicator, period and basis with a different value/,
    });
    expect(fresh.tables.observations).toEqual({ new: LARGE, revised: 0, unchanged: 1, rejected: 1 });
    expect(await snapshot()).toEqual(before);
    // The same, once the figures are there: the earlier row leaves its figure unchanged, the repeat differs.
    expect((await importPackage(db.prisma, [largeFile(LARGE)], commit)).committed).toBe(true);
    const again = await importPackage(db.prisma, [textFile(largeText(LARGE) + repeats)], commit);
    expectOnlyError(again, {
      row: LARGE + 3,
      column: "value",
      message: /^Row 9 has the same zone, indicator, period and basis with a different value/,
    });
    expect(again.tables.observations).toEqual({ new: 0, revised: 0, unchanged: LARGE + 1, rejected: 1 });
  });

  it("refuses two observations files in one import with one clear message, and writes nothing", async () => {
    // As `npm run import -- data data-yrd` gives: both files are read (every row's problems are listed), then refused.
    const before = await snapshot();
    const both = await importPackage(db.prisma, [textFile(largeText(10)), textFile(largeText(20), "more/observations.csv")], commit);
    expect(both.committed).toBe(false);
    expect(both.errors).toEqual([
      {
        table: "observations",
        file: "more/observations.csv",
        row: 0,
        message: "Two files hold the observations table (observations.csv and more/observations.csv): merge them into one",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("stops and writes nothing when cancelled midway", async () => {
    const before = await snapshot();
    const controller = new AbortController();
    let seen = 0;
    const running = importPackage(db.prisma, [largeFile(LARGE)], {
      ...commit,
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.rows;
        if (p.rows >= 70_000) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toBeGreaterThanOrEqual(70_000);
    expect(seen).toBeLessThan(LARGE);
    expect(await snapshot()).toEqual(before);
    const after = await importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit);
    expect(after.committed).toBe(true);
  });

  it("keeps a published year-on-year change with its figure, and the old one with the vintage it replaced", async () => {
    const header = "zone,indicator,period,value,unit,yoy_pct,source_title\n";
    const first = await importPackage(
      db.prisma,
      [textFile(`${header}synthetic-a,new_enterprises,2021,120,count,26.9,Synthetic Bulletin 1\n`)],
      commit,
    );
    expect(first.committed).toBe(true);
    const revised = await importPackage(
      db.prisma,
      [textFile(`${header}synthetic-a,new_enterprises,2021,120,count,-3.1%,Synthetic Bulletin 1\n`)],
      commit,
    );
    expect(revised.tables.observations).toEqual({ new: 0, revised: 1, unchanged: 0, rejected: 0 });
    expect(revised.revisions[0]?.changes).toEqual(["yoy_pct: 26.9 → -3.1"]);
    const figure = await db.prisma.observation.findFirstOrThrow({
      where: { ...(await byCode(db.prisma, { zone: "synthetic-a", indicator: "new_enterprises" })), period: "2021" },
      include: { vintages: true },
    });
    expect(figure.yoyPct).toBe(-3.1);
    expect(figure.vintages.map((v) => v.yoyPct)).toEqual([26.9]);
    const again = await importPackage(
      db.prisma,
      [textFile(`${header}synthetic-a,new_enterprises,2021,120,count,-3.1,Synthetic Bulletin 1\n`)],
      commit,
    );
    expect(again.tables.observations).toEqual({ new: 0, revised: 0, unchanged: 1, rejected: 0 });

    // The read API, its CSV cells and the workbook carry it; the figure's history keeps the old one.
    const page = await getObservationPage(db.prisma, { zone: ["synthetic-a"], indicator: ["new_enterprises"] }, 10);
    const row = page.data.find((r) => r.period.label === "2021");
    expect(row?.yoyPct).toBe(-3.1);
    const cells = observationCells(row as NonNullable<typeof row>);
    expect(cells[OBSERVATION_COLUMNS.indexOf("yoy_pct")]).toBe(-3.1);
    const history = await getObservationHistory(db.prisma, figure.id);
    expect(history?.observation.yoyPct).toBe(-3.1);
    expect(history?.vintages.map((v) => v.yoyPct)).toEqual([26.9]);
    const workbook = new ExcelJS.Workbook();
    const bytes = await observationsXlsx(iterateObservations(db.prisma, { zone: ["synthetic-a"], indicator: ["new_enterprises"] }));
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet("Observations");
    const column = (sheet?.getRow(1).values as unknown[]).indexOf("yoy_pct");
    expect(column).toBeGreaterThan(0);
    const values: unknown[] = [];
    sheet?.eachRow((r, n) => n > 1 && values.push(r.getCell(column).value));
    expect(values).toContain(-3.1);
  });

  it.each([
    ["up 5 percent", /^'up 5 percent' is not a percentage change/],
    ["-120", /^A fall of 120% is impossible/],
  ])("rejects the year-on-year change %s, naming the row and column", async (yoy, message) => {
    const before = await snapshot();
    const summary = await importPackage(
      db.prisma,
      [
        textFile(
          `zone,indicator,period,value,unit,yoy_pct,source_title\nsynthetic-a,new_enterprises,2021,120,count,${yoy},Synthetic Bulletin 1\n`,
        ),
      ],
      commit,
    );
    expectOnlyError(summary, { row: 2, column: "yoy_pct", message });
    expect(await snapshot()).toEqual(before);
  });

  it("rejects a table that has a header and no rows, and a value too large to store, writing nothing", async () => {
    const before = await snapshot();
    const empty = await importPackage(db.prisma, [textFile("zone,indicator,period,value,unit,source_title\r\n")], commit);
    expect(empty.committed).toBe(false);
    expect(empty.errors).toEqual([
      {
        table: "observations",
        file: "observations.csv",
        row: 2,
        message: "observations.csv has a header but no rows: observations holds no rows",
      },
    ]);
    const huge = await importPackage(
      db.prisma,
      [
        textFile(
          `zone,indicator,period,value,unit,source_title\nsynthetic-a,new_enterprises,2021,1${"0".repeat(301)},亿元,Synthetic Bulletin 1\n`,
        ),
      ],
      commit,
    );
    expect(huge.errors.map((e) => [e.row, e.column])).toContainEqual([2, "value"]);
    expect(huge.committed).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it("imports aliases and comparability, and revises them like any other field", async () => {
    const indicators =
      "code,name_en,unit,kind,aliases,comparable\nsynthetic_innovations,Synthetic innovations,count,flow,创新成果; 制度创新成果 ;innovation results,false\n";
    const zones = "code,name_en,kind,aliases\nsynthetic-a,Synthetic Zone A,ftz,合成甲区；Zone A\n";
    const summary = await importPackage(db.prisma, [textFile(indicators, "indicators.csv"), textFile(zones, "zones.csv")], commit);
    expect(summary).toMatchObject({ committed: true, tables: { indicators: { new: 1 }, zones: { revised: 1 } } });
    const indicator = await db.prisma.indicator.findUniqueOrThrow({ where: { code: "synthetic_innovations" } });
    expect(indicator).toMatchObject({ aliases: ["创新成果", "制度创新成果", "innovation results"], comparable: false });
    const zone = await db.prisma.zone.findUniqueOrThrow({ where: { code: "synthetic-a" } });
    expect(zone.aliases).toEqual(["合成甲区", "Zone A"]);
    const bad = await importPackage(db.prisma, [textFile(indicators.replace(",false", ",maybe"), "indicators.csv")], commit);
    expectOnlyError(bad, { table: "indicators", row: 2, column: "comparable", message: "'maybe' is not true or false" });
  });

  it("ends correct when two imports run at the same time", async () => {
    const [a, b] = await Promise.all([
      importPackage(db.prisma, fixtureFiles("valid/observations.csv"), commit),
      importPackage(
        db.prisma,
        [
          textFile(
            "zone,indicator,period,value,unit,source_title\nsynthetic-a,new_enterprises,2021-01,120,count,Synthetic Bulletin 1\nsynthetic-b,new_enterprises,2021-01,77,count,Synthetic Bulletin 9\n",
          ),
        ],
        commit,
      ),
    ]);
    expect(a.committed && b.committed).toBe(true);
    const newRows = (a.tables.observations?.new ?? 0) + (b.tables.observations?.new ?? 0);
    expect(newRows).toBe(6);
    const count = await db.prisma.observation.count({ where: await byCode(db.prisma, { zone: { startsWith: "synthetic" } }) });
    expect(count).toBe(6);
  });
});
