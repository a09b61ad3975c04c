import { describe, expect, it } from "vitest";
import {
  buildNationalView,
  computedShares,
  sharedPeriodOf,
  shareCells,
  upperBound,
  type NationalData,
  type NationalFigure,
  type NationalZone,
} from "@/lib/domain/national";
import { batchOf, LAUNCH_BATCHES, selectableGroups, YANGTZE_RIVER_DELTA } from "@/lib/domain/peer-groups";
import type { Basis } from "@/lib/domain/vocabulary";
import { seedZones } from "../support/seed-zones";

const source = { title: "A source", url: "https://example.org/a", publishedOn: "2024-01-10" };

function figure(
  zone: string,
  indicator: string,
  period: string,
  basis: Basis,
  value: number,
  extra: Partial<NationalFigure> = {},
): NationalFigure {
  const [start, end] = period.includes("/") ? (period.split("/") as [string, string]) : [`${period}-01-01`, `${period}-12-31`];
  return {
    zone,
    indicator,
    basis,
    start,
    end,
    granularity: period.includes("/") ? "interval" : "year",
    value,
    qualifier: "exact",
    status: "ok",
    source,
    quote: null,
    ...extra,
  };
}

function zone(code: string, province: string | null, extra: Partial<NationalZone> = {}): NationalZone {
  return {
    code,
    nameEn: `China (${code.replace("-ftz", "").replace(/^./, (c) => c.toUpperCase())}) Pilot Free Trade Zone`,
    nameZh: null,
    launch: null,
    areaKm2: null,
    province: province ? { code: province, nameEn: province, nameZh: null } : null,
    areas: [],
    figureCount: 0,
    ...extra,
  };
}

const indicators: NationalData["indicators"] = [
  { code: "new_enterprises", nameEn: "New enterprises", nameZh: null, unit: "count", comparable: true },
  { code: "import_export", nameEn: "Imports and exports", nameZh: null, unit: "CNY", comparable: true },
  { code: "import_export_share_of_province", nameEn: "Share", nameZh: null, unit: "percent", comparable: true },
  { code: "institutional_innovation_results", nameEn: "Innovations", nameZh: null, unit: "count", comparable: false },
];

const zones = [
  zone("anhui-ftz", "anhui", { launch: "2020-09-24", areaKm2: 119.86 }),
  zone("jiangsu-ftz", "jiangsu"),
  zone("hubei-ftz", "hubei"),
  zone("hebei-ftz", "hebei"),
];

const data: NationalData = {
  zones,
  indicators,
  figures: [
    // Anhui: trade 2021 and 2023; the province's 2023 trade (so 2023's share is computable: 1,500 / 6,000 = 25%).
    figure("anhui-ftz", "import_export", "2021", "period", 154e9),
    figure("anhui-ftz", "import_export", "2023", "period", 150e9),
    figure("anhui", "import_export", "2023", "period", 600e9),
    figure("anhui-ftz", "new_enterprises", "2021", "period", 13000),
    figure("anhui-ftz", "institutional_innovation_results", "2020-09-24/2025-09-30", "cumulative", 236),
    // Jiangsu: trade 2021 (with a published share) and a later cumulative total.
    figure("jiangsu-ftz", "import_export", "2021", "period", 591.49e9),
    figure("jiangsu-ftz", "import_export_share_of_province", "2021", "period", 11.3),
    figure("jiangsu", "import_export", "2021", "period", 5213.06e9),
    figure("jiangsu-ftz", "import_export", "2019-08-30/2024-08-30", "cumulative", 2600e9),
    figure("jiangsu-ftz", "new_enterprises", "2021", "period", 40000),
    figure("jiangsu-ftz", "institutional_innovation_results", "2019-08-30/2024-08-30", "cumulative", 400),
    figure("jiangsu-ftz", "area_size", "2019-08-26/2019-08-26", "point", 119.97),
    // Hubei: trade 2021 only, an area share and a trade share of the same date.
    figure("hubei-ftz", "import_export", "2021", "period", 300e9),
    figure("hubei-ftz", "new_enterprises", "2019", "period", 90000),
    figure("hubei-ftz", "import_export_share_of_province", "2017-04-01/2019-02-28", "cumulative", 30.2),
    figure("hubei-ftz", "area_share_of_province", "2019-02-28/2019-02-28", "point", 0.065),
    figure("hubei-ftz", "area_size", "2017-04-01/2017-04-01", "point", 119.96),
  ],
};

