// What a caller tells an import (dry run, who, through which door, progress, cancelling) and the
// progress reports it gets back.
import type { TableName } from "../domain/imports.ts";
import type { WorkbookLimits } from "./zip.ts";

export type ImportChannel = "seed" | "upload" | "api" | "cli";

export type ImportProgress = {
  table: TableName;
  /** Rows read and checked so far in this table. */
  rows: number;
  /** Share of the table's bytes read, 0 to 1 (0 when the size is unknown). */
  fraction: number;
  rowsPerSecond: number;
  /** At the rate so far, for the rest of the file; null when it cannot be told. */
  secondsLeft: number | null;
  stage: "reading" | "writing";
};

export type ImportOptions = {
  dryRun: boolean;
  actor: string;
  channel: ImportChannel;
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the import: it stops at the next row and rolls back, writing nothing. */
  signal?: AbortSignal;
  /** What a workbook may unpack to and declare; by default the settings (FTZ_IMPORT_MAX_UNPACKED_BYTES, …). */
  limits?: WorkbookLimits;
};
