// The import pipeline: open the package, then in one transaction (imports serialised by a lock) read
// each table in order and write it (tables/), and commit only when nothing was rejected and this is
// not a dry run. A dry run does everything but the commit, so its counts are exactly what a commit
// would do.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.ts";
import { getEnv } from "../env.ts";
import { liftTimeouts } from "../db/transaction-connection.ts";
import { Catalog } from "./catalog.ts";
import { withBoundedHeap } from "./heap.ts";
import type { ImportOptions } from "./options.ts";
import { loadIndicators, loadZones, lockImports, SourceCache } from "./persist.ts";
import { openPackage, type PackageFile } from "./read.ts";
import { TableRows } from "./table-rows.ts";
import { ImportTally } from "./tally.ts";
import type { TableImport } from "./tables/context.ts";
import { importEvents } from "./tables/events.ts";
import { importIndicators } from "./tables/indicators.ts";
import { importObservations } from "./tables/observations.ts";
import { importTargets } from "./tables/targets.ts";
import { importZones } from "./tables/zones.ts";
import { TABLES, type ImportSummary, type TableName } from "../domain/imports.ts";

export type { ImportChannel, ImportOptions, ImportProgress } from "./options.ts";

const TRANSACTION_TIMEOUT_MS = 60 * 60 * 1000;

const IMPORT_TABLE: Record<TableName, (run: TableImport) => Promise<void>> = {
  zones: importZones,
  indicators: importIndicators,
  observations: importObservations,
  targets: importTargets,
  events: importEvents,
};

class Rollback extends Error {}

/** sha256 over the files' names and bytes, in name order: equal packages have equal checksums. */
export async function checksumFiles(files: readonly PackageFile[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`${file.name}\u0000`);
    for await (const chunk of file.open()) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

/**
 * Imports a data package. Returns the summary whether or not it was committed: `committed` is true only
 * when this was not a dry run and no row was rejected. Never writes part of a package.
 */
export function importPackage(prisma: PrismaClient, files: readonly PackageFile[], options: ImportOptions): Promise<ImportSummary> {
  return withBoundedHeap(() => runImport(prisma, files, options));
}

async function runImport(prisma: PrismaClient, files: readonly PackageFile[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const opened = await openPackage(files, options.limits ?? getEnv().workbookLimits);
  const checksum = await checksumFiles(files);
  const fileNames = files.map((f) => f.name);
  let outcome: { tally: ImportTally; importId: number } | undefined;
  const order = new Map(TABLES.map((table, index) => [table, index]));
  const sources = [...opened.sources].sort((a, b) => (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0));
  const byTable = (a: { table: string; row: number }, b: { table: string; row: number }) =>
    (order.get(a.table as TableName) ?? -1) - (order.get(b.table as TableName) ?? -1) || a.row - b.row;

  const summarize = (tally: ImportTally | undefined, committed: boolean, importId?: number): ImportSummary => ({
    dryRun: options.dryRun,
    committed,
    ...(importId !== undefined && committed ? { importId } : {}),
    files: fileNames,
    tables: tally?.counts ?? {},
    totals: (tally ?? new ImportTally()).totals(),
    errorCount: tally ? tally.errorCount : opened.problems.length,
    errors: [...(tally ? tally.errors : opened.problems)].sort(byTable),
    warningCount: tally?.warningCount ?? 0,
    warnings: [...(tally?.warnings ?? [])].sort(byTable),
    revisions: tally?.revisions ?? [],
    durationMs: Date.now() - started,
  });

  try {
    await prisma.$transaction(
      async (tx) => {
        const restoreTimeouts = await liftTimeouts(tx);
        try {
          await lockImports(tx);
          // A dry run is rolled back: give it an id outside the sequence so it leaves no gap in the history.
          const record = await tx.import.create({
            data: {
              ...(options.dryRun ? { id: -1 } : {}),
              channel: options.channel,
              actor: options.actor,
              fileName: fileNames.join(", "),
              checksum,
              dryRun: options.dryRun,
            },
          });
          const catalog = new Catalog(await loadZones(tx), await loadIndicators(tx));
          const tally = new ImportTally();
          const sourceCache = new SourceCache(tx);
          outcome = { tally, importId: record.id };
          tally.addErrors(opened.problems);
          for (const source of sources) {
            const table = new TableRows(source, tally, options);
            await IMPORT_TABLE[source.table]({ tx, importId: record.id, catalog, sources: sourceCache, tally, table });
          }
          const summary = summarize(tally, !options.dryRun && tally.errorCount === 0, record.id);
          if (options.dryRun || tally.errorCount > 0) throw new Rollback();
          await tx.import.update({
            where: { id: record.id },
            data: {
              rowsNew: summary.totals.new,
              rowsRevised: summary.totals.revised,
              rowsSame: summary.totals.unchanged,
              rowsRejected: summary.totals.rejected,
              warnings: summary.warningCount,
              summary: JSON.parse(JSON.stringify({ ...summary, durationMs: undefined })),
            },
          });
        } finally {
          restoreTimeouts();
        }
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return summarize(outcome?.tally, false);
  }
  // `committed` tells the caller the data changed: what derives from it (alerts) is the caller's to refresh.
  return summarize(outcome?.tally, true, outcome?.importId);
}
