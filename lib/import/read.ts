// Reads the files of a data package into tables of text rows: CSV (UTF-8 with or without BOM, or
// GB18030 as Chinese Excel saves it) and XLSX workbooks (one sheet per table). Streams: rows are
// yielded as they are parsed, so a large file is never held in memory whole.
import { Readable } from "node:stream";
import { csvRecordBatches } from "./csv-records.ts";
import { toIsoDate } from "../domain/dates.ts";
import ExcelJS from "exceljs";
import { checkHeader, guessTable } from "./columns.ts";
import { inspectWorkbook, WorkbookRefused, type WorkbookLimits } from "./zip.ts";
import { AppError } from "../errors.ts";
import { TABLES, type RowProblem, type TableName } from "../domain/imports.ts";

/** A file of a package: its name and a way to read its bytes (possibly more than once). */
export type PackageFile = { name: string; open: () => Readable; size?: number };

export type SourceRow = { row: number; cells: Record<string, string> };

export type TableSource = {
  table: TableName;
  file: string;
  columns: string[];
  /** The rows in batches, in file order: a large table is read without a promise per row. */
  batches: () => AsyncIterable<SourceRow[]>;
  /** How far the current pass over the file has read, 0 to 1 (0 when the size is unknown). */
  progress: () => number;
};

/** Counts the bytes that flow through, for progress reports. */
function counting(file: PackageFile, counter: { bytes: number }): Readable {
  counter.bytes = 0;
  const input = file.open();
  input.on("data", (chunk: Buffer) => (counter.bytes += chunk.length));
  return input;
}

function fraction(file: PackageFile, counter: { bytes: number }): () => number {
  return () => (file.size ? Math.min(1, counter.bytes / file.size) : 0);
}

export type OpenedPackage = { sources: TableSource[]; problems: RowProblem[] };

export class ReadError extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.message);
    this.name = "ReadError";
  }
}

function csvFileBatches(file: PackageFile, counter = { bytes: 0 }): AsyncIterable<string[][]> {
  return csvRecordBatches(() => counting(file, counter));
}

/** The rows of a table one by one. */
export async function* tableRows(source: Pick<TableSource, "batches">): AsyncIterable<SourceRow> {
  for await (const batch of source.batches()) yield* batch;
}

// Rows per batch at most: a chunk of a file can hold the whole file (an upload held in memory), and a
// batch's rows are all alive at once; a cancelled import stops within a batch's rows.
const ROW_BATCH = 1_000;

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

function toCells(columns: readonly string[], values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (let index = 0; index < columns.length; index += 1) {
    const column = columns[index]!;
    if (column !== "") cells[column] = values[index] ?? "";
  }
  return cells;
}

/**
 * Why a row has more cells than the header: an unquoted comma, or — when the cells hold line breaks and
 * there are about two rows' worth of them — lines that ran together because the file mixes line endings
 * (the parser takes the first line's ending, CRLF, LF or CR, for every line).
 */
function tooManyCells(row: number, values: readonly string[], columns: number): string {
  const counted = `Row ${row} has ${values.length} cells but the header has ${columns} columns`;
  if (values.length >= 2 * columns - 1 && values.some((value) => /[\r\n]/.test(value))) {
    return `${counted}: the file mixes line endings (CRLF, LF and CR), so lines ran together from here. Save it again as CSV, or convert it so that every line ends the same way`;
  }
  return `${counted} (an unquoted comma in a value?)`;
}

function csvError(error: unknown, file: string, table: TableName | "file", row: number): ReadError {
  const message = error instanceof Error ? error.message : String(error);
  return new ReadError({ table, file, row, message: `${file} could not be read near row ${row}: ${message}` });
}

