// The finder's catalog read straight from data packages on disk (the seed's prisma/seed/*/ and ../shared/data*),
// for the benchmark and tests: no database needed. Later folders complete earlier ones (05-names adds aliases).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { catalogFromTables } from "./catalog.ts";
import type { ExtractCatalog } from "./types.ts";

type Row = Record<string, string>;

const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

/** Package folders inside `dir` whose names start with `prefix`, in name order. */
export function packageFolders(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

export function catalogFromFolders(folders: readonly string[], extraZones: readonly Row[] = []): ExtractCatalog {
  const table = (name: string) =>
    folders
      .map((f) => path.join(f, `${name}.csv`))
      .filter((f) => existsSync(f))
      .flatMap(readCsv);
  return catalogFromTables({ zones: [...table("zones"), ...extraZones], indicators: table("indicators"), events: table("events") });
}
