// The observations table of a package: each row checked (mapping, pure), staged and merged by the
// observation writer (COPY and one set-based statement per chunk), its counts, conflicts and revisions
// tallied, then the plausibility warnings of what this import wrote.
import { MAX_LISTED } from "../../domain/imports.ts";
import { magnitudeSlip } from "../../domain/plausibility.ts";
import type { RowWarning } from "../../domain/imports.ts";
import { findImplausible } from "../../db/queries/plausibility.ts";
import { MappingMemo, mapObservationRow } from "../map.ts";
import { ObservationWriter, revisionChanges, type MergeOutcome } from "../observation-writer.ts";
import type { TableImport } from "./context.ts";

export async function importObservations(run: TableImport): Promise<void> {
  const { tx, importId, catalog, tally, table } = run;
  const { source } = table;
  const writer = await ObservationWriter.open(
    tx,
    importId,
    run.sources,
    MAX_LISTED - tally.revisions.length,
    Math.max(0, MAX_LISTED - tally.errors.length),
  );
  try {
    const memo = new MappingMemo();
    for await (const batch of table.batches()) {
      for (const { row, cells } of batch) {
        const mapped = mapObservationRow(cells, row, catalog, source.file, memo);
        if (!mapped.ok) {
          tally.reject("observations", mapped.errors);
          continue;
        }
        tally.addWarnings(mapped.warnings);
        // A figure given twice is found by the database, chunk by chunk (observation-writer.ts).
        const due = writer.add(row, mapped.value);
        if (due) await due;
      }
    }
    table.progress("writing");
    tallyMerge(run, await writer.finish());
    tally.addWarnings(await plausibilityWarnings(run));
  } catch (error) {
    // The connection must be idle before the transaction is rolled back.
    await writer.settle().catch(() => undefined);
    throw error;
  }
}

function tallyMerge({ tally, table }: TableImport, merged: MergeOutcome): void {
  tally.count("observations", "new", merged.added);
  tally.count("observations", "unchanged", merged.unchanged);
  tally.count("observations", "revised", merged.revised);
  tally.count("observations", "rejected", merged.conflictCount);
  tally.errorCount += merged.conflictCount - merged.conflicts.length;
  tally.addErrors(
    merged.conflicts.map((c) => ({
      table: "observations" as const,
      file: table.source.file,
      row: c.row,
      column: "value",
      message: `Row ${c.earlier} has the same zone, indicator, period and basis with a different value: keep one of the two`,
    })),
  );
  for (const r of merged.revisions) {
    tally.listRevision({ table: "observations", row: r.row, key: r.key, changes: revisionChanges(r.before, r.after) });
  }
}

/** The figures this import wrote that look wrong beside their neighbours, as warnings on their rows. */
async function plausibilityWarnings({ tx, importId, table }: TableImport): Promise<RowWarning[]> {
  const file = table.source.file;
  const warnings: RowWarning[] = [];
  for (const r of await findImplausible(tx, importId)) {
    const row = r.row ?? 0;
    const neighbourEnd = r.prev_value !== null ? r.prev_end : r.next_end;
    const exponent = magnitudeSlip(r.value, r.prev_value ?? r.next_value, r.unit === "percent");
    if (exponent !== null) {
      warnings.push({
        table: "observations",
        file,
        row,
        column: "unit",
        kind: "magnitude",
        message: `Value is about 10^${exponent} times the figure for the period ending ${neighbourEnd}: check 万/亿 in the unit`,
      });
    } else if (r.basis === "cumulative" || r.basis === "ytd") {
      const label = r.basis === "cumulative" ? "cumulative" : "year-to-date";
      const kind = r.basis === "cumulative" ? "cumulative_down" : "ytd_down";
      const message =
        r.prev_value !== null && r.value < r.prev_value
          ? `This ${label} total (${r.value}) is smaller than the one for the period ending ${r.prev_end} (${r.prev_value})`
          : `This ${label} total (${r.value}) is larger than the later one for the period ending ${r.next_end} (${r.next_value})`;
      warnings.push({ table: "observations", file, row, column: "value", kind, message });
    }
  }
  return warnings.sort((a, b) => a.row - b.row);
}
