// The report PDF's table marks where a number came from: a published rate (*), one computed from two
// levels (†), a level a published rate implies (‡), with the legend under the table.
import { describe, expect, it } from "vitest";
import { chartModel } from "@/lib/domain/chart-model";
import { compare, type CompareData } from "@/lib/domain/compare";
import type { SeriesObservation } from "@/lib/domain/series";
import { reportPdf } from "@/lib/export/pdf";
import { chartWords } from "@/lib/i18n/chart-words";
import { pdfLabels } from "@/lib/i18n/export-words";
import { pdfText } from "../support/files";

const obs = (start: string, end: string, value: number, sourceId: number, yoyPct: number | null = null): SeriesObservation => ({
  start,
  end,
  value,
  basis: "period",
  qualifier: "exact",
  status: "ok",
  sourceId,
  yoyPct,
});

const data: CompareData = {
  indicator: {
    code: "synthetic_trade",
    nameEn: "Synthetic trade",
    nameZh: null,
    unit: "CNY",
    kind: "flow",
    category: null,
    description: null,
    comparable: true,
  },
  zones: [
    {
      code: "synthetic-a",
      nameEn: "Synthetic Zone A",
      nameZh: null,
      kind: "ftz",
      parentCode: null,
      launch: null,
      areaKm2: null,
      areaLevels: [],
      areaAdditions: [],
      observations: [
        obs("2022-01-01", "2022-12-31", 100, 1),
        obs("2023-01-01", "2023-12-31", 110, 2),
        obs("2024-01-01", "2024-12-31", 120, 3, 5),
      ],
      parentObservations: [],
    },
  ],
  sources: [1, 2, 3].map((id) => ({ id, title: `Synthetic Bulletin ${id}`, url: null, publishedOn: null })),
  events: [],
};

async function tableText(transform: "level" | "yoy"): Promise<string> {
  const comparison = compare(data, { transform, basis: "period", freq: "year" });
  if ("problem" in comparison) throw new Error("expected a comparison");
  const model = chartModel(data, comparison.series, comparison.unit, { transform, axis: "date", freq: "year" }, "en", chartWords("en"));
  const pdf = await reportPdf(
    { title: "Synthetic", notes: "", locale: "en", date: "2026-12-02" },
    [
      {
        item: { view: "indicator=synthetic_trade&zones=synthetic-a", title: "", showChart: false, showTable: true, note: "" },
        type: "line",
        model,
      },
    ],
    pdfLabels("en"),
  );
  return (await pdfText(pdf)).join("\n");
}

describe("the report PDF's table", () => {
  it("marks published and computed rates, with the legend", async () => {
    const text = await tableText("yoy");
    expect(text).toMatch(/\+10(\.0)?%†/); // 2023: 110 ÷ 100, computed
    expect(text).toMatch(/\+5(\.0)?%\*/); // 2024: published, not the 9.1% the levels give
    expect(text).toContain("* published rate");
    expect(text).toContain("† computed from two published levels");
  });

  it("marks no level, and says nothing, when no figure implies one", async () => {
    const text = await tableText("level");
    expect(text).not.toContain("‡ implied");
    expect(text).not.toContain("* published rate");
  });
});
