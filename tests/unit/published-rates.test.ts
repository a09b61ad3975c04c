// Every published figure counts: rates published with a figure, the levels they imply a year earlier,
// the basis a comparison chooses, and like-for-like periods. Numbers checked by hand.
import { describe, expect, it } from "vitest";
import { buildSeries } from "@/lib/domain/build-series";
import { compare, pickDefault, type CompareData, type CompareZone } from "@/lib/domain/compare";
import { samePeriods } from "@/lib/domain/same-periods";
import type { Point, SeriesObservation } from "@/lib/domain/series";
import { impliedPriorLevels, ratesDiffer, yearOnYear } from "@/lib/domain/transforms";
import type { Basis, Qualifier } from "@/lib/domain/vocabulary";

let source = 1;
function obs(start: string, end: string, value: number, extra: Partial<SeriesObservation> = {}): SeriesObservation {
  return { start, end, value, basis: "period", qualifier: "exact", status: "ok", sourceId: source++, yoyPct: null, ...extra };
}
const point = (start: string, end: string, value: number, extra: Partial<Point> = {}): Point => ({
  start,
  end,
  value,
  qualifier: "exact",
  status: "ok",
  sources: [1],
  ...extra,
});
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

describe("implied prior-year levels", () => {
  it.each<[Qualifier, Qualifier]>([
    ["exact", "approx"], // the rate is rounded: the level it implies is approximate
    ["approx", "approx"],
    ["at_least", "at_least"], // more than V, grown by r: more than V ÷ (1 + r) a year before
    ["at_most", "at_most"],
  ])("a %s figure with its rate implies a %s level a year earlier", (qualifier, implied) => {
    // Anhui FTZ 2021 trade: 6,919.2 亿元, +26.9% → 2020 ≈ 6,919.2 ÷ 1.269 = 5,452.48 亿元, kept to the five
    // significant digits of the published 6,919.2: 5,452.5 亿元.
    const points = impliedPriorLevels([point("2021-01-01", "2021-12-31", 691.92e9, { qualifier, publishedYoy: 26.9 })]);
    expect(points).toHaveLength(2);
    const [prior, latest] = points as [Point, Point];
    expect([prior.start, prior.end]).toEqual(["2020-01-01", "2020-12-31"]);
    expect(prior.value / 1e8).toBe(5452.5);
    expect(prior.qualifier).toBe(implied);
    expect(prior.derivation).toBe("implied");
    expect(prior.impliedBy).toEqual({ rate: 26.9, end: "2021-12-31" });
    expect(prior.sources).toEqual(latest.sources);
  });

  it("is never drawn where a published figure for that period exists, and a part-year figure implies the same part a year earlier", () => {
    const points = impliedPriorLevels([
      point("2020-01-01", "2020-12-31", 540.64e9),
      point("2021-01-01", "2021-12-31", 691.92e9, { publishedYoy: 26.9 }),
      point("2022-01-01", "2022-06-30", 300e9, { publishedYoy: 20 }),
    ]);
    expect(points.map((p) => [p.start, p.end, p.derivation ?? "published"])).toEqual([
      ["2020-01-01", "2020-12-31", "published"],
      ["2021-01-01", "2021-06-30", "implied"],
      ["2021-01-01", "2021-12-31", "published"],
      ["2022-01-01", "2022-06-30", "published"],
    ]);
    expect(points[1]?.value).toBe(250e9); // 300 ÷ 1.2
  });

  it("turns one figure with its rate into a two-point series, and never counts the implied level as published", () => {
    const built = buildSeries(
      { kind: "flow", unit: "CNY", observations: [obs("2023-01-01", "2023-12-31", 1.35e8, { yoyPct: 4.9 })], launch: null },
      { basis: "period", transform: "level" },
    );
    if (!built.ok) throw new Error("expected a series");
    expect(built.series.points.map((p) => [p.end, round(p.value), p.derivation ?? "published"])).toEqual([
      // 1.35 亿吨 ÷ 1.049 = 1.28694… 亿吨, to the three significant digits of 1.35: 1.29 亿吨.
      ["2022-12-31", 1.29e8, "implied"],
      ["2023-12-31", 1.35e8, "published"],
    ]);
  });
});