describe("the national table", () => {
  it("lists every FTZ, also one without figures, Anhui highlighted", () => {
    const view = buildNationalView(data);
    expect(view.rows.map((r) => r.zone.code)).toEqual(["anhui-ftz", "hebei-ftz", "hubei-ftz", "jiangsu-ftz"]);
    const hebei = view.rows.find((r) => r.zone.code === "hebei-ftz");
    expect(hebei?.cells).toEqual({});
    expect(view.rows.filter((r) => r.highlighted).map((r) => r.zone.code)).toEqual(["anhui-ftz"]);
  });

  it("shows each zone's latest figure: Jiangsu's cumulative total ends later than its 2021 figure", () => {
    const view = buildNationalView(data);
    const jiangsu = view.rows.find((r) => r.zone.code === "jiangsu-ftz");
    expect(jiangsu?.cells.import_export?.figure).toMatchObject({ basis: "cumulative", value: 2600e9 });
  });

  it("sorts by an indicator, largest first, zones without a figure last, and counts the periods mixed", () => {
    const view = buildNationalView(data, { sort: "import_export" });
    expect(view.rows.map((r) => r.zone.code)).toEqual(["jiangsu-ftz", "hubei-ftz", "anhui-ftz", "hebei-ftz"]);
    // cumulative 2019–2024, 2021, 2023: three periods in one ranking.
    expect(view.sortedPeriods).toBe(3);
    // 2021 is the period most zones share (Anhui, Jiangsu, Hubei).
    expect(view.sharedPeriod).toMatchObject({ basis: "period", start: "2021-01-01", end: "2021-12-31", zones: 3 });
  });

  it("ranks only figures of the shared period when asked", () => {
    const view = buildNationalView(data, { sort: "import_export", samePeriod: true });
    expect(view.samePeriod).toBe(true);
    expect(view.rows.map((r) => [r.zone.code, r.cells.import_export?.figure.value])).toEqual([
      ["jiangsu-ftz", 591.49e9],
      ["hubei-ftz", 300e9],
      ["anhui-ftz", 154e9],
      ["hebei-ftz", undefined],
    ]);
    expect(view.sortedPeriods).toBe(1);
  });

  it("sorts ascending when asked", () => {
    const view = buildNationalView(data, { sort: "new_enterprises", descending: false });
    expect(view.rows.map((r) => r.zone.code)).toEqual(["anhui-ftz", "jiangsu-ftz", "hubei-ftz", "hebei-ftz"]);
  });

  it("never ranks an indicator that is not comparable", () => {
    const view = buildNationalView(data, { sort: "institutional_innovation_results" });
    expect(view.sort).toBe("name");
    expect(view.sharedPeriod).toBeUndefined();
    expect(view.rows.find((r) => r.zone.code === "anhui-ftz")?.cells.institutional_innovation_results?.figure.value).toBe(236);
  });

  it("takes the planned area from the latest published level, else the zone's recorded area", () => {
    const view = buildNationalView(data);
    const area = (code: string) => view.rows.find((r) => r.zone.code === code)?.plannedArea?.km2;
    expect([area("jiangsu-ftz"), area("anhui-ftz"), area("hebei-ftz")]).toEqual([119.97, 119.86, undefined]);
  });

  it("adds the area of a later expansion to the planned area", () => {
    const zhejiang = zone("zhejiang-ftz", "zhejiang");
    const view = buildNationalView({
      zones: [zhejiang],
      indicators,
      figures: [
        figure("zhejiang-ftz", "area_size", "2017-04-01/2017-04-01", "point", 119.95),
        figure("zhejiang-ftz", "area_added", "2020-09-21/2020-09-21", "period", 119.5),
      ],
    });
    expect(view.rows[0]?.plannedArea?.km2).toBeCloseTo(239.45, 6);
    expect(view.rows[0]?.plannedArea?.added.map((f) => f.value)).toEqual([119.5]);
  });
});

