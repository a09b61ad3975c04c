// Basis arithmetic, frequencies and transformations, with values checked by hand.
import { describe, expect, it } from "vitest";
import { buildSeries, monthsSince } from "@/lib/domain/build-series";
import { pickKpiIndicators, yearOnYearOf } from "@/lib/domain/kpi";
import { combineQualifiers, combineStatuses } from "@/lib/domain/qualifiers";
import {
  deriveFromRunningTotals,
  dominantFrequency,
  isPeriodEnd,
  selectBasis,
  toFrequency,
  unitsSpanned,
  type Point,
  type SeriesObservation,
} from "@/lib/domain/series";
import { areaHistory, indexTo, periodOnPeriod, perSquareKilometre, shareOfParent, shiftYear, yearOnYear } from "@/lib/domain/transforms";
import type { Qualifier } from "@/lib/domain/vocabulary";

let nextSource = 1;
function obs(
  start: string,
  end: string,
  value: number,
  basis: SeriesObservation["basis"] = "period",
  qualifier: Qualifier = "exact",
  yoyPct: number | null = null,
): SeriesObservation {
  return { start, end, value, basis, qualifier, status: "ok", sourceId: nextSource++, yoyPct };
}
function point(start: string, end: string, value: number, extra: Partial<Point> = {}): Point {
  return { start, end, value, qualifier: "exact", status: "ok", sources: [1], ...extra };
}
const view = (points: readonly Point[]) =>
  points.map((p) => [
    p.start,
    p.end,
    Math.round(p.value * 1000) / 1000,
    ...(p.combined ? ["combined"] : []),
    ...(p.qualifier !== "exact" ? [p.qualifier] : []),
  ]);

describe("combineQualifiers", () => {
  it.each([
    [[["exact", 1]], "exact"],
    [[["at_least", 1]], "at_least"],
    [[["at_least", -1]], "at_most"],
    [
      [
        ["at_least", 1],
        ["exact", -1],
      ],
      "at_least",
    ],
    [
      [
        ["at_least", 1],
        ["at_least", -1],
      ],
      "approx",
    ],
    [
      [
        ["at_least", 1],
        ["at_most", -1],
      ],
      "at_least",
    ],
    [
      [
        ["at_least", 1],
        ["at_least", 1],
      ],
      "at_least",
    ],
    [
      [
        ["approx", 1],
        ["exact", -1],
      ],
      "approx",
    ],
    [
      [
        ["at_most", 1],
        ["exact", 1],
      ],
      "at_most",
    ],
  ] as const)("%j → %s", (inputs, expected) => {
    expect(combineQualifiers(inputs.map(([qualifier, effect]) => ({ qualifier, effect })))).toBe(expected);
  });

  it("keeps the worst status", () => {
    expect(combineStatuses(["ok", "unverified"])).toBe("unverified");
    expect(combineStatuses(["unverified", "disputed", "ok"])).toBe("disputed");
    expect(combineStatuses(["ok"])).toBe("ok");
  });
});

describe("periods and frequencies", () => {
  it.each([
    ["2023-03-31", "quarter", true],
    ["2023-02-28", "month", true],
    ["2024-02-28", "month", false],
    ["2023-06-30", "half", true],
    ["2023-06-30", "year", false],
  ] as const)("%s ends a %s: %s", (date, freq, expected) => expect(isPeriodEnd(date, freq)).toBe(expected));

  it.each([
    ["2023-01-01", "2023-03-31", "month", 3],
    ["2023-01-01", "2023-03-31", "quarter", 1],
    ["2023-01-01", "2023-02-28", "quarter", undefined],
    ["2023-02-01", "2023-03-31", "quarter", undefined],
    ["2022-01-01", "2023-12-31", "year", 2],
  ] as const)("%s … %s spans %s units of %s", (start, end, freq, expected) => expect(unitsSpanned(start, end, freq)).toBe(expected));

  it.each([
    [
      [
        ["2021-01-01", "2021-12-31"],
        ["2022-01-01", "2022-06-30"],
        ["2022-01-01", "2022-03-31"],
      ],
      "year",
    ],
    [
      [
        ["2022-01-01", "2022-03-31"],
        ["2022-04-01", "2022-06-30"],
        ["2021-01-01", "2021-12-31"],
      ],
      "quarter",
    ],
    [[["2020-11-05", "2020-11-05"]], undefined],
  ] as const)("the dominant frequency of %j is %s", (spans, expected) => {
    expect(dominantFrequency(spans.map(([start, end]) => ({ start, end })))).toBe(expected);
  });
});

