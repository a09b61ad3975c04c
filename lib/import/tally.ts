// What an import did, table by table: counts of new, revised, unchanged and rejected rows, the first
// problems, warnings and revisions (up to MAX_LISTED each) and how many there were in all.
import {
  emptyCounts,
  MAX_LISTED,
  TABLES,
  type RevisionDetail,
  type RowProblem,
  type RowWarning,
  type TableCounts,
  type TableName,
} from "../domain/imports.ts";

export class ImportTally {
  readonly counts: Partial<Record<TableName, TableCounts>> = {};
  readonly errors: RowProblem[] = [];
  readonly warnings: RowWarning[] = [];
  readonly revisions: RevisionDetail[] = [];
  errorCount = 0;
  warningCount = 0;

  count(table: TableName, outcome: keyof TableCounts, by = 1): void {
    const counts = (this.counts[table] ??= emptyCounts());
    counts[outcome] += by;
  }

  addErrors(problems: readonly RowProblem[]): void {
    this.errorCount += problems.length;
    for (const problem of problems) if (this.errors.length < MAX_LISTED) this.errors.push(problem);
  }

  addWarnings(warnings: readonly RowWarning[]): void {
    this.warningCount += warnings.length;
    for (const warning of warnings) if (this.warnings.length < MAX_LISTED) this.warnings.push(warning);
  }

  reject(table: TableName, problems: readonly RowProblem[]): void {
    this.count(table, "rejected");
    this.addErrors(problems);
  }

  /** A revised row: counted, and listed while the list has room. */
  revised(table: TableName, row: number, key: string, changes: string[]): void {
    this.count(table, "revised");
    this.listRevision({ table, row, key, changes });
  }

  /** Lists a revision counted elsewhere (the observations' merge counts its own). */
  listRevision(revision: RevisionDetail): void {
    if (this.revisions.length < MAX_LISTED) this.revisions.push(revision);
  }

  /** The counts of every table added up. */
  totals(): TableCounts {
    const sum = emptyCounts();
    for (const table of TABLES) {
      const c = this.counts[table];
      if (!c) continue;
      sum.new += c.new;
      sum.revised += c.revised;
      sum.unchanged += c.unchanged;
      sum.rejected += c.rejected;
    }
    return sum;
  }
}
