// An import summary as plain text, for the command line and logs.
import { TABLES, type ImportSummary, type RowProblem } from "../domain/imports.ts";

function where(problem: RowProblem): string {
  const file = problem.file ?? problem.table;
  const row = problem.row > 0 ? ` row ${problem.row}` : "";
  const column = problem.column ? ` (${problem.column})` : "";
  return `${file}${row}${column}`;
}

export function formatSummaryText(summary: ImportSummary, maxListed = 50): string {
  const lines: string[] = [];
  const tables = TABLES.filter((t) => summary.tables[t]);
  if (tables.length) {
    const width = Math.max(...tables.map((t) => t.length), 5);
    lines.push(`  ${"table".padEnd(width)}       new   revised unchanged  rejected`);
    for (const table of tables) {
      const c = summary.tables[table];
      if (!c) continue;
      lines.push(`  ${table.padEnd(width)} ${[c.new, c.revised, c.unchanged, c.rejected].map((n) => String(n).padStart(9)).join(" ")}`);
    }
  }
  lines.push(
    `  ${summary.errorCount} error${summary.errorCount === 1 ? "" : "s"}, ${summary.warningCount} warning${summary.warningCount === 1 ? "" : "s"}`,
  );
  for (const error of summary.errors.slice(0, maxListed)) lines.push(`  ✗ ${where(error)}: ${error.message}`);
  if (summary.errorCount > maxListed) lines.push(`  … and ${summary.errorCount - maxListed} more errors`);
  for (const warning of summary.warnings.slice(0, maxListed)) lines.push(`  ! ${where(warning)}: ${warning.message}`);
  if (summary.warningCount > maxListed) lines.push(`  … and ${summary.warningCount - maxListed} more warnings`);
  if (summary.errorCount > 0) lines.push("Nothing was written: fix the rows above and import the file again.");
  else if (summary.dryRun) lines.push("Dry run: nothing was written. Run again without --dry-run to import.");
  else lines.push(`Imported (import #${summary.importId ?? "?"}) in ${(summary.durationMs / 1000).toFixed(1)} s.`);
  return lines.join("\n");
}
