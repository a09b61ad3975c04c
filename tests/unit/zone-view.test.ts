// The zone page's view model: a chart per indicator on the basis with the most points, a figure card where
// one figure is all there is, areas on or off, the other bases linked, the planned area today.
import { describe, expect, it } from "vitest";
import type { CompareData } from "@/lib/domain/compare";
import type { SeriesObservation } from "@/lib/domain/series";
import { chartWords } from "@/lib/i18n/chart-words";
import { categoryCounts, plannedArea, zonePanels } from "@/lib/views/zone";
import { annual, syntheticData, syntheticSources, syntheticZone } from "../support/synthetic-compare";

const cumulative = (end: string, value: number, sourceId: number): SeriesObservation => ({
  ...annual(2020, value, sourceId),
  start: "2019-01-01",
  end,
  basis: "cumulative",
});

function dataset(code: string, category: string | null, zones: CompareData["zones"]): CompareData {
  const data = syntheticData(zones, syntheticSources(6));
  return { ...data, indicator: { ...data.indicator, code, category } };
}

const options = (over: Partial<Parameters<typeof zonePanels>[1]> = {}) => ({
  code: "synthetic-a",
  category: "",
  showAreas: true,
  locale: "en" as const,
  words: chartWords("en"),
  eventNumbers: new Map<string, number>(),
  ...over,
});

const zoneWithArea = syntheticZone("b", [annual(2022, 5e8, 3), annual(2023, 6e8, 4)]);
const trade = dataset("synthetic_trade", "trade", [
  syntheticZone("a", [annual(2021, 100e8, 1), annual(2022, 120e8, 2)]),
  { ...zoneWithArea, parentCode: "synthetic-a" },
]);
const single = dataset("synthetic_projects", "investment", [syntheticZone("a", [annual(2023, 30, 5)]), syntheticZone("b", [])]);
const bases = dataset("synthetic_firms", "investment", [
  syntheticZone("a", [annual(2021, 10, 1), annual(2022, 12, 2), cumulative("2022-12-31", 40, 3)]),
]);

describe("zonePanels", () => {
  it("draws the zone and its areas, sorted by category and code, each panel linking to compare and the data", () => {
    const panels = zonePanels([trade, single, bases], options());
    expect(panels.map((p) => p.key)).toEqual(["synthetic_firms", "synthetic_projects", "synthetic_trade"]);
    const tradePanel = panels.find((p) => p.key === "synthetic_trade");
    expect(tradePanel?.single).toBeNull();
    expect(tradePanel?.model.series.map((s) => [s.key, s.points.length])).toEqual([
      ["synthetic-a", 2],
      ["synthetic-b", 2],
    ]);
    expect(tradePanel?.compareHref).toBe(`/compare?${tradePanel?.query}`);
    expect(tradePanel?.query).toContain("zones=synthetic-a,synthetic-b");
    expect(tradePanel?.dataHref).toBe("/data?zone=synthetic-a,synthetic-b&indicator=synthetic_trade");
    expect(tradePanel?.latest).toBe("CNY 12 bn (2022)");
  });

  it("makes a single figure a figure card, and leaves out zones without figures", () => {
    const panel = zonePanels([single], options())[0];
    expect(panel?.model.series.map((s) => s.key)).toEqual(["synthetic-a"]);
    expect(panel?.single?.point.value).toBe(30);
  });

  it("draws the zone alone when areas are off, and only the chosen category", () => {
    const alone = zonePanels([trade], options({ showAreas: false }))[0];
    expect(alone?.model.series.map((s) => s.key)).toEqual(["synthetic-a"]);
    expect(zonePanels([trade, single, bases], options({ category: "investment" })).map((p) => p.key)).toEqual([
      "synthetic_firms",
      "synthetic_projects",
    ]);
  });

  it("takes the basis with the most points and links the others with their counts", () => {
    const panel = zonePanels([bases], options())[0];
    expect(panel?.query).toContain("basis=period");
    expect(panel?.otherBases).toEqual([
      { label: "Cumulative since launch (1)", href: expect.stringContaining("basis=cumulative") as string },
    ]);
  });
});

describe("plannedArea and categoryCounts", () => {
  it("adds the expansions after the latest published area, dated by the latest of them", () => {
    const zone = {
      ...syntheticZone("a", []),
      areaKm2: 100,
      areaLevels: [{ date: "2020-01-01", km2: 120 }],
      areaAdditions: [{ date: "2022-06-01", km2: 30 }],
    };
    const data = [dataset("synthetic_trade", "trade", [zone])];
    expect(plannedArea(data, "synthetic-a", "2023-01-01", 100)).toEqual({ km2: 150, asOf: "2022-06-01" });
    expect(plannedArea(data, "synthetic-a", "2021-01-01", 100)).toEqual({ km2: 120, asOf: "2022-06-01" });
    expect(plannedArea(data, "synthetic-x", "2023-01-01", 80)).toEqual({ km2: 80, asOf: undefined });
    expect(plannedArea(data, "synthetic-x", "2023-01-01", null)).toBeUndefined();
  });

  it("counts indicators per category, those without one as other", () => {
    const counts = categoryCounts([trade, single, bases, dataset("synthetic_misc", null, [])]);
    expect(Object.fromEntries(counts)).toEqual({ trade: 1, investment: 2, other: 1 });
  });
});
