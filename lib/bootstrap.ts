// The app's start-up and its one database door. Opening the database (embedded or a server, by the
// environment), applying migrations, loading the seed packages it lacks and the first refresh of the
// alerts all happen here, once per process, on first use — the top of lib's dependency order
// (domain → db → services → bootstrap → app). A failed open is not cached: the next request tries again.
// Scripts (the command-line import, the benchmark) prepare their own database with prepareDatabase();
// components never import this module (ESLint).
import { refreshAlerts } from "./alerts/service.ts";
import { setAvailabilityProbe, setReadFallback } from "./availability.ts";
import { openDatabase, type Database } from "./db/connection.ts";
import { replicasServeReads } from "./db/read-routing.ts";
import type { PrismaClient } from "./db/generated/client.ts";
import { migrate } from "./db/migrate.ts";
import { getEnv } from "./env.ts";
import { connectionFailure } from "./errors.ts";
import { seed, type SeedReport } from "./import/seed.ts";
import { pageVersion } from "./page-cache-version.ts";
import { setPageVersionReader } from "./page-cache.ts";
import { currentReadContext, passWriteToSession, withReadFloor, PRIMARY_FLOOR } from "./read-context.ts";

export type PrepareReport = { migrations: string[]; seed: SeedReport | "disabled" };

/** Makes an opened database ready to serve: migrations applied, seed loaded (unless disabled), alerts current. */
export async function prepareDatabase(db: Database, options: { seed: boolean }): Promise<PrepareReport> {
  const migrations = await migrate(db);
  const seeded = options.seed ? await seed(db) : "disabled";
  // Releases become overdue with the clock: alerts are refreshed on every start, not only after imports. From
  // the primary: a replica that has not replayed another instance's last import would resolve its alerts.
  await withReadFloor(PRIMARY_FLOOR, () => refreshAlerts(db.prisma)).catch((error: unknown) =>
    console.error("ftz-monitor: refreshing alerts failed:", error),
  );
  return { migrations, seed: seeded };
}

const holder = globalThis as typeof globalThis & { ftzDatabase?: Promise<Database>; ftzDatabaseOpen?: boolean };

async function connect(): Promise<Database> {
  const env = getEnv();
  const db = await openDatabase(
    env.databaseUrl
      ? {
          url: env.databaseUrl,
          timeouts: env.databaseTimeouts,
          readUrls: env.databaseReadUrls,
          readHooks: { context: currentReadContext, onWrite: passWriteToSession },
        }
      : { dataDir: env.dataDir },
    "web server",
  );
  try {
    await prepareDatabase(db, { seed: env.seed });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

// While the database is marked unavailable, this is how the proxy learns that it is back.
// A probe waits no longer than a connection may take: a hung database must not hold the probe.
setAvailabilityProbe(async () => {
  // Being opened (migrations, seed): pages wait for it, as on start, rather than answer 503.
  if (holder.ftzDatabase && !holder.ftzDatabaseOpen) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve("the database did not answer in time"), getEnv().databaseTimeouts.connectMs);
  });
  const probe = (async () => {
    try {
      await (await getDatabase()).prisma.$queryRawUnsafe("SELECT 1");
      return undefined;
    } catch (error) {
      return connectionFailure(error) ?? (error instanceof Error ? error.message : String(error));
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
});

// With read replicas, a failed primary leaves reads (and pages) working: only writes answer 503.
setReadFallback(replicasServeReads);

// The proxy keeps pages per version of what they show (lib/page-cache.ts); this is how it reads the version, with
// the floor the request's reads must meet, and the floor the page must then be rendered at.
setPageVersionReader(async (floor) => {
  const prisma = (await getDatabase()).prisma;
  const { value, floor: versionFloor } = await withReadFloor(floor, () => pageVersion(prisma));
  return { version: value, floor: versionFloor };
});

/** The process's database, opened and prepared on first use. */
export function getDatabase(): Promise<Database> {
  holder.ftzDatabase ??= connect().then(
    (db) => {
      holder.ftzDatabaseOpen = true;
      return db;
    },
    (error: unknown) => {
      holder.ftzDatabase = undefined;
      throw error;
    },
  );
  return holder.ftzDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
