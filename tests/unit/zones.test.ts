import { describe, expect, it } from "vitest";
import { coverageMatrix } from "@/lib/domain/coverage";
import { orderZones, shortZoneName } from "@/lib/domain/figures";
import type { ZoneKind } from "@/lib/domain/vocabulary";

const zone = (code: string, kind: ZoneKind, parentCode: string | null = null) => ({ code, kind, parentCode });

describe("orderZones", () => {
  it("puts each FTZ before its areas, then provinces, ports and cities", () => {
    const zones = [
      zone("wuhu-port", "port", "wuhu"),
      zone("anhui", "province", "china"),
      zone("zhejiang-ftz-ningbo", "area", "zhejiang-ftz"),
      zone("anhui-ftz-wuhu", "area", "anhui-ftz"),
      zone("zhejiang-ftz", "ftz", "zhejiang"),
      zone("anhui-ftz", "ftz", "anhui"),
      zone("anhui-ftz-hefei", "area", "anhui-ftz"),
      zone("anhui-ftz-hefei-etdz", "area", "anhui-ftz-hefei"),
      zone("hefei", "city", "anhui"),
    ];
    expect(orderZones(zones).map((z) => z.code)).toEqual([
      "anhui-ftz",
      "anhui-ftz-hefei",
      "anhui-ftz-hefei-etdz",
      "anhui-ftz-wuhu",
      "zhejiang-ftz",
      "zhejiang-ftz-ningbo",
      "anhui",
      "wuhu-port",
      "hefei",
    ]);
  });

  it("shows an area on its own when its FTZ is not in the list", () => {
    expect(orderZones([zone("anhui-ftz-wuhu", "area", "anhui-ftz"), zone("anhui", "province")]).map((z) => z.code)).toEqual([
      "anhui-ftz-wuhu",
      "anhui",
    ]);
  });
});

describe("shortZoneName", () => {
  it.each([
    ["China (Anhui) Pilot Free Trade Zone", "Anhui FTZ"],
    ["China (Zhejiang) Pilot Free Trade Zone", "Zhejiang FTZ"],
    ["中国（安徽）自由贸易试验区", "安徽自贸试验区"],
    ["Hefei Area", "Hefei Area"],
    ["Ningbo-Zhoushan Port", "Ningbo-Zhoushan Port"],
  ])("%s → %s", (name, short) => expect(shortZoneName(name)).toBe(short));
});

describe("coverageMatrix", () => {
  const counts = [
    { zone: "a", indicator: "x", basis: "ytd" as const, year: 2021, n: 2 },
    { zone: "a", indicator: "x", basis: "period" as const, year: 2021, n: 1 },
    { zone: "a", indicator: "x", basis: "period" as const, year: 2023, n: 1 },
    { zone: "b", indicator: "y", basis: "point" as const, year: 2022, n: 1 },
    { zone: "c", indicator: "z", basis: "period" as const, year: 2019, n: 5 },
  ];
  it("lays out the years, zones and indicators with figures, and the bases of each year", () => {
    const matrix = coverageMatrix(counts, ["a", "b", "d"]);
    expect(matrix.years).toEqual([2021, 2022, 2023]);
    expect(matrix.zones).toEqual(["a", "b"]);
    expect(matrix.indicators).toEqual(["x", "y"]);
    const cell = matrix.cell("x", "a");
    expect(cell?.figures).toBe(4);
    expect(cell?.years.get(2021)).toEqual(["period", "ytd"]);
    expect(cell?.years.get(2022)).toBeUndefined();
    expect(matrix.cell("y", "a")).toBeUndefined();
  });
});
