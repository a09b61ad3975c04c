// The held-out passages (tests/fixtures/extraction/*.jsonl) are labelled as the extraction README says: each
// quote stands in its text, `scored` is `in_catalog` and not `uncertain`, and a figure in the catalog names codes the
// seed packages define, with a period and basis the domain reads. A mislabelled fixture would score the finder wrongly.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogFromFolders, packageFolders } from "@/lib/extract/catalog-files";
import { normaliseFigure, type LabelledFigure, type LabelledPassage } from "@/lib/extract/score";

type Labelled = LabelledPassage & { figures: (LabelledFigure & { in_catalog: boolean; uncertain: boolean })[] };

const folder = path.resolve(import.meta.dirname, "../fixtures/extraction");
const passages = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith(".jsonl"))
  .flatMap((name) => fs.readFileSync(path.join(folder, name), "utf8").split("\n"))
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Labelled);
const catalog = catalogFromFolders(packageFolders(path.resolve(import.meta.dirname, "../../prisma/seed")));
const zones = new Map(catalog.zones.map((z) => [z.code, z]));
const indicators = new Set(catalog.indicators.map((i) => i.code));

describe("the held-out passages", () => {
  it("hold both languages and enough scored figures to measure", () => {
    expect(new Set(passages.map((p) => p.lang))).toEqual(new Set(["zh", "en"]));
    expect(passages.flatMap((p) => p.figures).filter((f) => f.scored).length).toBeGreaterThanOrEqual(60);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it.each(passages.map((p) => [p.id, p] as const))("%s is labelled consistently", (_id, passage) => {
    for (const figure of passage.figures) {
      expect(passage.text).toContain(figure.quote);
      expect(figure.scored).toBe(figure.in_catalog && !figure.uncertain);
      if (!figure.in_catalog) continue;
      expect(zones.has(figure.zone ?? ""), `zone ${figure.zone}`).toBe(true);
      expect(indicators.has(figure.indicator), `indicator ${figure.indicator}`).toBe(true);
      const launchOf = (zone: string) => zones.get(zone)?.establishedOn ?? null;
      const days = normaliseFigure({ ...figure, valueBase: figure.value_base }, launchOf);
      expect(days, `${figure.period} ${figure.basis}`).not.toBeNull();
    }
  });
});