describe("selectBasis", () => {
  it("refuses figures on several bases, with their counts", () => {
    const result = selectBasis([
      obs("2021-01-01", "2021-12-31", 1),
      obs("2022-01-01", "2022-07-31", 2, "ytd"),
      obs("2022-01-01", "2022-09-30", 3, "ytd"),
    ]);
    expect(result).toEqual({ ok: false, error: { code: "mixed_bases", counts: { period: 1, ytd: 2 } } });
  });
  it("keeps only the requested basis", () => {
    const result = selectBasis([obs("2021-01-01", "2021-12-31", 1), obs("2022-01-01", "2022-07-31", 2, "ytd")], "ytd");
    expect(result.ok && result.observations.map((o) => o.value)).toEqual([2]);
  });
});

describe("deriveFromRunningTotals", () => {
  // A year-to-date series as Chinese statistics publish it: January and February released together.
  const ytd2023 = [
    obs("2023-01-01", "2023-02-28", 100, "ytd"),
    obs("2023-01-01", "2023-03-31", 160, "ytd"),
    obs("2023-01-01", "2023-04-30", 230, "ytd"),
    obs("2023-01-01", "2023-06-30", 380, "ytd"),
  ];

  it("derives single months, keeping January–February and a gap as combined periods", () => {
    expect(view(deriveFromRunningTotals(ytd2023, "ytd", "month").points)).toEqual([
      ["2023-01-01", "2023-02-28", 100, "combined"],
      ["2023-03-01", "2023-03-31", 60],
      ["2023-04-01", "2023-04-30", 70],
      ["2023-05-01", "2023-06-30", 150, "combined"],
    ]);
  });

  it("derives quarters from the totals at quarter ends", () => {
    expect(view(deriveFromRunningTotals(ytd2023, "ytd", "quarter").points)).toEqual([
      ["2023-01-01", "2023-03-31", 160],
      ["2023-04-01", "2023-06-30", 220],
    ]);
  });

  it("starts again every January", () => {
    const points = deriveFromRunningTotals([...ytd2023, obs("2024-01-01", "2024-03-31", 170, "ytd")], "ytd", "quarter").points;
    expect(view(points).at(-1)).toEqual(["2024-01-01", "2024-03-31", 170]);
  });

  it("counts totals that do not end on a period end", () => {
    const result = deriveFromRunningTotals([obs("2021-01-01", "2021-12-16", 2900, "ytd")], "ytd", "month");
    expect(result).toEqual({ points: [], notes: [{ code: "unaligned_running_totals", count: 1 }] });
  });

  it("derives the periods between cumulative figures since launch, with qualifiers", () => {
    const points = deriveFromRunningTotals(
      [obs("2020-09-24", "2021-01-25", 3857, "cumulative"), obs("2020-09-24", "2021-10-22", 8000, "cumulative", "at_least")],
      "cumulative",
    ).points;
    expect(view(points)).toEqual([
      ["2020-09-24", "2021-01-25", 3857],
      ["2021-01-26", "2021-10-22", 4143, "at_least"],
    ]);
    expect(points[1]?.sources).toHaveLength(2);
  });
});

