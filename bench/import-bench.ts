// Import benchmark: the synthetic package through lib/import's importPackage into PostgreSQL (rows/s,
// peak RSS of the importing process, each run in a process of its own: bench/import-step.ts), beside
// PostgreSQL's own COPY of the same observations.csv into a scratch table and an in-server INSERT … SELECT
// into a copy of observations — the floors of what loading these rows costs on this server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection.ts";
import { prepareDatabase } from "../lib/bootstrap.ts";
import { folderFiles } from "../lib/import/seed.ts";
import { importPackage } from "../lib/import/run.ts";
import type { ImportSummary } from "../lib/domain/imports.ts";
import { copyDatabase, databaseUrl, dropDatabase, withClient } from "./database.ts";
import { OBSERVATION_COLUMNS } from "./synthetic.ts";
import { collectGarbage, median, now, RssSampler } from "./stats.ts";

export type ImportRun = { seconds: number; rowsPerSecond: number; peakRssMb: number; baselineRssMb: number };
export type CopyMethod = "psql COPY FROM STDIN" | "multi-row INSERT (pg)";

export type ImportResult = {
  observations: number;
  runs: ImportRun[];
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  copy: { method: CopyMethod; runs: number[]; seconds: number; rowsPerSecond: number };
  /** How many times slower the importer is than COPY (import seconds / COPY seconds). */
  ratio: number;
  /**
   * The imported rows copied inside the server into an empty table like observations, with all its
   * indexes, in one transaction: what writing these rows into this table costs at the least, before
   * any parsing, checking or data transfer.
   */
  indexedInsert?: { seconds: number; rowsPerSecond: number; indexes: number };
  /** Importer seconds / floor seconds, both measured in this run: what issue 18 asks to bring within 1.5×. */
  floorRatio?: number;
  /** The same package into a fresh embedded database (PGlite) in this process, once. */
  embedded?: ImportRun;
  summary: { new: number; warnings: number; errors: number };
  observationsTableMb: number;
};

/** Creates `name` (migrated, with the seed packages) as the template every import run copies. */
export async function prepareTemplate(adminUrl: string, name: string): Promise<void> {
  const db = await openDatabase({ url: databaseUrl(adminUrl, name) }, "benchmark");
  try {
    await prepareDatabase(db, { seed: true });
  } finally {
    await db.close();
  }
}

/** Imports the package at `dir` into database `name`; the summary and what it took. */
export async function importInto(
  adminUrl: string,
  name: string,
  dir: string,
  onProgress?: (rows: number) => void,
): Promise<{ summary: ImportSummary; seconds: number; peakRss: number; baselineRss: number }> {
  return importTimed({ url: databaseUrl(adminUrl, name) }, dir, onProgress);
}

/** Imports the package at `dir` into an opened target: the summary, the seconds and the peak RSS of this process. */
export async function importTimed(
  target: DatabaseTarget,
  dir: string,
  onProgress?: (rows: number) => void,
): Promise<{ summary: ImportSummary; seconds: number; peakRss: number; baselineRss: number }> {
  const db = await openDatabase(target, "benchmark");
  try {
    const files = folderFiles(dir).map((f) => ({ ...f, size: fs.statSync(path.join(dir, f.name)).size }));
    collectGarbage();
    const baselineRss = process.memoryUsage.rss();
    const sampler = new RssSampler().start(50);
    const started = now();
    const summary = await importPackage(db.prisma, files, {
      dryRun: false,
      actor: "benchmark",
      channel: "cli",
      onProgress: (p) => (p.table === "observations" ? onProgress?.(p.rows) : undefined),
    });
    const seconds = (now() - started) / 1000;
    const peakRss = sampler.stop();
    if (!summary.committed) {
      const first = summary.errors.slice(0, 3).map((e) => `${e.file ?? e.table} row ${e.row} (${e.column}): ${e.message}`);
      throw new Error(`The import was not committed (${summary.errorCount} problems):\n  ${first.join("\n  ")}`);
    }
    return { summary, seconds, peakRss, baselineRss };
  } finally {
    await db.close();
  }
}

/**
 * VACUUM ANALYZE after a load, as autovacuum would do shortly after a large import: the measurements that
 * follow then see the plans of a settled database. Returns the size of the observations table with its indexes, in MB.
 */
export async function analyze(adminUrl: string, name: string): Promise<number> {
  return withClient(databaseUrl(adminUrl, name), async (c) => {
    await c.query("VACUUM ANALYZE");
    const row = (await c.query<{ bytes: string }>("SELECT pg_total_relation_size('observations') AS bytes")).rows[0];
    return Number(row?.bytes ?? 0) / 1024 / 1024;
  });
}

