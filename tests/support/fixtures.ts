// Fixture files as import packages.
import fs from "node:fs";
import path from "node:path";
import type { PackageFile } from "@/lib/import/read";

export const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "import");

/** Package files from fixture paths (relative to tests/fixtures/import), each named by its base name. */
export function fixtureFiles(...relative: string[]): PackageFile[] {
  return relative.map((file) => {
    const full = path.join(FIXTURES, file);
    if (!fs.existsSync(full)) throw new Error(`No fixture ${full}`);
    return { name: path.basename(file), open: () => fs.createReadStream(full) };
  });
}

/** A package file with the given text, named as given (observations.csv by default). */
export function textFile(text: string, name = "observations.csv"): PackageFile {
  return { name, open: () => fs.ReadStream.from([Buffer.from(text, "utf8")]) as unknown as fs.ReadStream };
}