describe("toFrequency", () => {
  const months = [point("2023-01-01", "2023-01-31", 10), point("2023-02-01", "2023-02-28", 20), point("2023-03-01", "2023-03-31", 30)];

  it("adds months of a flow into a quarter", () => {
    expect(view(toFrequency(months, "quarter", "flow").points)).toEqual([["2023-01-01", "2023-03-31", 60]]);
  });

  it("does not add an incomplete quarter, and says so", () => {
    const result = toFrequency([point("2023-04-01", "2023-04-30", 5), point("2023-06-01", "2023-06-30", 7)], "quarter", "flow");
    expect(result).toEqual({ points: [], notes: [{ code: "incomplete_periods", count: 2 }] });
  });

  it("prefers a published figure for the whole period to the sum of its parts", () => {
    expect(view(toFrequency([...months, point("2023-01-01", "2023-03-31", 61)], "quarter", "flow").points)).toEqual([
      ["2023-01-01", "2023-03-31", 61],
    ]);
  });

  it("takes the last level of a stock", () => {
    expect(view(toFrequency(months, "quarter", "stock").points)).toEqual([["2023-01-01", "2023-03-31", 30]]);
  });

  it("never adds rates", () => {
    expect(toFrequency(months, "quarter", "rate")).toEqual({ points: [], notes: [{ code: "rates_not_aggregated", count: 3 }] });
  });

  it("leaves out figures of other lengths, counting them by length", () => {
    const result = toFrequency(
      [point("2021-01-01", "2021-12-31", 100), point("2022-01-01", "2022-06-30", 60), point("2020-11-05", "2020-11-05", 3)],
      "quarter",
      "flow",
    );
    expect(result.points).toEqual([]);
    expect(result.notes).toEqual([{ code: "other_lengths", count: 3, lengths: { year: 1, half: 1, day: 1 } }]);
  });

  it("sums a combined January–February with the months after it into a year", () => {
    const derived = [
      point("2023-01-01", "2023-02-28", 100, { combined: true }),
      ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) =>
        point(`2023-${String(m).padStart(2, "0")}-01`, new Date(Date.UTC(2023, m, 0)).toISOString().slice(0, 10), 50),
      ),
    ];
    expect(view(toFrequency(derived, "year", "flow").points)).toEqual([["2023-01-01", "2023-12-31", 600]]);
  });
});

describe("transformations", () => {
  it.each([
    ["2024-02-29", -1, "2023-02-28"],
    ["2023-02-28", 1, "2024-02-29"],
    ["2022-06-30", -1, "2021-06-30"],
    ["2021-01-25", -1, "2020-01-25"],
  ])("shiftYear(%s, %i) = %s", (date, years, expected) => expect(shiftYear(date, years)).toBe(expected));

  it("year on year: % for amounts, percentage points for rates, and notes what has no prior year", () => {
    const halves = [point("2021-01-01", "2021-06-30", 100), point("2022-01-01", "2022-06-30", 120), point("2023-01-01", "2023-06-30", 90)];
    expect(view(yearOnYear(halves, false).points)).toEqual([
      ["2022-01-01", "2022-06-30", 20],
      ["2023-01-01", "2023-06-30", -25],
    ]);
    expect(yearOnYear(halves, false).notes).toEqual([{ code: "no_prior_period", count: 1 }]);
    const rates = [point("2022-01-01", "2022-12-31", 30), point("2023-01-01", "2023-12-31", 32.5)];
    expect(view(yearOnYear(rates, true).points)).toEqual([["2023-01-01", "2023-12-31", 2.5]]);
  });

  it("year on year of year-to-date totals compares the same months (1–7月同比)", () => {
    const ytd = [point("2020-01-01", "2020-07-31", 200), point("2021-01-01", "2021-07-31", 250), point("2021-01-01", "2021-09-30", 330)];
    expect(view(yearOnYear(ytd, false).points)).toEqual([["2021-01-01", "2021-07-31", 25]]);
  });

  it("marks a change computed from a lower bound", () => {
    const points = [point("2021-01-01", "2021-12-31", 500), point("2022-01-01", "2022-12-31", 600, { qualifier: "at_least" })];
    expect(yearOnYear(points, false).points[0]?.qualifier).toBe("at_least");
    const earlier = [point("2021-01-01", "2021-12-31", 500, { qualifier: "at_least" }), point("2022-01-01", "2022-12-31", 600)];
    expect(yearOnYear(earlier, false).points[0]?.qualifier).toBe("at_most");
  });

  it("period on period compares consecutive periods of one length only", () => {
    const points = [
      point("2023-01-01", "2023-02-28", 200, { combined: true }),
      point("2023-03-01", "2023-03-31", 120),
      point("2023-04-01", "2023-04-30", 90),
    ];
    const result = periodOnPeriod(points, false);
    expect(view(result.points)).toEqual([["2023-04-01", "2023-04-30", -25]]);
    expect(result.notes).toEqual([{ code: "no_prior_period", count: 2 }]);
  });

  it("indexes to a base period = 100, and says when the base is missing", () => {
    const points = [point("2021-01-01", "2021-12-31", 80), point("2022-01-01", "2022-12-31", 100), point("2023-01-01", "2023-12-31", 130)];
    expect(view(indexTo(points, (p) => p.start === "2022-01-01", "2022").points).map((p) => p[2])).toEqual([80, 100, 130]);
    expect(indexTo(points, () => false, "2019")).toEqual({ points: [], notes: [{ code: "no_base", base: "2019" }] });
  });

  it("divides by the area in force at each date, expansions included", () => {
    const areaAt = areaHistory([{ date: "2017-04-01", km2: 119.95 }], [{ date: "2020-09-21", km2: 119.5 }], null);
    expect(areaAt("2019-12-31")).toBe(119.95);
    expect(areaAt("2021-12-31")).toBeCloseTo(239.45, 10);
    expect(areaAt("2016-12-31")).toBeUndefined();
    const result = perSquareKilometre([point("2019-01-01", "2019-12-31", 1199.5), point("2021-01-01", "2021-12-31", 2394.5)], areaAt);
    expect(result.points.map((p) => Math.round(p.value * 1000) / 1000)).toEqual([10, 10]);
  });

  it("computes a share of the parent for matching periods", () => {
    const result = shareOfParent(
      [point("2022-01-01", "2022-12-31", 100), point("2023-01-01", "2023-12-31", 50)],
      [point("2022-01-01", "2022-12-31", 400)],
    );
    expect(view(result.points)).toEqual([["2022-01-01", "2022-12-31", 25]]);
    expect(result.notes).toEqual([{ code: "no_parent_value", count: 1 }]);
  });
});

