// npm run import -- <file-or-folder> [more …] [--dry-run] [--json] [--actor NAME]
// Imports data packages through the same pipeline as the upload page and the API. With the embedded
// database, a running app owns it: the import then goes through that app's API (which needs
// FTZ_ADMIN_TOKEN), or is refused with what to do — it never opens the database behind the app's back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../lib/db/connection.ts";
import { readLock } from "../lib/db/lock.ts";
import { prepareDatabase } from "../lib/bootstrap.ts";
import { folderFiles } from "../lib/import/seed.ts";
import { EnvError, parseEnv } from "../lib/env.ts";
import { AppError } from "../lib/errors.ts";
import { afterDataChange } from "../lib/alerts/service.ts";
import { formatSummaryText } from "../lib/import/report.ts";
import type { PackageFile } from "../lib/import/read.ts";
import { importPackage, type ImportProgress } from "../lib/import/run.ts";
import type { ImportSummary } from "../lib/domain/imports.ts";

const USAGE = "Usage: npm run import -- <file-or-folder> [more …] [--dry-run] [--json] [--actor NAME]";

class UsageError extends Error {}
class CancelledError extends Error {}

/** One progress line: rows, share of the file, rate, and time left at that rate. */
function progressLine(p: ImportProgress): string {
  const rows = `${p.table}: ${p.rows.toLocaleString("en")} rows`;
  if (p.stage === "writing") return `${rows}, ${p.rowsPerSecond.toLocaleString("en")} rows/s — writing the last rows and checking …`;
  const share = p.fraction ? ` (${Math.round(p.fraction * 100)}%)` : "";
  const left = p.secondsLeft === null ? "" : `, about ${formatSeconds(p.secondsLeft)} left`;
  return `${rows}${share}, ${p.rowsPerSecond.toLocaleString("en")} rows/s${left}`;
}

function formatSeconds(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

type Args = { paths: string[]; dryRun: boolean; json: boolean; actor: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], dryRun: false, json: false, actor: os.userInfo().username || "cli" };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--json") args.json = true;
    else if (arg === "--actor") args.actor = argv[++i] ?? args.actor;
    else if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}. ${USAGE}`);
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) throw new UsageError(`Name a file or folder to import. ${USAGE}`);
  return args;
}

function collectFiles(paths: string[]): PackageFile[] {
  return paths.flatMap((given) => {
    const full = path.resolve(given);
    if (!fs.existsSync(full)) throw new UsageError(`No such file or folder: ${given}`);
    if (fs.statSync(full).isDirectory()) {
      const files = folderFiles(full).map((f) => ({ ...f, size: fs.statSync(path.join(full, f.name)).size }));
      if (files.length === 0) throw new UsageError(`${given} holds no .csv or .xlsx file`);
      return files;
    }
    return [{ name: path.basename(full), size: fs.statSync(full).size, open: () => fs.createReadStream(full) }];
  });
}

async function throughRunningApp(port: number, token: string | undefined, files: string[], args: Args): Promise<ImportSummary> {
  if (!token) {
    throw new UsageError(
      `The app is running on the embedded database (port ${port}), and only one process may open it. ` +
        `Set FTZ_ADMIN_TOKEN to the app's admin token to import through the running app, or stop the app and run this again.`,
    );
  }
  if (!args.json) console.error(`The app is running on this database (port ${port}): importing through it.`);
  const form = new FormData();
  for (const file of files) form.append("file", await fs.openAsBlob(file), path.basename(file));
  const response = await fetch(`http://127.0.0.1:${port}/api/imports?dryRun=${args.dryRun ? 1 : 0}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "x-actor": args.actor },
    body: form,
  });
  const body = (await response.json()) as ImportSummary | { error: { message: string } };
  if ("error" in body) throw new UsageError(`The running app refused the import (${response.status}): ${body.error.message}`);
  return body;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const env = parseEnv();
  const files = collectFiles(args.paths);
  let summary: ImportSummary;
  const holder = env.databaseUrl ? undefined : readLock(env.dataDir);
  if (holder && holder.pid !== process.pid) {
    if (!holder.port)
      throw new UsageError(
        `The embedded database at ${env.dataDir} is in use by another process (pid ${holder.pid}, ${holder.role}). Wait for it to finish.`,
      );
    const paths = args.paths.flatMap((p) =>
      fs.statSync(p).isDirectory() ? folderFiles(path.resolve(p)).map((f) => path.join(path.resolve(p), f.name)) : [path.resolve(p)],
    );
    summary = await throughRunningApp(holder.port, env.adminToken, paths, args);
  } else {
    const db = await openDatabase(env.databaseUrl ? { url: env.databaseUrl } : { dataDir: env.dataDir }, "import (command line)");
    try {
      await prepareDatabase(db, { seed: env.seed });
      // Ctrl-C cancels: the import stops at the next row and its transaction rolls back.
      const cancel = new AbortController();
      process.once("SIGINT", () => {
        if (!args.json) process.stderr.write("\n  cancelling: nothing will be written …\n");
        cancel.abort();
      });
      try {
        summary = await importPackage(db.prisma, files, {
          dryRun: args.dryRun,
          actor: args.actor,
          channel: "cli",
          signal: cancel.signal,
          onProgress: args.json ? undefined : (p) => process.stderr.write(`\r  ${progressLine(p)}\u001b[K`),
        });
      } catch (error) {
        if (cancel.signal.aborted) throw new CancelledError();
        throw error;
      }
      if (!args.json) process.stderr.write("\n");
      if (summary.committed)
        await afterDataChange(db.prisma).catch((error: unknown) => console.error("ftz-monitor: refreshing alerts failed:", error));
    } finally {
      await db.close();
    }
  }
  if (args.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(`${summary.files.join(", ")}${summary.dryRun ? " (dry run)" : ""}\n${formatSummaryText(summary)}`);
  return summary.errorCount > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CancelledError) {
      console.error("Cancelled: the import was rolled back and nothing was written.");
      process.exit(130);
    }
    if (error instanceof UsageError || error instanceof EnvError || error instanceof AppError) console.error(error.message);
    else if (
      error instanceof Error &&
      (error.name === "DatabaseUnavailableError" || error.name === "DatabaseBusyError" || error.name === "MigrationError")
    )
      console.error(error.message);
    else console.error(error);
    process.exit(2);
  },
);
