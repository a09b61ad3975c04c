// What every table's import works with: the transaction, this import's id, the catalog of zones and
// indicators, the sources seen so far, the tally, and the table's rows.
import type { RowProblem } from "../../domain/imports.ts";
import type { Catalog } from "../catalog.ts";
import type { SourceCache, Tx } from "../persist.ts";
import type { ImportTally } from "../tally.ts";
import type { TableRows } from "../table-rows.ts";

export type TableImport = {
  tx: Tx;
  importId: number;
  catalog: Catalog;
  /** One source cache for the whole run: a bulletin's source is looked up once, not once per batch. */
  sources: SourceCache;
  tally: ImportTally;
  table: TableRows;
};

/** Lists the changes of the fields a table's file has, in the words of the import report: `field: before → after`. */
export function fieldChanges(): { changes: string[]; compare: (field: string, before: unknown, after: unknown) => void } {
  const changes: string[] = [];
  const compare = (field: string, before: unknown, after: unknown) => {
    if ((before ?? null) !== (after ?? null)) changes.push(`${field}: ${before ?? "—"} → ${after ?? "—"}`);
  };
  return { changes, compare };
}

/** The problem of a zone or indicator code that a file defines a second time. */
export function definedTwice(table: "zones" | "indicators", file: string, code: string, earlier: number, row: number): RowProblem {
  const what = table === "zones" ? "Zone" : "Indicator";
  return { table, file, row, column: "code", message: `${what} '${code}' is defined twice (rows ${earlier} and ${row})` };
}