const SCRATCH = "bench_copy_scratch";

async function indexedInsertOnce(url: string): Promise<{ seconds: number; indexes: number }> {
  return withClient(url, async (c) => {
    const indexes =
      (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'observations'")).rows[0]?.n ?? 0;
    await c.query("DROP TABLE IF EXISTS bench_indexed_scratch");
    await c.query("CREATE TABLE bench_indexed_scratch (LIKE observations INCLUDING ALL)");
    const latest = "(SELECT max(import_id) FROM observations)";
    const started = now();
    await c.query("BEGIN");
    await c.query(`INSERT INTO bench_indexed_scratch SELECT * FROM observations WHERE import_id = ${latest}`);
    await c.query("COMMIT");
    const seconds = (now() - started) / 1000;
    await c.query("DROP TABLE bench_indexed_scratch");
    return { seconds, indexes };
  });
}

/** COPY of observations.csv into a scratch table of text columns (no indexes), through psql; or, without psql, multi-row INSERTs. */
async function copyOnce(url: string, file: string): Promise<{ seconds: number; rows: number; method: CopyMethod }> {
  await withClient(url, async (c) => {
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH}`);
    await c.query(`CREATE TABLE ${SCRATCH} (${OBSERVATION_COLUMNS.map((col) => `${col} text`).join(", ")})`);
  });
  const started = now();
  let method: CopyMethod = "psql COPY FROM STDIN";
  try {
    await psqlCopy(url, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    method = "multi-row INSERT (pg)";
    await insertCopy(url, file);
  }
  const seconds = (now() - started) / 1000;
  const rows = await withClient(url, async (c) => {
    const count = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCRATCH}`)).rows[0]?.n ?? 0;
    await c.query(`DROP TABLE ${SCRATCH}`);
    return count;
  });
  return { seconds, rows, method };
}

