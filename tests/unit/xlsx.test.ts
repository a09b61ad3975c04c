// Workbooks as Excel reads them: real dates, number formats without a trailing dot, the value beside
// its base unit in the magnitude analysts use, and headers, sheets and Sources in the reader's language.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Observation } from "@/lib/domain/figures";
import { inAnalystMagnitude } from "@/lib/domain/units";
import { observationsXlsx } from "@/lib/export/observations";
import { excelDate, numberFormatFor } from "@/lib/export/xlsx";

const row: Observation = {
  id: 7,
  zone: { code: "synthetic-a", nameEn: "Synthetic Zone A", nameZh: "合成甲区" },
  indicator: { code: "import_export", nameEn: "Imports and exports (CNY)", nameZh: "进出口总额（人民币）", unit: "CNY" },
  period: { label: "2021", start: "2021-01-01", end: "2021-12-31", granularity: "year" },
  basis: "period",
  value: 154_000_000_000,
  publishedValue: 154,
  publishedUnit: "billion CNY",
  qualifier: "at_least",
  yoyPct: 26.9,
  status: "ok",
  source: { id: 1, title: "Synthetic Bulletin 1", url: "https://example.org/1", publishedOn: "2022-02-25" },
  quote: "more than 154 billion yuan",
  note: null,
  revised: false,
  updatedAt: "2026-12-02T16:42:58Z",
};

async function* batches(rows: Observation[]) {
  yield rows;
}

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe("number formats and dates", () => {
  it.each([
    [135_000_000, "#,##0"],
    [1540, "#,##0"],
    [26.9, "#,##0.0"],
    [1540.25, "#,##0.00"],
    [0.123456, "#,##0.0000"],
  ])("formats %d as %s: as many decimals as it has, no trailing dot", (value, format) => {
    expect(numberFormatFor(value)).toBe(format);
    expect(numberFormatFor(value).endsWith(".")).toBe(false);
  });

  it("writes dates as dates and date-times as date-times", () => {
    expect(excelDate("2021-01-25")?.value.toISOString()).toBe("2021-01-25T00:00:00.000Z");
    expect(excelDate("2026-12-02T16:42:58Z")?.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(excelDate("2021")).toBeNull();
  });

  it("gives each base unit the magnitude analysts read it in", () => {
    expect(inAnalystMagnitude(154_000_000_000, "CNY")).toBe(1540);
    expect(inAnalystMagnitude(135_000_000, "t")).toBe(13_500);
    expect(inAnalystMagnitude(3857, "count")).toBeNull();
  });
});

describe("the observations workbook", () => {
  it("in English: date cells, formats without a trailing dot, the value in 亿元 beside the base unit", async () => {
    const workbook = await load(await observationsXlsx(batches([row])));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Observations", "Sources"]);
    const sheet = workbook.getWorksheet("Observations") as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1);
    expect(cell("value (in unit)").value).toBe(154_000_000_000);
    expect(cell("value (in unit)").numFmt).toBe("#,##0");
    expect(cell("value (magnitude unit)").value).toBe(1540);
    expect(cell("magnitude unit").value).toBe("亿元");
    expect(cell("yoy_pct").value).toBe(26.9);
    expect(cell("period_start").value).toBeInstanceOf(Date);
    expect((cell("period_start").value as Date).toISOString()).toBe("2021-01-01T00:00:00.000Z");
    expect(cell("period_start").numFmt).toBe("yyyy-mm-dd");
    const sources = workbook.getWorksheet("Sources") as ExcelJS.Worksheet;
    expect(sources.getRow(2).getCell(4).value).toBeInstanceOf(Date);
  });

  it("in Chinese: headers, sheets and Sources in Chinese", async () => {
    const workbook = await load(await observationsXlsx(batches([row]), "zh"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["数据", "来源"]);
    const headers = (workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(["区域", "指标", "数值（单位）", "数值（量级单位）", "量级单位", "公布同比（%）", "原文"]),
    );
    expect((workbook.worksheets[1]?.getRow(1).values as unknown[]).slice(1)).toEqual(["序号", "标题", "网址", "发布日期", "原文"]);
  });
});
