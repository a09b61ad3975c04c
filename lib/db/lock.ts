// A lock file beside the embedded database's directory. PGlite has no locking of its own and two
// processes on one directory corrupt it, so every process that opens it takes this lock first.
import fs from "node:fs";
import path from "node:path";
import { UnavailableError } from "../errors.ts";

export type LockInfo = { pid: number; port?: number; role: string; startedAt: string };

export class DatabaseBusyError extends UnavailableError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by another process (pid ${holder.pid}, ${holder.role}` +
        `${holder.port ? ` on port ${holder.port}` : ""}). Only one process may open it at a time: stop that process, ` +
        `or use a PostgreSQL server (DATABASE_URL) for several.`,
    );
    this.name = "DatabaseBusyError";
  }
}

export function lockPath(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who holds the lock now, or undefined when it is free (a lock left by a dead process counts as free). */
export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
    return typeof info.pid === "number" && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process; throws DatabaseBusyError when a live process holds it. */
export function acquireLock(dataDir: string, role: string, port?: number): () => void {
  const file = lockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = { pid: process.pid, role, startedAt: new Date().toISOString(), ...(port ? { port } : {}) };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      const onExit = () => {
        if (readLock(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once("exit", onExit);
      return () => {
        process.off("exit", onExit);
        onExit();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid) throw new DatabaseBusyError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale, or our own from an earlier open in this process
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