async function openCsv(file: PackageFile): Promise<OpenedPackage> {
  let header: string[] | undefined;
  try {
    for await (const batch of csvFileBatches(file)) {
      header = batch[0];
      break;
    }
  } catch (error) {
    throw csvError(error, file.name, "file", 1);
  }
  if (!header || isBlank(header)) {
    return {
      sources: [],
      problems: [{ table: "file", file: file.name, row: 1, message: `${file.name} is empty: the first row must be the header` }],
    };
  }
  const table = guessTable(file.name, header);
  if (!table) {
    return {
      sources: [],
      problems: [
        {
          table: "file",
          file: file.name,
          row: 1,
          message: `Cannot tell which table ${file.name} holds: name it ${TABLES.map((t) => `${t}.csv`).join(", ")} or give it that table's columns`,
        },
      ],
    };
  }
  const checked = checkHeader(table, header, file.name);
  if (checked.fatal) return { sources: [], problems: checked.problems };
  const columns = checked.columns;
  const counter = { bytes: 0 };
  const batches = async function* (): AsyncIterable<SourceRow[]> {
    let row = 0;
    try {
      for await (const records of csvFileBatches(file, counter)) {
        const rows: SourceRow[] = [];
        for (const values of records) {
          row += 1;
          if (row === 1) continue;
          if (isBlank(values)) continue;
          if (values.length > columns.length && !isBlank(values.slice(columns.length))) {
            // The rows before it in this batch are given first, as they would be one by one.
            if (rows.length) yield rows.splice(0);
            throw new ReadError({ table, file: file.name, row, message: tooManyCells(row, values, columns.length) });
          }
          rows.push({ row, cells: toCells(columns, values) });
          if (rows.length >= ROW_BATCH) yield rows.splice(0);
        }
        if (rows.length) yield rows;
      }
    } catch (error) {
      if (error instanceof ReadError) throw error;
      throw csvError(error, file.name, table, row + 1);
    }
  };
  return { sources: [{ table, file: file.name, columns, batches, progress: fraction(file, counter) }], problems: checked.problems };
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return toIsoDate(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return cellText((value.result ?? "") as CellValue);
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return "";
}

/** How long ExcelJS may wait without reading a byte before the workbook counts as unreadable. */
export const STALL_MS = 10_000;

/**
 * The rows of every sheet, as ExcelJS streams them. A watchdog ends the read with an error when ExcelJS
 * waits STALL_MS without reading a byte (its reader can wait forever on a damaged archive); time spent
 * by the caller between rows does not count.
 */
export async function* sheetRows(
  file: PackageFile,
  counter = { bytes: 0 },
  stallMs = STALL_MS,
): AsyncIterable<{ sheet: string; row: number; values: string[] }> {
  const input = counting(file, counter);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let waitingSince: number | undefined;
  let seen = -1;
  let stall: (error: Error) => void = () => undefined;
  const stalled = new Promise<never>((_, reject) => (stall = reject));
  stalled.catch(() => undefined);
  const watchdog = setInterval(
    () => {
      if (waitingSince === undefined) return;
      if (counter.bytes !== seen) {
        seen = counter.bytes;
        waitingSince = Date.now();
      } else if (Date.now() - waitingSince >= stallMs) {
        stall(new Error(`the reader stopped after ${counter.bytes} bytes (a damaged workbook?)`));
        input.destroy();
      }
    },
    Math.min(1000, stallMs / 4),
  );
  const next = async <T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    waitingSince = Date.now();
    try {
      return await Promise.race([iterator.next(), stalled]);
    } finally {
      waitingSince = undefined;
    }
  };
  try {
    const sheets = reader[Symbol.asyncIterator]();
    for (let sheetItem = await next(sheets); !sheetItem.done; sheetItem = await next(sheets)) {
      const worksheet = sheetItem.value;
      const sheet = String((worksheet as unknown as { name?: string }).name ?? "");
      const rows = (worksheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let rowItem = await next(rows); !rowItem.done; rowItem = await next(rows)) {
        const raw = rowItem.value.values as CellValue[];
        // ExcelJS rows are 1-based: values[0] is always empty.
        yield { sheet, row: rowItem.value.number, values: raw.slice(1).map(cellText) };
      }
    }
  } finally {
    clearInterval(watchdog);
  }
}

