// Tables as Excel workbooks, the way analysts want them: numbers stored as numbers, units in the
// headers, a bold frozen header row with filters, sensible column widths, and a second sheet
// "Sources" with each source's title, URL, date and quote. Written by streaming, so a large table is
// not held in memory twice.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { sourceTitleText } from "../domain/language.ts";

export type XlsxCell = string | number | boolean | null | undefined;
/**
 * `number`: a number shown with thousands separators and as many decimals as it has (at most 4), never
 * a trailing dot; `date`: a YYYY-MM-DD (or ISO date-time) text written as a real Excel date.
 */
export type XlsxColumn = { header: string; width?: number; kind?: "number" | "date" };
export type XlsxSheet = { name: string; columns: XlsxColumn[]; rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]> };
export type XlsxSource = { title: string; url: string | null; publishedOn: string | null; quote?: string | null };

/** The words of the Sources sheet, in the reader's language. */
const SOURCES_SHEET = {
  en: { name: "Sources", headers: ["#", "Title", "URL", "Published", "Quote"] },
  zh: { name: "来源", headers: ["序号", "标题", "网址", "发布日期", "原文"] },
} as const;

/** Excel's format for a number with exactly the decimals it has (up to 4): 1,540 and 1,540.25, never "1,540.". */
export function numberFormatFor(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  const text = String(rounded);
  const decimals = text.includes("e") ? 0 : (text.split(".")[1]?.length ?? 0);
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(Math.min(4, decimals))}`;
}

/** A date or date-time text as the instant Excel stores (dates at midnight UTC), or null when it is not one. */
export function excelDate(text: string): { value: Date; numFmt: string } | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return { value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))), numFmt: "yyyy-mm-dd" };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(text)) return { value: new Date(text), numFmt: "yyyy-mm-dd hh:mm" };
  return null;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EDF4" } };

function widthOf(value: XlsxCell): number {
  if (value === null || value === undefined) return 0;
  const text = String(value);
  // CJK characters take about two columns of width.
  let width = 0;
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 2 : 1;
  return width;
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  // Widths are decided from the header and the first rows (the writer streams, so it cannot look back).
  const sample: XlsxCell[][] = [];
  const rows = sheet.rows;
  const iterator: AsyncIterator<XlsxCell[]> | Iterator<XlsxCell[]> =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  for (let i = 0; i < 200; i += 1) {
    const next = await iterator.next();
    if (next.done) break;
    sample.push(next.value);
  }
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    key: `c${index}`,
    width: column.width ?? Math.min(60, Math.max(8, widthOf(column.header) + 2, ...sample.map((row) => widthOf(row[index]) + 2))),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: "middle", wrapText: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  header.commit();
  const kinds = sheet.columns.map((c) => c.kind);
  const add = (row: XlsxCell[]) => {
    const formats: (string | undefined)[] = [];
    const values = row.map((cell, i) => {
      if (cell === undefined || cell === null) return null;
      if (kinds[i] === "number" && typeof cell === "number") {
        formats[i] = numberFormatFor(cell);
        return cell;
      }
      if (kinds[i] === "date" && typeof cell === "string") {
        const date = excelDate(cell);
        if (date) {
          formats[i] = date.numFmt;
          return date.value;
        }
      }
      return cell;
    });
    const added = worksheet.addRow(values);
    formats.forEach((numFmt, i) => {
      if (numFmt) added.getCell(i + 1).numFmt = numFmt;
    });
    added.commit();
  };
  sample.forEach(add);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    add(next.value);
  }
  worksheet.commit();
}

/**
 * A workbook of the given sheets and, last, the "Sources" sheet. Pass the sources as a function when
 * they are gathered while the sheets' rows stream: it is called once the sheets are written.
 */
export async function xlsxBuffer(
  sheets: XlsxSheet[],
  sources: XlsxSource[] | (() => XlsxSource[]),
  locale: "en" | "zh" = "en",
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "ftz-monitor";
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  const words = SOURCES_SHEET[locale];
  const [n = "#", title = "", url = "", published = "", quote = ""] = words.headers;
  await writeSheet(workbook, {
    name: words.name,
    columns: [
      { header: n, width: 6 },
      { header: title },
      { header: url, width: 50 },
      { header: published, width: 12, kind: "date" },
      { header: quote, width: 70 },
    ],
    rows: (typeof sources === "function" ? sources() : sources).map((s, i) => [
      i + 1,
      sourceTitleText(s.title, locale),
      s.url,
      s.publishedOn,
      s.quote ?? null,
    ]),
  });
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export function xlsxResponse(body: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