describe("year-on-year: a published rate wins", () => {
  it("uses the published rate, labelled published, and keeps the computed one where both exist", () => {
    // Anhui 2021: levels 5,406.4 and 6,919.2 亿元 give +27.98%; the source says 同比增长26.9%.
    const { points } = yearOnYear(
      [point("2020-01-01", "2020-12-31", 5406.4), point("2021-01-01", "2021-12-31", 6919.2, { publishedYoy: 26.9 })],
      false,
    );
    expect(points).toHaveLength(1);
    const [rate] = points as [Point];
    expect(rate.value).toBe(26.9);
    expect(rate.rate?.origin).toBe("published");
    expect(round(rate.rate?.computed ?? NaN, 2)).toBe(27.98);
    expect(ratesDiffer(rate)).toBe(true); // 1.08 pp apart
  });

  it("labels a rate computed from two levels as computed, and keeps the mark of a lower-bound prior figure", () => {
    const { points } = yearOnYear(
      [point("2020-01-01", "2020-12-31", 100, { qualifier: "at_least" }), point("2021-01-01", "2021-12-31", 110)],
      false,
    );
    expect(points.map((p) => [round(p.value, 2), p.rate?.origin, p.qualifier])).toEqual([[10, "computed", "at_most"]]);
  });

  it("shows both only when they differ by more than 0.5 percentage points", () => {
    const near = yearOnYear(
      [point("2022-01-01", "2022-12-31", 100), point("2023-01-01", "2023-12-31", 105.9, { publishedYoy: 5.5 })],
      false,
    ).points[0] as Point;
    const far = yearOnYear([point("2022-01-01", "2022-12-31", 100), point("2023-01-01", "2023-12-31", 105.9, { publishedYoy: 4.9 })], false)
      .points[0] as Point;
    expect([near.value, ratesDiffer(near)]).toEqual([5.5, false]); // 0.4 pp apart
    expect([far.value, ratesDiffer(far)]).toEqual([4.9, true]); // 1.0 pp apart
  });

  it("gives a rate for a figure with no prior level when one was published, and none otherwise", () => {
    const result = yearOnYear(
      [point("2021-01-01", "2021-06-30", 7674, { publishedYoy: 33.3 }), point("2023-01-01", "2023-06-30", 8000)],
      false,
    );
    expect(result.points.map((p) => [p.end, p.value, p.rate?.origin])).toEqual([["2021-06-30", 33.3, "published"]]);
    expect(result.notes).toEqual([{ code: "no_prior_period", count: 1 }]);
  });
});

function zone(code: string, observations: SeriesObservation[]): CompareZone {
  return {
    code,
    nameEn: code,
    nameZh: null,
    kind: "ftz",
    parentCode: null,
    launch: "2020-09-24",
    areaKm2: null,
    areaLevels: [],
    areaAdditions: [],
    observations,
    parentObservations: [],
  };
}
function data(zones: CompareZone[]): CompareData {
  return {
    indicator: {
      code: "import_export",
      nameEn: "Trade",
      nameZh: null,
      unit: "CNY",
      kind: "flow",
      category: null,
      description: null,
      comparable: true,
    },
    zones,
    sources: [],
    events: [],
  };
}