describe("buildSeries", () => {
  const ytd = [
    obs("2022-01-01", "2022-03-31", 30, "ytd"),
    obs("2022-01-01", "2022-06-30", 70, "ytd"),
    obs("2023-01-01", "2023-03-31", 36, "ytd"),
    obs("2023-01-01", "2023-06-30", 77, "ytd"),
  ];
  const input = { kind: "flow" as const, unit: "CNY" as const, observations: ytd, launch: "2020-09-24" };

  it("turns year-to-date releases into quarters, then compares them with a year before", () => {
    const result = buildSeries(input, { basis: "ytd", freq: "quarter", transform: "yoy" });
    expect(result.ok && view(result.series.points)).toEqual([
      ["2023-01-01", "2023-03-31", 20],
      ["2023-04-01", "2023-06-30", 2.5],
    ]);
    expect(result.ok && result.series.unit).toBe("percent");
  });

  it("refuses period-on-period change of running totals, saying why", () => {
    expect(buildSeries(input, { basis: "ytd", transform: "pop" })).toEqual({
      ok: false,
      error: { code: "pop_running_total", basis: "ytd" },
    });
  });

  it("refuses to mix bases when none is chosen", () => {
    const mixed = { ...input, observations: [...ytd, obs("2021-01-01", "2021-12-31", 150)] };
    expect(buildSeries(mixed, { transform: "level" })).toEqual({
      ok: false,
      error: { code: "mixed_bases", counts: { ytd: 4, period: 1 } },
    });
  });

  it("refuses to scale a rate by area or parent", () => {
    expect(buildSeries({ ...input, kind: "rate", unit: "percent" }, { basis: "ytd", transform: "per_km2" })).toEqual({
      ok: false,
      error: { code: "rate_not_scalable", transform: "per_km2" },
    });
  });

  it("indexes to the first figure after launch and counts months since launch", () => {
    const cumulative = [obs("2020-09-24", "2021-01-25", 3857, "cumulative"), obs("2020-09-24", "2021-10-22", 7714, "cumulative")];
    const result = buildSeries({ ...input, unit: "count", observations: cumulative }, { transform: "index", base: "launch" });
    expect(result.ok && result.series.points.map((p) => [p.value, p.monthsSinceLaunch])).toEqual([
      [100, 4],
      [200, 12.9],
    ]);
  });

  it("applies the date range after the transformation, so a year-on-year change keeps its base", () => {
    const years = [obs("2021-01-01", "2021-12-31", 100), obs("2022-01-01", "2022-12-31", 110)];
    const result = buildSeries({ ...input, observations: years }, { transform: "yoy", from: "2022-01-01" });
    expect(result.ok && view(result.series.points)).toEqual([["2022-01-01", "2022-12-31", 10]]);
  });

  it("uses the frequency most figures have for a period series, and notes the rest", () => {
    // Anhui FTZ trade as published: a year, a half and a quarter. Q1 and H1 2022 overlap, so they do not add to 2022.
    const mixed = [obs("2021-01-01", "2021-12-31", 100), obs("2022-01-01", "2022-06-30", 60), obs("2022-01-01", "2022-03-31", 25)];
    const result = buildSeries({ ...input, observations: mixed }, { transform: "level" });
    expect(result.ok && result.series.freq).toBe("year");
    expect(result.ok && view(result.series.points)).toEqual([["2021-01-01", "2021-12-31", 100]]);
    expect(result.ok && result.series.notes).toEqual([{ code: "incomplete_periods", count: 2 }]);
    const quarterly = buildSeries({ ...input, observations: mixed }, { transform: "level", freq: "quarter" });
    expect(quarterly.ok && view(quarterly.series.points)).toEqual([["2022-01-01", "2022-03-31", 25]]);
    expect(quarterly.ok && quarterly.series.notes).toEqual([{ code: "other_lengths", count: 2, lengths: { year: 1, half: 1 } }]);
  });

  it("computes a share of the parent zone for the same periods", () => {
    const years = [obs("2022-01-01", "2022-12-31", 50)];
    const parent = [obs("2022-01-01", "2022-12-31", 400)];
    const result = buildSeries({ ...input, observations: years, parent }, { transform: "share" });
    expect(result.ok && result.series.points.map((p) => p.value)).toEqual([12.5]);
  });

  it("counts months since launch", () => {
    expect(monthsSince("2020-09-24", "2021-01-25")).toBe(4);
    expect(monthsSince(null, "2021-01-25")).toBeNull();
  });
});

