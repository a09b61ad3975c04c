// The seed: the data packages in prisma/seed, imported in folder order through the import pipeline on
// first start. Each package is recorded as an import with its checksum, so a package is loaded once;
// a package whose files change is imported again (as revisions, like any import).
import fs from "node:fs";
import path from "node:path";
import { importPackage, checksumFiles } from "./run.ts";
import type { PackageFile } from "./read.ts";
import type { ImportSummary } from "../domain/imports.ts";
import type { Database } from "../db/connection.ts";
import { UnavailableError } from "../errors.ts";

export const SEED_DIR = path.join(process.cwd(), "prisma", "seed");

export class SeedError extends UnavailableError {
  constructor(
    readonly packageName: string,
    readonly summary: ImportSummary,
  ) {
    const first = summary.errors
      .slice(0, 5)
      .map((e) => `  ${e.file ?? e.table} row ${e.row}${e.column ? ` (${e.column})` : ""}: ${e.message}`);
    super(`The seed package ${packageName} was rejected (${summary.errorCount} problems):\n${first.join("\n")}`);
    this.name = "SeedError";
  }
}

/** The files of a folder that the importer reads (CSV and XLSX), as package files. */
export function folderFiles(dir: string): PackageFile[] {
  return fs
    .readdirSync(/* turbopackIgnore: true */ dir)
    .filter((name) => /\.(csv|xlsx)$/i.test(name))
    .sort()
    .map((name) => ({ name, open: () => fs.createReadStream(/* turbopackIgnore: true */ path.join(dir, name)) }));
}

export type SeedReport = { loaded: string[]; skipped: string[] };

export async function seed(db: Database, dir = SEED_DIR): Promise<SeedReport> {
  const report: SeedReport = { loaded: [], skipped: [] };
  const packages = fs
    .readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of packages) {
    const files = folderFiles(path.join(/* turbopackIgnore: true */ dir, name));
    const checksum = await checksumFiles(files);
    const done = await db.prisma.import.findFirst({ where: { channel: "seed", checksum, dryRun: false }, select: { id: true } });
    if (done) {
      report.skipped.push(name);
      continue;
    }
    const summary = await importPackage(db.prisma, files, { dryRun: false, actor: `seed:${name}`, channel: "seed" });
    if (!summary.committed) throw new SeedError(name, summary);
    report.loaded.push(name);
  }
  return report;
}
