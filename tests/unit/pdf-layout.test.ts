// A three-chart report laid out for print: no page left near-empty by a table split needlessly, no
// text over other text (the months-since-launch axis title below its ticks), events marked so their
// number cannot be read as part of the date. Text boxes read back with pdfjs.
import { describe, expect, it } from "vitest";
import { chartModel } from "@/lib/domain/chart-model";
import { compare, type CompareData } from "@/lib/domain/compare";
import type { SeriesObservation } from "@/lib/domain/series";
import { reportPdf, type PdfItem } from "@/lib/export/pdf";
import { chartWords } from "@/lib/i18n/chart-words";
import { pdfLabels } from "@/lib/i18n/export-words";
import { pdfBoxes, type PdfBox } from "../support/files";

const obs = (start: string, end: string, value: number, sourceId: number): SeriesObservation => ({
  start,
  end,
  value,
  basis: "period",
  qualifier: "exact",
  status: "ok",
  sourceId,
  yoyPct: null,
});

function data(years: number): CompareData {
  return {
    indicator: {
      code: "synthetic_trade",
      nameEn: "Synthetic trade",
      nameZh: "合成贸易额",
      unit: "CNY",
      kind: "flow",
      category: null,
      description: null,
      comparable: true,
    },
    zones: ["a", "b"].map((z, i) => ({
      code: `synthetic-${z}`,
      nameEn: `Synthetic Zone ${z.toUpperCase()}`,
      nameZh: `合成${z === "a" ? "甲" : "乙"}区`,
      kind: "ftz" as const,
      parentCode: null,
      launch: i ? "2017-04-01" : "2020-09-24",
      areaKm2: null,
      areaLevels: [],
      areaAdditions: [],
      observations: Array.from({ length: years }, (_, y) => obs(`${2010 + y}-01-01`, `${2010 + y}-12-31`, (100 + 10 * y + i) * 1e8, 1 + i)),
      parentObservations: [],
    })),
    sources: [1, 2].map((id) => ({ id, title: `Synthetic Bulletin ${id}`, url: `https://example.org/${id}`, publishedOn: "2024-01-31" })),
    events: [
      {
        zone: "synthetic-a",
        date: "2020-09-01",
        precision: "day" as const,
        kind: "inauguration",
        titleEn: "Synthetic launch",
        titleZh: "合成挂牌",
        sourceId: 1,
      },
    ],
  };
}

function item(locale: "en" | "zh", years: number, axis: "date" | "launch"): PdfItem {
  const d = data(years);
  const comparison = compare(d, { transform: "level", basis: "period", freq: "year" });
  if ("problem" in comparison) throw new Error("expected a comparison");
  const model = chartModel(d, comparison.series, comparison.unit, { transform: "level", axis, freq: "year" }, locale, chartWords(locale));
  return {
    item: { view: "indicator=synthetic_trade&zones=synthetic-a,synthetic-b", title: "", showChart: true, showTable: true, note: "" },
    type: "line",
    model,
  };
}

const overlap = (a: PdfBox, b: PdfBox) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 1 && h > 1;
};

describe.each(["en", "zh"] as const)("a three-chart report in %s", (locale) => {
  it("takes three pages, none near-empty, with no text over other text", async () => {
    // Tables of 16 and 14 years that overflowed a full-height chart's page before; one months-since-launch axis.
    const items = [item(locale, 16, "date"), item(locale, 14, "launch"), item(locale, 8, "date")];
    const pdf = await reportPdf({ title: "Synthetic report", notes: "", locale, date: "2026-12-02" }, items, pdfLabels(locale));
    const pages = await pdfBoxes(pdf);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      const ys = page.boxes.map((b) => b.y);
      // Text spans most of each page: from near the top to the page number at the foot.
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(page.height * 0.6);
      const clashes = page.boxes.flatMap((a, i) =>
        page.boxes
          .slice(i + 1)
          .filter((b) => overlap(a, b))
          .map((b) => `${a.text} × ${b.text}`),
      );
      expect(clashes).toEqual([]);
    }
    const text = pages.flatMap((p) => p.boxes.map((b) => b.text)).join(" ");
    expect(text).toMatch(locale === "zh" ? /挂牌后月数/ : /months since launch/);
    expect(text).toContain("①");
  });
});
