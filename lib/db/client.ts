// The one database door of the web server: opened on first use (migrated and seeded), kept for the
// life of the process. A failed open is not cached, so the next request tries again.
import "server-only";
import { getEnv } from "../env.ts";
import { openDatabase, type Database } from "./connection.ts";
import type { PrismaClient } from "./generated/client.ts";
import { prepareDatabase } from "./prepare.ts";

const holder = globalThis as typeof globalThis & { ftzDatabase?: Promise<Database> };

async function connect(): Promise<Database> {
  const env = getEnv();
  const db = await openDatabase(env.databaseUrl ? { url: env.databaseUrl } : { dataDir: env.dataDir }, "web server");
  try {
    await prepareDatabase(db, { seed: env.seed });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

export function getDatabase(): Promise<Database> {
  holder.ftzDatabase ??= connect().catch((error: unknown) => {
    holder.ftzDatabase = undefined;
    throw error;
  });
  return holder.ftzDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
