// The coverage download: one row per zone × indicator × year, the gaps included.
import { describe, expect, it } from "vitest";
import { coverageGrid } from "@/lib/domain/coverage";

describe("coverageGrid", () => {
  it("lists every year of every series with figures, with the bases present and empty years as gaps", () => {
    const rows = coverageGrid([
      { zone: "a", indicator: "trade", basis: "period", year: 2020, n: 1 },
      { zone: "a", indicator: "trade", basis: "ytd", year: 2020, n: 2 },
      { zone: "a", indicator: "trade", basis: "period", year: 2022, n: 1 },
      { zone: "b", indicator: "firms", basis: "cumulative", year: 2021, n: 1 },
    ]);
    expect(rows.map((r) => [r.zone, r.indicator, r.year, r.bases.join(";"), r.figures])).toEqual([
      ["a", "trade", 2020, "period;ytd", 3],
      ["a", "trade", 2021, "", 0],
      ["a", "trade", 2022, "period", 1],
      ["b", "firms", 2020, "", 0],
      ["b", "firms", 2021, "cumulative", 1],
      ["b", "firms", 2022, "", 0],
    ]);
    expect(coverageGrid([])).toEqual([]);
  });
});
