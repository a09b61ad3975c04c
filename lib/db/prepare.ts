// Makes an opened database ready to serve: migrations applied, seed loaded (unless disabled).
import type { Database } from "./connection.ts";
import { migrate } from "./migrate.ts";
import { seed, type SeedReport } from "./seed.ts";

export type PrepareReport = { migrations: string[]; seed: SeedReport | "disabled" };

export async function prepareDatabase(db: Database, options: { seed: boolean }): Promise<PrepareReport> {
  const migrations = await migrate(db);
  return { migrations, seed: options.seed ? await seed(db) : "disabled" };
}