describe("key figures", () => {
  const kp = (start: string, end: string, value: number, qualifier: Qualifier = "exact") => ({
    start,
    end,
    value,
    qualifier,
    status: "ok" as const,
  });
  it("compares the latest figure with the same span a year earlier", () => {
    const latest = kp("2023-01-01", "2023-09-30", 330);
    expect(yearOnYearOf(latest, [kp("2022-01-01", "2022-09-30", 300), latest], "ytd", false)).toEqual({
      value: 10.000000000000009,
      unit: "percent",
      qualifier: "exact",
      origin: "computed",
      priorEnd: "2022-09-30",
    });
    expect(yearOnYearOf(latest, [kp("2022-01-01", "2022-06-30", 300)], "ytd", false)).toBeNull();
  });
  it("prefers the rate published with the figure, labelled published, even with a prior figure to compute from", () => {
    // Anhui province 2021: 6,920.2 against 5,406.4 亿元 computes to +28.0%; the source says 26.9%.
    const latest = { ...kp("2021-01-01", "2021-12-31", 6920.2), yoyPct: 26.9 };
    expect(yearOnYearOf(latest, [kp("2020-01-01", "2020-12-31", 5406.4), latest], "period", false)).toEqual({
      value: 26.9,
      unit: "percent",
      qualifier: "exact",
      origin: "published",
      priorEnd: null,
    });
    // A change against a lower-bound prior figure computed: an upper bound (≤).
    expect(
      yearOnYearOf(kp("2021-01-01", "2021-12-31", 110), [kp("2020-01-01", "2020-12-31", 100, "at_least")], "period", false)?.qualifier,
    ).toBe("at_most");
  });
  it("gives rates a change in percentage points, and none for cumulative totals", () => {
    expect(yearOnYearOf(kp("2023-01-01", "2023-12-31", 32), [kp("2022-01-01", "2022-12-31", 30)], "period", true)?.value).toBe(2);
    expect(yearOnYearOf(kp("2020-09-24", "2022-09-30", 900), [kp("2020-09-24", "2021-09-30", 600)], "cumulative", false)).toBeNull();
  });
  it("shows the core indicators a zone has first", () => {
    const available = new Map([
      ["import_export", 4],
      ["high_tech_enterprises", 1],
      ["new_enterprises", 4],
      ["area_size", 1],
      ["tax_share_of_province", 2],
    ]);
    expect(pickKpiIndicators(available, 6)).toEqual(["new_enterprises", "import_export", "tax_share_of_province", "high_tech_enterprises"]);
    expect(pickKpiIndicators(new Map([["port_cargo_throughput", 9]]), 6)).toEqual(["port_cargo_throughput"]);
  });
});
