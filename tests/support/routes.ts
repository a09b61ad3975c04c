// Calling the app's route handlers in-process, as Next.js would: the test's database becomes the one
// the bootstrap hands out, and the admin token is set before the environment is first read.
import { prepareDatabase } from "@/lib/bootstrap";
import { openDatabase, type Database } from "@/lib/db/connection";
import { copiedDataDir } from "./databases.ts";

export const ROUTE_ADMIN_TOKEN = "route-test-admin-token-0123";
process.env.FTZ_ADMIN_TOKEN = ROUTE_ADMIN_TOKEN;
process.env.FTZ_SEED ??= "false";

/** Makes getDatabase() (lib/bootstrap) answer with this database. */
export function serveDatabase(db: Database): void {
  const holder = globalThis as typeof globalThis & { ftzDatabase?: Promise<Database>; ftzDatabaseOpen?: boolean };
  holder.ftzDatabase = Promise.resolve(db);
  holder.ftzDatabaseOpen = true;
}

/** A fresh embedded database with the seed, served to the route handlers. Close it after the tests. */
export async function serveSeededDatabase(): Promise<Database> {
  const db = await openDatabase({ dataDir: await copiedDataDir() }, "test");
  await prepareDatabase(db, { seed: true });
  serveDatabase(db);
  return db;
}

export const BASE = "http://ftz.test";
export const bearer = { authorization: `Bearer ${ROUTE_ADMIN_TOKEN}` };

/** The context a dynamic route handler receives. */
export function routeParams<T extends Record<string, string>>(params: T): { params: Promise<T> } {
  return { params: Promise.resolve(params) };
}

/** Everything an import could have written, counted. */
export async function writtenCounts(db: Database) {
  const [observations, imports, zones, indicators, sources, targets, events] = await Promise.all([
    db.prisma.observation.count(),
    db.prisma.import.count(),
    db.prisma.zone.count(),
    db.prisma.indicator.count(),
    db.prisma.source.count(),
    db.prisma.target.count(),
    db.prisma.event.count(),
  ]);
  return { observations, imports, zones, indicators, sources, targets, events };
}
