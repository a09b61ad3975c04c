// The rows of one table as the importer reads them: a read failure becomes a row problem, a header with
// no rows is one too, a cancelled import stops at the next batch of rows, and progress (rows, rate, time left)
// is reported as it goes. Large tables are read in batches (a chunk of the file each), small ones row by row.
import type { ImportOptions, ImportProgress } from "./options.ts";
import { ReadError, type SourceRow, type TableSource } from "./read.ts";
import type { ImportTally } from "./tally.ts";

const PROGRESS_EVERY = 5_000;

export class TableRows {
  private count = 0;
  private started = 0;

  constructor(
    readonly source: TableSource,
    private readonly tally: ImportTally,
    private readonly options: Pick<ImportOptions, "onProgress" | "signal">,
  ) {}

  /** The rows one by one (small tables). */
  async *rows(): AsyncIterable<SourceRow> {
    for await (const batch of this.batches()) yield* batch;
  }

  /** The rows in batches, in file order (large tables: no promise per row). */
  async *batches(): AsyncIterable<SourceRow[]> {
    const { source } = this;
    this.count = 0;
    this.started = performance.now();
    let reported = 0;
    try {
      for await (const batch of source.batches()) {
        this.options.signal?.throwIfAborted();
        this.count += batch.length;
        if (this.count - reported >= PROGRESS_EVERY) {
          reported = this.count - (this.count % PROGRESS_EVERY);
          this.progress("reading");
        }
        yield batch;
      }
      if (this.count === 0) {
        // A header with nothing under it is almost always an export gone wrong, not an intent.
        this.tally.addErrors([
          {
            table: source.table,
            file: source.file,
            row: 2,
            message: `${source.file} has a header but no rows: ${source.table} holds no rows`,
          },
        ]);
      }
    } catch (error) {
      if (error instanceof ReadError) this.tally.addErrors([error.problem]);
      else throw error;
    }
    this.progress("reading", 1);
  }

  /**
   * Reports how far the table has got: rows read and checked, their rate since the table began, and the
   * time left at that rate for the bytes not read yet (unknown without the file's size). "writing" is
   * the work after the last row: the last chunk's merge and the plausibility check.
   */
  progress(stage: ImportProgress["stage"], fraction = this.source.progress()): void {
    if (!this.options.onProgress) return;
    const seconds = (performance.now() - this.started) / 1000;
    const rowsPerSecond = seconds > 0 ? Math.round(this.count / seconds) : 0;
    const secondsLeft = stage === "reading" && fraction > 0 ? Math.round((seconds * (1 - fraction)) / fraction) : null;
    this.options.onProgress({ table: this.source.table, rows: this.count, fraction, rowsPerSecond, secondsLeft, stage });
  }
}