describe("share of the province", () => {
  it("computes the share from the zone's and the province's figures of the same period and basis", () => {
    const anhui = zones[0]!;
    const cells = shareCells(anhui, data.figures);
    expect(cells).toHaveLength(1);
    expect(cells[0]?.figure).toMatchObject({ start: "2023-01-01", end: "2023-12-31", basis: "period", value: 25 });
    expect(cells[0]?.computed?.province.value).toBe(600e9);
  });

  it("keeps a published share and does not compute one for the same period", () => {
    const cells = shareCells(zones[1]!, data.figures);
    expect(cells.map((c) => [c.figure.value, Boolean(c.computed)])).toEqual([[11.3, false]]);
  });

  it("computes every share it can, with the published share of the same period beside it", () => {
    const jiangsu = buildNationalView(data).rows.find((r) => r.zone.code === "jiangsu-ftz");
    const computed = jiangsu?.framing?.computed ?? [];
    expect(computed).toHaveLength(1);
    // 591.49 bn ÷ 5,213.06 bn = 11.346…%, published as 11.3%.
    expect(computed[0]?.figure.value).toBeCloseTo(11.3463, 4);
    expect(computed[0]?.computed?.published?.value).toBe(11.3);
    expect(computedShares(zones[1]!, data.figures, "new_enterprises", "none")).toEqual([]);
  });

  it("computes the share of foreign capital from the same-period figures of zone and province", () => {
    const shaanxi = zone("shaanxi-ftz", "shaanxi");
    const cells = computedShares(
      shaanxi,
      [
        figure("shaanxi-ftz", "actual_use_foreign_capital", "2019-01-01/2019-03-31", "period", 7.89e8),
        figure("shaanxi", "actual_use_foreign_capital", "2019-01-01/2019-03-31", "period", 20.29e8),
        figure("shaanxi", "actual_use_foreign_capital", "2019", "period", 80e8),
      ],
      "actual_use_foreign_capital",
      "fdi_share_of_province",
    );
    expect(cells.map((c) => Number(c.figure.value.toFixed(2)))).toEqual([38.89]);
  });

  it("marks a share computed from an approximate figure as approximate", () => {
    const cells = shareCells(zones[0]!, [
      figure("anhui-ftz", "import_export", "2023", "period", 150e9, { qualifier: "at_least" }),
      figure("anhui", "import_export", "2023", "period", 600e9),
    ]);
    expect(cells[0]?.figure.qualifier).toBe("approx");
  });

  it("frames the area share with the trade share of the same date, and trade per km² of that period", () => {
    const hubei = buildNationalView(data).rows.find((r) => r.zone.code === "hubei-ftz");
    expect(hubei?.framing?.area?.value).toBe(0.065);
    expect(hubei?.framing?.areaBound).toBe(0.1);
    expect(hubei?.framing?.trade?.figure.value).toBe(30.2);
    // No trade level for that cumulative period: per km² falls back to the latest trade level, 2021: 300e9 / 119.96.
    expect(hubei?.framing?.perKm2?.value).toBeCloseTo(300e9 / 119.96, 0);
    expect(hubei?.framing?.perKm2?.trade.start).toBe("2021-01-01");
  });

  it("writes 'under X%' with a round bound above the published share", () => {
    expect([0.06, 0.065, 0.1, 0.23, 12, 25].map(upperBound)).toEqual([0.1, 0.1, 0.2, 0.5, 20, 50]);
  });
});

describe("the shared period", () => {
  it("needs two zones, and prefers the later period on a tie", () => {
    const one = (zone: string, period: string) => ({ figure: figure(zone, "import_export", period, "period", 1) });
    expect(sharedPeriodOf(new Map([["a", [one("a", "2021")]]]))).toBeUndefined();
    const shared = sharedPeriodOf(
      new Map([
        ["a", [one("a", "2021"), one("a", "2022")]],
        ["b", [one("b", "2021"), one("b", "2022")]],
      ]),
    );
    expect(shared).toMatchObject({ end: "2022-12-31", zones: 2 });
  });
});

describe("peer groups", () => {
  it("puts every FTZ of the seed in one launch batch, in the year of its launch", () => {
    const ftzs = new Map(seedZones("ftz").map((zone) => [zone.code, zone.established_on]));
    expect(ftzs.size).toBe(22);
    for (const [code, launch] of ftzs) {
      const batch = batchOf(code);
      expect(batch, code).toBeDefined();
      if (launch) expect(Number(launch.slice(0, 4)), code).toBe(batch?.year);
    }
    expect(LAUNCH_BATCHES.flatMap((b) => b.zones)).toHaveLength(22);
  });

  it("offers a group for comparison when two of its members are known", () => {
    const known = new Set(["anhui-ftz", "zhejiang-ftz", "jiangsu-ftz", "beijing-ftz"]);
    const groups = selectableGroups(known);
    expect(groups.find((g) => g.group.id === YANGTZE_RIVER_DELTA.id)?.zones).toEqual(["jiangsu-ftz", "zhejiang-ftz", "anhui-ftz"]);
    expect(groups.find((g) => g.group.id === "batch-6")?.zones).toEqual(["beijing-ftz", "anhui-ftz"]);
    expect(groups.some((g) => g.group.id === "batch-1")).toBe(false);
  });
});
