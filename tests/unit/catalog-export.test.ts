// Zones and indicators leave the app in the API's snake_case, in the order docs/api.md lists the fields, with
// percent written as the data format writes it (%); inside the app they are camelCase (issue 12, point 3).
import { describe, expect, it } from "vitest";
import { indicatorApiRow, zoneApiRow } from "@/lib/export/catalog";

describe("catalog rows for the API", () => {
  it("writes an indicator with the API's field names, in order, and % for percent", () => {
    const row = indicatorApiRow({
      code: "trade_share_of_province",
      nameEn: "Share of the province's trade",
      nameZh: "占全省进出口比重",
      unit: "percent",
      kind: "rate",
      category: "trade",
      description: null,
      comparable: true,
      observations: 12,
    });
    expect(Object.entries(row)).toEqual([
      ["code", "trade_share_of_province"],
      ["name_en", "Share of the province's trade"],
      ["name_zh", "占全省进出口比重"],
      ["unit", "%"],
      ["kind", "rate"],
      ["category", "trade"],
      ["description", null],
      ["comparable", true],
      ["observations", 12],
    ]);
    expect(
      indicatorApiRow({
        code: "x",
        nameEn: "X",
        nameZh: null,
        kind: "flow",
        category: null,
        description: null,
        unit: "CNY",
        comparable: false,
        observations: 0,
      }).unit,
    ).toBe("CNY");
  });

  it("writes a zone with its parent's code as `parent`", () => {
    const row = zoneApiRow({
      code: "hefei-area",
      nameEn: "Hefei Area",
      nameZh: "合肥片区",
      kind: "area",
      parentCode: "anhui-ftz",
      establishedOn: "2020-09-24",
      areaKm2: 64.95,
      note: null,
      observations: 3,
    });
    expect(Object.entries(row)).toEqual([
      ["code", "hefei-area"],
      ["name_en", "Hefei Area"],
      ["name_zh", "合肥片区"],
      ["kind", "area"],
      ["parent", "anhui-ftz"],
      ["established_on", "2020-09-24"],
      ["area_km2", 64.95],
      ["note", null],
      ["observations", 3],
    ]);
  });
});
