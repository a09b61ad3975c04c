// Opens the database: an embedded PGlite directory, or a PostgreSQL server when a URL is given.
// Both come back as the same Prisma client, plus a raw script runner for migrations.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { acquireLock } from "./lock.ts";
import type { DatabaseTimeouts } from "../env.ts";
import { UnavailableError } from "../errors.ts";
import { routeReads, type ReadRouter, type RoutingHooks } from "./read-routing.ts";
import { exposeTransactions, liftClientTimeout } from "./transaction-connection.ts";

/**
 * A server's URL (with its timeouts; defaults when not given) and, optionally, read replicas of it with the hooks
 * that tie their routing to requests (lib/db/read-routing.ts); or an embedded database's directory.
 */
export type DatabaseTarget =
  { url: string; timeouts?: DatabaseTimeouts; readUrls?: string[]; readHooks?: RoutingHooks } | { dataDir: string };

const DEFAULT_TIMEOUTS: DatabaseTimeouts = { connectMs: 5000, statementMs: 10_000 };
/** How much longer than the server's statement timeout the client waits before it gives up on a silent server. */
const READ_GRACE_MS = 1000;

/** Runs SQL outside Prisma on one connection: what the migration runner needs. */
export interface ScriptRunner {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for messages: a directory or host:port/database (no password). */
  readonly location: string;
  /** The read replicas' router, once the first statement has connected; undefined without replicas. */
  readonly readRouter: ReadRouter | undefined;
  /** One dedicated connection for scripts (migrations); opened on first use. */
  withScriptRunner<T>(fn: (runner: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends UnavailableError {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`Cannot open the database (${location}): ${reason}`);
    this.name = "DatabaseUnavailableError";
  }
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (unparsable DATABASE_URL)";
  }
}

function explainPgError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return "nothing is listening there (is the server running?)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name does not resolve";
  if (code === "28P01" || code === "28000") return `authentication failed (${message})`;
  if (code === "ETIMEDOUT") return "the connection timed out";
  return message;
}

/** Creates the server's database when it does not exist yet (connecting to its `postgres` database to do so). */
async function ensureServerDatabase(url: string, connectMs: number): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!name) throw new DatabaseUnavailableError(describeUrl(url), "DATABASE_URL names no database");
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectMs });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw new DatabaseUnavailableError(describeUrl(url), explainPgError(error));
  } finally {
    await probe.end().catch(() => undefined);
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: connectMs });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // 42P04: created meanwhile by another process, which is what we wanted.
    if ((error as { code?: string }).code !== "42P04") {
      throw new DatabaseUnavailableError(
        describeUrl(url),
        `the database does not exist and could not be created: ${explainPgError(error)}`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function openPool(url: string, timeouts: DatabaseTimeouts): pg.Pool {
  // Bounded waits: for a connection, for a statement (the server cancels it), and for an answer at all
  // (a server that hangs says nothing; the client gives up shortly after the statement timeout). A
  // failed connection is dropped from the pool, so the next request connects afresh: recovery needs no restart.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + READ_GRACE_MS,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that breaks (the server stopped) must not crash the process.
  pool.on("error", (error) => console.error(`ftz-monitor: a database connection failed (${describeUrl(url)}): ${error.message}`));
  return pool;
}

async function openServer(
  url: string,
  timeouts: DatabaseTimeouts,
  readUrls: string[] = [],
  readHooks: RoutingHooks = {},
): Promise<Database> {
  await ensureServerDatabase(url, timeouts.connectMs);
  const pool = openPool(url, timeouts);
  const replicaPools = readUrls.map((readUrl) => openPool(readUrl, timeouts));
  let readRouter: ReadRouter | undefined;
  const primary = exposeTransactions(new PrismaPg(pool), "postgres");
  const adapter =
    replicaPools.length === 0
      ? primary
      : routeReads(
          primary,
          replicaPools.map((replicaPool, i) => ({ factory: new PrismaPg(replicaPool), location: describeUrl(readUrls[i] ?? "") })),
          readHooks,
          (router) => (readRouter = router),
        );
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: "postgres",
    location: describeUrl(url) + (readUrls.length ? ` (reads: ${readUrls.map(describeUrl).join(", ")})` : ""),
    get readRouter() {
      return readRouter;
    },
    async withScriptRunner(fn) {
      const client = await pool.connect();
      // Migrations may rewrite large tables: no statement timeout for this session.
      const restore = liftClientTimeout(client);
      try {
        await client.query("SET statement_timeout = 0");
        return await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
        });
      } finally {
        restore();
        await client.query("RESET statement_timeout").catch(() => undefined);
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await Promise.all([pool, ...replicaPools].map((p) => p.end()));
    },
  };
}

async function openEmbedded(dataDir: string, role: string): Promise<Database> {
  const release = acquireLock(dataDir, role, Number(process.env.PORT) || undefined);
  let client: PGlite;
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`embedded PGlite at ${dataDir}`, reason);
  }
  const prisma = new PrismaClient({ adapter: exposeTransactions(new PrismaPGlite(client), "pglite") });
  return {
    prisma,
    kind: "pglite",
    location: `embedded PGlite at ${dataDir}`,
    readRouter: undefined,
    withScriptRunner: (fn) =>
      fn({
        exec: async (sql) => void (await client.exec(sql)),
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
      }),
    async close() {
      await prisma.$disconnect();
      await client.close();
      release();
    },
  };
}

/** Opens the target. `role` names this process in the embedded database's lock file. */
export async function openDatabase(target: DatabaseTarget, role = "ftz-monitor"): Promise<Database> {
  return "url" in target
    ? openServer(target.url, target.timeouts ?? DEFAULT_TIMEOUTS, target.readUrls, target.readHooks)
    : openEmbedded(target.dataDir, role);
}
