// The report PDF's table marks where a number came from: a published rate (*), one computed from two
// levels (†), a level a published rate implies (‡), with the legend under the table.
import { describe, expect, it } from "vitest";
import { reportPdf } from "@/lib/export/pdf";
import { pdfLabels } from "@/lib/i18n/export-words";
import { pdfText } from "../support/files";
import { annual, syntheticData, syntheticSources, syntheticZone, yearlyModel } from "../support/synthetic-compare";

const data = syntheticData(
  [syntheticZone("a", [annual(2022, 100, 1), annual(2023, 110, 2), annual(2024, 120, 3, 5)], { nameZh: null })],
  syntheticSources(3),
);

async function tableText(transform: "level" | "yoy"): Promise<string> {
  const model = yearlyModel(data, "en", { transform });
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
