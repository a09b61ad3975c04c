// Makes an opened database ready to serve: migrations applied, seed loaded (unless disabled).
import type { Database } from "./connection.ts";
import { migrate } from "./migrate.ts";
import { seed, type SeedReport } from "./seed.ts";
import { refreshAlerts } from "../alerts/service.ts";

export type PrepareReport = { migrations: string[]; seed: SeedReport | "disabled" };

export async function prepareDatabase(db: Database, options: { seed: boolean }): Promise<PrepareReport> {
  const migrations = await migrate(db);
  const seeded = options.seed ? await seed(db) : "disabled";
  // Releases become overdue with the clock: alerts are refreshed on every start, not only after imports.
  await refreshAlerts(db.prisma).catch((error: unknown) => console.error("ftz-monitor: refreshing alerts failed:", error));
  return { migrations, seed: seeded };
}
