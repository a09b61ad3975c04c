// Tables as Excel workbooks, the way analysts want them: numbers stored as numbers, units in the
// headers, a bold frozen header row with filters, sensible column widths, and a second sheet
// "Sources" with each source's title, URL, date and quote. Written by streaming, so a large table is
// not held in memory twice.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export type XlsxCell = string | number | boolean | null | undefined;
export type XlsxColumn = { header: string; width?: number; numFmt?: string };
export type XlsxSheet = { name: string; columns: XlsxColumn[]; rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]> };
export type XlsxSource = { title: string; url: string | null; publishedOn: string | null; quote?: string | null };

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
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: "middle", wrapText: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  header.commit();
  const add = (row: XlsxCell[]) => worksheet.addRow(row.map((cell) => (cell === undefined ? null : cell))).commit();
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
export async function xlsxBuffer(sheets: XlsxSheet[], sources: XlsxSource[] | (() => XlsxSource[])): Promise<Buffer> {
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
  await writeSheet(workbook, {
    name: "Sources",
    columns: [
      { header: "#", width: 5 },
      { header: "Title" },
      { header: "URL", width: 50 },
      { header: "Published", width: 12 },
      { header: "Quote", width: 70 },
    ],
    rows: (typeof sources === "function" ? sources() : sources).map((s, i) => [i + 1, s.title, s.url, s.publishedOn, s.quote ?? null]),
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
