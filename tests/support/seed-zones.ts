// The zones the seed packages declare (prisma/seed/*/zones.csv), read as the CSV they are, for tests that
// check reference data (peer groups, the province grid) against the seed.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type SeedZone = { code: string; kind: string; parent: string; established_on: string };

export function seedZones(kind?: string): SeedZone[] {
  const dir = "prisma/seed";
  const rows = fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name, "zones.csv"))
    .filter((file) => fs.existsSync(file))
    .flatMap((file) => parse(fs.readFileSync(file, "utf8"), { columns: true, bom: true }) as SeedZone[]);
  const unique = [...new Map(rows.map((row) => [row.code, row])).values()];
  return kind ? unique.filter((row) => row.kind === kind) : unique;
}
