// A PostgreSQL primary and a streaming replica of it, for tests: initdb and pg_basebackup -R into
// temporary directories, on free ports, with a `host replication` line in the test primary's pg_hba.conf —
// the machine's own server is left alone. The binaries refuse to run as root, so they run as the postgres
// user in directories it owns. stop() stops both (immediate) and removes everything, also after a failure;
// a test file starts one pair and shares it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./server.ts";

/** The server's binaries: FTZ_TEST_PG_BIN, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
function binaries(): string {
  if (process.env.FTZ_TEST_PG_BIN) return process.env.FTZ_TEST_PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL server binaries under ${root}: set FTZ_TEST_PG_BIN to the folder with initdb and pg_ctl`);
  return path.join(root, newest, "bin");
}

let bin: string | undefined;

export type PgNode = { port: number; dir: string; url: (database: string) => string; start(): void; stop(): void };
export type ReplicatedPair = { primary: PgNode; replica: PgNode; root: string; stop(): void };

function asPostgres(command: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  bin ??= binaries();
  const program = path.join(bin, command);
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
}

function node(root: string, name: string, port: number, socketDir: string): PgNode {
  const dir = path.join(root, name);
  const log = path.join(root, `${name}.log`);
  return {
    port,
    dir,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () =>
      void asPostgres("pg_ctl", [
        "-D",
        dir,
        "-l",
        log,
        "-w",
        "-t",
        "60",
        "-o",
        `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`,
        "start",
      ]),
    stop: () => {
      try {
        asPostgres("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Not running — or pg_ctl could not stop it: then the postmaster of this directory is killed.
        const pid = Number(
          fs.existsSync(path.join(dir, "postmaster.pid")) ? fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0] : NaN,
        );
        if (Number.isInteger(pid) && pid > 0) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            /* gone */
          }
        }
      }
    },
  };
}

/** Starts a primary and a streaming replica of it (hot standby), each on a free port. */
export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-replication-"));
  const socketDir = path.join(root, "sockets");
  fs.mkdirSync(socketDir);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", root]);
  const primary = node(root, "primary", await freePort(), socketDir);
  const replica = node(root, "replica", await freePort(), socketDir);
  const stop = () => {
    process.off("exit", stop);
    replica.stop();
    primary.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  // Also when the test process ends without its afterAll (a timeout, an interrupt): nothing is left behind.
  process.once("exit", stop);
  try {
    asPostgres("initdb", ["-D", primary.dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    fs.appendFileSync(path.join(primary.dir, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
    // Small and quick: the tests need a few connections per app instance, not a tuned server.
    fs.appendFileSync(
      path.join(primary.dir, "postgresql.conf"),
      "\nfsync = off\nsynchronous_commit = on\nshared_buffers = 32MB\nmax_connections = 60\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n",
    );
    primary.start();
    asPostgres("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", replica.dir, "-R", "-X", "stream"]);
    replica.start();
    await waitForReplication(primary, replica);
    return { primary, replica, root, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function waitForReplication(primary: PgNode, replica: PgNode): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: primary.url("postgres") });
    try {
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'");
      if ((rows[0]?.n ?? 0) > 0) return;
    } catch {
      /* starting */
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The replica on port ${replica.port} did not start streaming from the primary on port ${primary.port}`);
}

/** Runs one statement on a node's database with a fresh connection. */
export async function queryNode<Row extends object>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until the replica has replayed everything the primary had written when this was called. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 20_000): Promise<void> {
  const [row] = await queryNode<{ lsn: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [done] = await queryNode<{ ok: boolean }>(replicaUrl, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [row?.lsn]);
    if (done?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The replica did not replay the primary's writes in time");
}
