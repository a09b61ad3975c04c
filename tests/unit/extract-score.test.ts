import { describe, expect, it } from "vitest";
import { normaliseFigure, scorePassage, totals, type LabelledPassage, type ScoredFigure } from "@/lib/extract/score";

const launch = (zone: string) => (zone === "anhui-ftz" ? "2020-09-24" : null);
const label = (over: Partial<LabelledPassage["figures"][number]>) => ({
  zone: "anhui-ftz",
  indicator: "new_enterprises",
  period: "2020-09-24/2021-01-25",
  basis: "cumulative",
  value_base: 3857,
  qualifier: "exact",
  yoy_pct: null,
  scored: true,
  ...over,
});
const figure = (over: Partial<ScoredFigure>): ScoredFigure => ({
  zone: "anhui-ftz",
  indicator: "new_enterprises",
  period: "2021-01-25",
  basis: "cumulative",
  valueBase: 3857,
  qualifier: "exact",
  yoyPct: null,
  ...over,
});

// A tiny hand-made corpus, as the JSONL lines of ../shared/extraction/passages.jsonl read.
const jsonl = [
  {
    id: "t1",
    lang: "en",
    source_title: "t",
    published_date: "2021-01-25",
    text: "…",
    other_numbers: ["12"],
    figures: [
      label({}),
      label({ indicator: "import_export", period: "2022-01/2022-06", basis: "ytd", value_base: 5e9, qualifier: "at_least", yoy_pct: 5.9 }),
      label({ indicator: "gdp", scored: false, value_base: 1 }),
    ],
  },
  {
    id: "t2",
    lang: "zh",
    source_title: "t",
    published_date: "2021-01-25",
    text: "…",
    other_numbers: [],
    figures: [label({ value_base: 26e4 })],
  },
]
  .map((p) => JSON.stringify(p))
  .join("\n");
const passages = jsonl.split("\n").map((l) => JSON.parse(l) as LabelledPassage);

describe("scoring", () => {
  it("normalises ytd to June as the half, cumulative from the launch, a point to its day", () => {
    expect(
      normaliseFigure({ zone: "anhui-ftz", indicator: "x", period: "2022-01/2022-06", basis: "ytd", valueBase: 1 }, launch),
    ).toMatchObject({ basis: "period", start: "2022-01-01", end: "2022-06-30" });
    expect(
      normaliseFigure({ zone: "anhui-ftz", indicator: "x", period: "2021-01-25", basis: "cumulative", valueBase: 1 }, launch),
    ).toMatchObject({ basis: "cumulative", start: "2020-09-24" });
    expect(normaliseFigure({ zone: "anhui-ftz", indicator: "x", period: "2021-Q1", basis: "point", valueBase: 1 }, launch)).toMatchObject({
      start: "2021-03-31",
      end: "2021-03-31",
    });
  });

  it("counts recall over scored labels, leaves matches to unscored labels out of precision, scores qualifier and yoy over matches", () => {
    const first = scorePassage(
      passages[0]!,
      [
        figure({}),
        figure({
          indicator: "import_export",
          period: "2022-H1",
          basis: "period",
          valueBase: 5e9 * (1 + 1e-12),
          qualifier: "exact",
          yoyPct: 5.0,
        }),
        figure({ indicator: "gdp", valueBase: 1 }),
        figure({ indicator: "gdp", valueBase: 1 }),
        figure({ valueBase: 12 }),
      ],
      launch,
    );
    expect(first).toMatchObject({ scored: 2, matched: 2, correct: 2, counted: 4, qualifierRight: 1, yoyRight: 1 });
    const second = scorePassage(passages[1]!, [figure({ valueBase: 2.6e4 })], launch);
    expect(second.misses).toHaveLength(1);
    const all = totals([first, second]);
    expect(all.recall).toBeCloseTo(2 / 3);
    expect(all.precision).toBeCloseTo(2 / 5);
    expect(all.qualifierAccuracy).toBe(0.5);
  });
});