async function openWorkbook(file: PackageFile, limits: WorkbookLimits): Promise<OpenedPackage> {
  // Before ExcelJS reads a byte: is this a workbook at all, and not one that would unpack to gigabytes?
  try {
    await inspectWorkbook(file.open, file.name, limits);
  } catch (error) {
    if (!(error instanceof WorkbookRefused)) throw error;
    throw new AppError(error.kind === "unsupported" ? "unsupported_media_type" : "payload_too_large", error.message, { file: file.name });
  }
  // First pass: headers of every sheet. Rows are read again per table when the importer asks.
  const headers = new Map<string, string[]>();
  try {
    for await (const { sheet, values } of sheetRows(file)) {
      if (!headers.has(sheet) && !isBlank(values)) headers.set(sheet, values);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ReadError({ table: "file", file: file.name, row: 0, message: `${file.name} is not a readable XLSX workbook: ${message}` });
  }
  const problems: RowProblem[] = [];
  const sources: TableSource[] = [];
  if (headers.size === 0) {
    problems.push({
      table: "file",
      file: file.name,
      row: 0,
      message: `${file.name} holds no table: no sheet has a header row (is the workbook empty or damaged?)`,
    });
  }
  const lone = headers.size === 1;
  for (const [sheet, header] of headers) {
    const name = `${file.name} › ${sheet}`;
    const table = (TABLES as readonly string[]).includes(sheet.trim().toLowerCase())
      ? (sheet.trim().toLowerCase() as TableName)
      : lone
        ? guessTable(sheet, header)
        : undefined;
    if (!table) {
      problems.push({
        table: "file",
        file: name,
        row: 0,
        message: `Unknown sheet '${sheet}' in ${file.name}: name each sheet after its table (${TABLES.join(", ")})`,
      });
      continue;
    }
    const checked = checkHeader(table, header, name);
    problems.push(...checked.problems);
    if (checked.fatal) continue;
    const columns = checked.columns;
    const counter = { bytes: 0 };
    sources.push({
      table,
      file: name,
      columns,
      progress: fraction(file, counter),
      batches: async function* () {
        let seenHeader = false;
        let rows: SourceRow[] = [];
        for await (const { sheet: current, row, values } of sheetRows(file, counter)) {
          if (current !== sheet) continue;
          if (!seenHeader) {
            if (!isBlank(values)) seenHeader = true;
            continue;
          }
          if (isBlank(values)) continue;
          rows.push({ row, cells: toCells(columns, values) });
          if (rows.length >= ROW_BATCH) {
            yield rows;
            rows = [];
          }
        }
        if (rows.length) yield rows;
      },
    });
  }
  return { sources, problems };
}

/** Opens every file of a package. Unreadable files become problems; nothing is imported from them. */
export async function openPackage(files: readonly PackageFile[], limits: WorkbookLimits): Promise<OpenedPackage> {
  const opened: OpenedPackage = { sources: [], problems: [] };
  if (files.length === 0) {
    opened.problems.push({ table: "file", row: 0, message: "No file was given" });
    return opened;
  }
  for (const file of files) {
    const extension = file.name.toLowerCase().split(".").pop();
    try {
      const result =
        extension === "xlsx"
          ? await openWorkbook(file, limits)
          : extension === "csv" || extension === "txt"
            ? await openCsv(file)
            : {
                sources: [],
                problems: [
                  { table: "file" as const, file: file.name, row: 0, message: `${file.name}: only .csv and .xlsx files can be imported` },
                ],
              };
      opened.sources.push(...result.sources);
      opened.problems.push(...result.problems);
    } catch (error) {
      if (error instanceof ReadError) opened.problems.push(error.problem);
      else throw error;
    }
  }
  if (opened.sources.length === 0 && opened.problems.length === 0) {
    opened.problems.push({ table: "file", row: 0, message: `The package holds no table: give at least one of ${TABLES.join(", ")}` });
  }
  const seen = new Map<TableName, string>();
  for (const source of opened.sources) {
    const earlier = seen.get(source.table);
    if (earlier) {
      opened.problems.push({
        table: source.table,
        file: source.file,
        row: 0,
        message: `Two files hold the ${source.table} table (${earlier} and ${source.file}): merge them into one`,
      });
    }
    seen.set(source.table, source.file);
  }
  return opened;
}

/** A package file backed by bytes in memory. */
export function bufferFile(name: string, bytes: Uint8Array): PackageFile {
  return { name, size: bytes.length, open: () => Readable.from([Buffer.from(bytes)]) };
}
