// Databases for tests: a fresh PostgreSQL database on the local server, or a fresh PGlite directory.
// Every server database of a run is named ftz_test_<run>_…, and the global teardown drops them all.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connection";

export const ADMIN_URL = process.env.FTZ_TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function serverUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function testDatabaseName(runId: string): string {
  return `ftz_test_${runId}_${randomBytes(4).toString("hex")}`;
}

/** A URL for a database that does not exist yet (openDatabase creates it). */
export function freshServerUrl(): string {
  return serverUrl(testDatabaseName(inject("runId")));
}

let template: Promise<string> | undefined;

/** An initialised but empty PGlite directory, made once per test process; initdb takes seconds, a copy does not. */
async function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-template-")), "pglite");
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(dir);
    await db.close();
    return dir;
  })();
  return template;
}

/** A path for a PGlite directory that does not exist yet (opening it runs initdb). */
export function freshDataDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-test-")), "pglite");
}

/** A new, empty, already initialised PGlite directory: a copy of the template. */
export async function copiedDataDir(): Promise<string> {
  const dir = freshDataDir();
  fs.cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

export type TestTarget = { name: "PGlite" | "PostgreSQL"; open: () => Promise<Database> };

/** Both kinds of database, each opened fresh on every call: use with describe.each. */
export const TARGETS: TestTarget[] = [
  { name: "PGlite", open: async () => openDatabase({ dataDir: await copiedDataDir() }, "test") },
  { name: "PostgreSQL", open: () => openDatabase({ url: freshServerUrl() }, "test") },
];

export async function dropRunDatabases(runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `ftz_test_${runId}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
