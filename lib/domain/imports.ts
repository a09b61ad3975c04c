// Shared shapes of the import pipeline: tables, problems, the summary every channel returns, and the
// import history as pages show it.
import type { IsoDate } from "../domain/dates.ts";
import type { Qualifier } from "../domain/vocabulary.ts";

export const TABLES = ["zones", "indicators", "observations", "targets", "events"] as const;
export type TableName = (typeof TABLES)[number];

/** A problem with one cell, row or header. `row` is the spreadsheet row (header = 1); 0 for the file itself. */
export type RowProblem = {
  table: TableName | "file";
  row: number;
  column?: string;
  message: string;
  /** The file (or sheet) the row is in, when a package has several. */
  file?: string;
};

export type WarningKind = "magnitude" | "cumulative_down" | "ytd_down" | "share_over_100" | "cumulative_start";
export type RowWarning = RowProblem & { kind: WarningKind };

export type TableCounts = { new: number; revised: number; unchanged: number; rejected: number };

export type RevisionDetail = {
  table: TableName;
  row: number;
  key: string;
  changes: string[];
};

export type ImportSummary = {
  dryRun: boolean;
  /** True when the import was written; false for a dry run or when any row was rejected. */
  committed: boolean;
  importId?: number;
  files: string[];
  tables: Partial<Record<TableName, TableCounts>>;
  totals: TableCounts;
  errorCount: number;
  /** The first errors (at most MAX_LISTED), errors first by row. */
  errors: RowProblem[];
  warningCount: number;
  warnings: RowWarning[];
  /** The first revised rows and what changed in them. */
  revisions: RevisionDetail[];
  durationMs: number;
};

export const MAX_LISTED = 1000;

export function emptyCounts(): TableCounts {
  return { new: 0, revised: 0, unchanged: 0, rejected: 0 };
}

export type ImportRecord = {
  id: number;
  createdAt: string;
  channel: string;
  actor: string;
  fileName: string;
  rowsNew: number;
  rowsRevised: number;
  rowsUnchanged: number;
  rowsRejected: number;
  warnings: number;
};

export type ImportChange = {
  observationId: number;
  zone: string;
  indicator: string;
  period: string;
  basis: string;
  periodEnd: IsoDate;
  /** What this import wrote, as published. */
  written: { value: number; publishedValue: number; publishedUnit: string; qualifier: Qualifier };
  /** The value this import replaced, when it revised a figure. */
  previous: { value: number; publishedValue: number; publishedUnit: string; qualifier: Qualifier } | null;
  /** The import that later replaced what this one wrote, if any. */
  laterImportId: number | null;
};

export type ImportDetail = ImportRecord & { summary: ImportSummary | null; changes: ImportChange[]; totalChanges: number };