function psqlCopy(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "psql",
      [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", `COPY ${SCRATCH} FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`],
      { stdio: ["pipe", "ignore", "pipe"] },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY failed (${code}): ${errors}`))));
    fs.createReadStream(file).pipe(child.stdin);
  });
}

async function insertCopy(url: string, file: string): Promise<void> {
  await withClient(url, async (c) => {
    const width = OBSERVATION_COLUMNS.length;
    let batch: string[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const values = batch.map((_, r) => `(${OBSERVATION_COLUMNS.map((__, k) => `$${r * width + k + 1}`).join(", ")})`).join(", ");
      await c.query(`INSERT INTO ${SCRATCH} VALUES ${values}`, batch.flat());
      batch = [];
    };
    await c.query("BEGIN");
    for await (const record of fs.createReadStream(file).pipe(parseCsv({ from_line: 2 }))) {
      batch.push(record as string[]);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    await c.query("COMMIT");
  });
}

export type ImportBenchOptions = {
  adminUrl: string;
  template: string;
  /** The database the last run leaves behind, for the other benchmarks. */
  keepAs: string;
  dir: string;
  observations: number;
  runs: number;
  /** Also import into a fresh embedded database (PGlite), once. */
  embedded: boolean;
  log: (line: string) => void;
};

/**
 * The package into a fresh PGlite directory, once, the way the product imports into it: one process
 * migrates and seeds the directory (not timed), a second one imports, as `npm run import` or the server
 * would on a database that exists. Each runs as its own process (bench/embedded-import.ts), so the
 * import's peak RSS is its own and not that of creating the database (initdb grows PGlite's WebAssembly
 * memory, which is never given back) or of this benchmark's earlier work.
 */
export async function benchEmbedded(dir: string, observations: number, log: (line: string) => void): Promise<ImportRun> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-bench-pglite-"));
  const dataDir = path.join(root, "pglite");
  try {
    await importStep(["prepare", dataDir]);
    const outcome = await timedImportStep(dataDir, dir);
    const run: ImportRun = {
      seconds: outcome.seconds,
      rowsPerSecond: observations / outcome.seconds,
      peakRssMb: outcome.peakRss / 1024 / 1024,
      baselineRssMb: outcome.baselineRss / 1024 / 1024,
    };
    log(
      `  embedded (PGlite) import: ${run.seconds.toFixed(1)} s, ${Math.round(run.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${run.peakRssMb.toFixed(0)} MB (${run.baselineRssMb.toFixed(0)} MB before)`,
    );
    return run;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

type StepOutcome = { summary: ImportSummary; seconds: number; peakRss: number; baselineRss: number };

/** Imports the package at `dir` into `where` (a PGlite directory or a PostgreSQL URL) in a process of its own. */
async function timedImportStep(where: string, dir: string, onProgress?: (rows: number) => void): Promise<StepOutcome> {
  return JSON.parse(await importStep(["import", where, dir], onProgress)) as StepOutcome;
}

/** Runs bench/import-step.ts with `args` in a process of its own; its last line of output. */
function importStep(args: string[], onProgress?: (rows: number) => void): Promise<string> {
  const script = path.join(import.meta.dirname, "import-step.ts");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", script, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...(onProgress ? { FTZ_BENCH_PROGRESS: "1" } : {}) },
    });
    let out = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      // Progress lines are "rows N"; anything else is kept for the error message.
      for (const line of text.split("\n")) {
        const rows = /^rows (\d+)$/.exec(line.trim());
        if (rows) onProgress?.(Number(rows[1]));
        else if (line.trim()) errors = `${errors}${line}\n`.slice(-4000);
      }
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(out.trim().split("\n").at(-1) ?? "")
        : reject(new Error(`The import step '${args[0]}' failed (${code}): ${errors.trim().slice(-2000)}`)),
    );
  });
}

/** Runs the import `runs` times, each into a fresh copy of the template; the last copy stays (as `keepAs`). */
export async function benchImport(options: ImportBenchOptions): Promise<ImportResult> {
  const { adminUrl, template, dir, runs, log } = options;
  const results: ImportRun[] = [];
  let last: ImportSummary | undefined;
  for (let run = 0; run < runs; run += 1) {
    const name = run === runs - 1 ? options.keepAs : `${options.keepAs}_run${run}`;
    await copyDatabase(adminUrl, template, name);
    const progress = process.stderr.isTTY
      ? (rows: number) => process.stderr.write(`\r  import run ${run + 1}/${runs}: ${rows.toLocaleString("en")} rows   `)
      : undefined;
    // In a process of its own, as `npm run import` runs: the peak RSS is the import's alone.
    const outcome = await timedImportStep(databaseUrl(adminUrl, name), dir, progress);
    if (progress) process.stderr.write("\n");
    last = outcome.summary;
    const imported = outcome.summary.tables.observations?.new ?? 0;
    if (imported !== options.observations)
      throw new Error(`Expected ${options.observations} new observations, the import added ${imported}`);
    const result: ImportRun = {
      seconds: outcome.seconds,
      rowsPerSecond: options.observations / outcome.seconds,
      peakRssMb: outcome.peakRss / 1024 / 1024,
      baselineRssMb: outcome.baselineRss / 1024 / 1024,
    };
    results.push(result);
    log(
      `  import run ${run + 1}: ${result.seconds.toFixed(1)} s, ${Math.round(result.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
    );
    if (run < runs - 1) await dropDatabase(adminUrl, name);
  }

  const file = path.join(dir, "observations.csv");
  const copies: number[] = [];
  let method: CopyMethod = "psql COPY FROM STDIN";
  for (let run = 0; run < runs; run += 1) {
    const copy = await copyOnce(databaseUrl(adminUrl, options.keepAs), file);
    if (copy.rows !== options.observations) throw new Error(`COPY loaded ${copy.rows} rows, expected ${options.observations}`);
    copies.push(copy.seconds);
    method = copy.method;
    log(`  ${method} run ${run + 1}: ${copy.seconds.toFixed(1)} s`);
  }
  const floors: number[] = [];
  let indexes = 0;
  for (let run = 0; run < runs; run += 1) {
    const floor = await indexedInsertOnce(databaseUrl(adminUrl, options.keepAs));
    floors.push(floor.seconds);
    indexes = floor.indexes;
    log(
      `  INSERT … SELECT of the imported rows into a copy of observations with its ${indexes} indexes, run ${run + 1}: ${floor.seconds.toFixed(1)} s`,
    );
  }
  const indexedInsert = median(floors);
  const observationsTableMb = await analyze(adminUrl, options.keepAs);
  const embedded = options.embedded ? await benchEmbedded(dir, options.observations, log) : undefined;

  const seconds = median(results.map((r) => r.seconds));
  const copySeconds = median(copies);
  return {
    observations: options.observations,
    runs: results,
    seconds,
    rowsPerSecond: options.observations / seconds,
    // Each run in a fresh process: the largest of their peaks.
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    copy: { method, runs: copies, seconds: copySeconds, rowsPerSecond: options.observations / copySeconds },
    ratio: seconds / copySeconds,
    indexedInsert: { seconds: indexedInsert, rowsPerSecond: options.observations / indexedInsert, indexes },
    floorRatio: seconds / indexedInsert,
    ...(embedded ? { embedded } : {}),
    summary: { new: last?.tables.observations?.new ?? 0, warnings: last?.warningCount ?? 0, errors: last?.errorCount ?? 0 },
    observationsTableMb,
  };
}
