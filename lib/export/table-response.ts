// The one way a table leaves the app as a file: CSV (UTF-8 with BOM, Excel-safe) or an XLSX workbook with a
// Sources sheet, headers and sheet names in the reader's language. English CSV headers are the column codes of
// the data format, so an English CSV of figures imports again as it is; `lang=zh` writes Chinese headers.
import type { Locale } from "../domain/format.ts";
import { xlsxWords, type SheetName } from "../i18n/export-words.ts";
import { csvResponse, toCsv, type CsvValue } from "./csv.ts";
import { xlsxBuffer, xlsxResponse, type XlsxSource } from "./xlsx.ts";

/** A column by its code (the CSV header), with how Excel should store its cells. */
export type TableColumn = string | { code: string; kind?: "number" | "date"; width?: number };

export type TableFile = {
  /** The file's name without extension: "ftz-monitor-zones". */
  file: string;
  sheet: SheetName;
  columns: readonly TableColumn[];
  rows: readonly (readonly CsvValue[])[];
  /** The publications the rows cite, for the workbook's Sources sheet (each once). */
  sources?: readonly XlsxSource[];
};

const codeOf = (column: TableColumn) => (typeof column === "string" ? column : column.code);

/** Sources named once, by title and address. */
export function uniqueSources(sources: readonly XlsxSource[]): XlsxSource[] {
  return [...new Map(sources.map((s) => [`${s.title}\u0000${s.url ?? ""}`, s])).values()];
}

export async function tableResponse(format: "csv" | "xlsx", table: TableFile, locale: Locale = "en"): Promise<Response> {
  const words = xlsxWords(locale);
  const headers = table.columns.map((c) => words.header(codeOf(c)));
  if (format === "csv") return csvResponse(toCsv(headers, table.rows), `${table.file}.csv`);
  const columns = table.columns.map((c, i) => ({
    header: headers[i] ?? codeOf(c),
    ...(typeof c === "string" ? {} : { ...(c.kind ? { kind: c.kind } : {}), ...(c.width ? { width: c.width } : {}) }),
  }));
  const rows = table.rows.map((r) => [...r]);
  return xlsxResponse(
    await xlsxBuffer([{ name: words.sheets[table.sheet], columns, rows }], uniqueSources(table.sources ?? []), locale),
    `${table.file}.xlsx`,
  );
}
