// The two seed articles must yield every figure the seed package 01-articles holds from them.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { extractFigures } from "@/lib/extract";
import { catalogFromFolders, packageFolders } from "@/lib/extract/catalog-files";
import { normaliseFigure } from "@/lib/extract/score";
import { parseUnit, toBaseValue } from "@/lib/domain/units";

const root = path.resolve(import.meta.dirname, "../..");
const catalog = catalogFromFolders(packageFolders(path.join(root, "prisma/seed")));
const launch = (zone: string) => catalog.zones.find((z) => z.code === zone)?.establishedOn ?? null;
// The two seed articles (../shared/seeds), copied into the project so a clone tests them too.
const seeds = path.join(root, "tests/fixtures/seed-articles");
const rows = parse(fs.readFileSync(path.join(root, "prisma/seed/01-articles/observations.csv")), { columns: true, bom: true }) as Record<
  string,
  string
>[];
const yoy: Record<string, number> = { port_cargo_throughput: 5.9 };

describe("the seed articles", () => {
  const text = fs
    .readdirSync(seeds)
    .sort()
    .map((f) => fs.readFileSync(path.join(seeds, f), "utf8"))
    .join("\n\n");
  const { candidates } = extractFigures(text, { title: "China News Service, Hefei, 2021-01-25", publishedOn: "2021-01-25" }, catalog);

  it.each(rows.map((r) => [`${r.zone} ${r.indicator} ${r.period} ${r.value} ${r.unit}`, r] as const))("yields %s", (_label, row) => {
    const unit = parseUnit(row.unit!);
    if (!unit.ok) throw new Error(unit.message);
    const want = normaliseFigure(
      {
        zone: row.zone!,
        indicator: row.indicator!,
        period: row.period!,
        basis: row.basis!,
        valueBase: toBaseValue(Number(row.value), unit.unit),
      },
      launch,
    );
    const found = candidates.find((c) => {
      const got = normaliseFigure(c, launch);
      return got && want && JSON.stringify(got) === JSON.stringify(want);
    });
    expect(found, `no candidate for ${JSON.stringify(want)}`).toBeDefined();
    expect(found!.qualifier).toBe(row.qualifier);
    expect(found!.yoyPct).toBe(yoy[row.indicator!] ?? null);
    expect(text.slice(found!.figure.start, found!.figure.end)).toContain(row.value === "3857" ? "3857" : row.value);
  });
});