describe("the basis a comparison chooses", () => {
  const anhui = zone("anhui-ftz", [
    obs("2021-01-01", "2021-12-31", 10),
    obs("2022-01-01", "2022-06-30", 6),
    obs("2022-01-01", "2022-09-30", 9, { basis: "ytd" }),
    obs("2020-09-24", "2021-01-25", 3, { basis: "cumulative" }),
  ]);
  const zhejiang = zone("zhejiang-ftz", [
    obs("2021-01-01", "2021-12-31", 20),
    obs("2022-01-01", "2022-12-31", 25),
    obs("2017-04-01", "2021-03-31", 7, { basis: "cumulative" }),
  ]);

  it("answers without a basis, with the one that gives the most points, and counts the others", () => {
    const result = compare(data([anhui, zhejiang]), { transform: "level" });
    if ("problem" in result) throw new Error("expected an answer");
    // Period figures at their dominant frequency (years): Anhui 2021, Zhejiang 2021 and 2022 — 3 points
    // (Anhui's H1 2022 is for the same-periods view); one ytd total; a cumulative total each.
    expect(result.basis).toEqual({ basis: "period", auto: true, points: { period: 3, ytd: 1, cumulative: 2 } });
  });

  it("counts running totals as the periods they give at the chosen frequency", () => {
    const ytdOnly = zone("a", [obs("2021-01-01", "2021-03-31", 1, { basis: "ytd" }), obs("2021-01-01", "2021-06-30", 3, { basis: "ytd" })]);
    const onePeriod = zone("b", [obs("2021-01-01", "2021-12-31", 9)]);
    const result = compare(data([ytdOnly, onePeriod]), { transform: "level", freq: "quarter" });
    if ("problem" in result) throw new Error("expected an answer");
    // ytd at quarter ends gives Q1 and Q2 (3 − 1): two points; the yearly figure is not a quarter.
    expect(result.basis.basis).toBe("ytd");
    expect(result.basis.points).toEqual({ period: 0, ytd: 2 });
  });

  it("keeps an explicit basis, even when another has more points", () => {
    const result = compare(data([anhui, zhejiang]), { transform: "level", basis: "cumulative" });
    if ("problem" in result) throw new Error("expected an answer");
    expect(result.basis.basis).toBe("cumulative");
    expect(result.basis.auto).toBe(false);
    expect(result.series.map((s) => s.series.points.length)).toEqual([1, 1]);
  });

  it("never defaults to an indicator each zone counts its own way", () => {
    const counts = [
      { zone: "a", indicator: "institutional_innovation_results", basis: "cumulative" as Basis, n: 9 },
      { zone: "b", indicator: "institutional_innovation_results", basis: "cumulative" as Basis, n: 9 },
      { zone: "a", indicator: "import_export", basis: "period" as Basis, n: 2 },
      { zone: "b", indicator: "import_export", basis: "period" as Basis, n: 3 },
    ];
    expect(pickDefault(counts, ["a", "b"])?.indicator).toBe("institutional_innovation_results");
    expect(pickDefault(counts, ["a", "b"], new Set(["institutional_innovation_results"]))?.indicator).toBe("import_export");
  });
});

describe("same periods", () => {
  it("lines up single periods on their days, part-year ones included, and year-to-date spans with the same days", () => {
    const result = samePeriods([
      {
        code: "a",
        observations: [
          obs("2021-01-01", "2021-12-31", 1),
          obs("2022-01-01", "2022-06-30", 2),
          obs("2025-01-01", "2025-09-30", 3, { basis: "ytd" }),
        ],
      },
      {
        code: "b",
        observations: [obs("2021-01-01", "2021-12-31", 4), obs("2022-01-01", "2022-06-30", 5), obs("2025-01-01", "2025-09-30", 6)],
      },
    ]);
    expect(result.rows.map((r) => [r.start, r.end, r.cells.map((c) => c?.value)])).toEqual([
      ["2021-01-01", "2021-12-31", [1, 4]],
      ["2022-01-01", "2022-06-30", [2, 5]],
      ["2025-01-01", "2025-09-30", [3, 6]],
    ]);
    expect(result.onlyOne).toEqual([]);
  });

  it("matches cumulative totals as of dates a few days apart, each from its own launch, and lists what only one zone has", () => {
    const result = samePeriods([
      {
        code: "anhui",
        observations: [
          obs("2020-09-24", "2021-01-25", 3857, { basis: "cumulative" }),
          obs("2020-09-24", "2022-03-01", 9000, { basis: "cumulative" }),
        ],
      },
      {
        code: "zhejiang",
        observations: [obs("2017-04-01", "2021-01-31", 30000, { basis: "cumulative" }), obs("2023-01-01", "2023-12-31", 1)],
      },
      { code: "jiangsu", observations: [obs("2019-08-30", "2021-02-20", 20000, { basis: "cumulative" })] },
    ]);
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row?.match).toBe("as_of_within");
    expect([row?.start, row?.end]).toEqual(["2021-01-25", "2021-02-20"]);
    expect(row?.cells.map((c) => c?.value)).toEqual([3857, 30000, 20000]);
    expect(result.onlyOne.map((f) => [f.zone, f.end])).toEqual([
      ["anhui", "2022-03-01"],
      ["zhejiang", "2023-12-31"],
    ]);
  });

  it("does not match as-of dates more than a month apart", () => {
    const result = samePeriods([
      { code: "a", observations: [obs("2020-09-24", "2021-01-25", 1, { basis: "cumulative" })] },
      { code: "b", observations: [obs("2017-04-01", "2021-03-01", 2, { basis: "cumulative" })] },
    ]);
    expect(result.rows).toEqual([]);
    expect(result.onlyOne).toHaveLength(2);
  });
});
