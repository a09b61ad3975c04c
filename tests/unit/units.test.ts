import { describe, expect, it } from "vitest";
import { checkUnitFits, parseBaseUnit, parseNumber, parseUnit, toBaseValue } from "@/lib/domain/units";

describe("parseUnit", () => {
  it.each([
    ["元", "CNY", 0],
    ["万元", "CNY", 4],
    ["亿元", "CNY", 8],
    ["CNY", "CNY", 0],
    ["yuan", "CNY", 0],
    ["million CNY", "CNY", 6],
    ["Million  CNY", "CNY", 6],
    ["billion CNY", "CNY", 9],
    ["billion yuan", "CNY", 9],
    ["美元", "USD", 0],
    ["万美元", "USD", 4],
    ["亿美元", "USD", 8],
    ["USD", "USD", 0],
    ["million USD", "USD", 6],
    ["billion USD", "USD", 9],
    ["吨", "t", 0],
    ["万吨", "t", 4],
    ["亿吨", "t", 8],
    ["t", "t", 0],
    ["million t", "t", 6],
    ["TEU", "TEU", 0],
    ["万TEU", "TEU", 4],
    ["万 TEU", "TEU", 4],
    ["万标箱", "TEU", 4],
    ["万标准箱", "TEU", 4],
    ["km2", "km2", 0],
    ["km²", "km2", 0],
    ["平方公里", "km2", 0],
    ["%", "percent", 0],
    ["％", "percent", 0],
    ["count", "count", 0],
    ["家", "count", 0],
    ["个", "count", 0],
    ["项", "count", 0],
  ])("%s is %s × 10^%i", (text, base, exponent) => {
    const result = parseUnit(text);
    expect(result).toMatchObject({ ok: true, unit: { base, exponent } });
  });

  it.each(["", "亿", "万亿元", "million", "kg", "million TEU", "USD/t"])("rejects %j and lists the known units", (text) => {
    const result = parseUnit(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("亿元");
  });
});

describe("toBaseValue", () => {
  const unit = (text: string) => {
    const result = parseUnit(text);
    if (!result.ok) throw new Error(result.message);
    return result.unit;
  };
  it.each([
    [292.2, "billion CNY", 292_200_000_000],
    [5406.4, "亿元", 540_640_000_000],
    [27.945, "billion CNY", 27_945_000_000],
    [3335, "万标准箱", 33_350_000],
    [13.24, "亿吨", 1_324_000_000],
    [135, "million t", 135_000_000],
    [66.9, "million USD", 66_900_000],
    [0.1, "万元", 1000],
    [3857, "count", 3857],
  ])("%d %s → %d in the base unit, exactly", (value, text, expected) => {
    expect(toBaseValue(value, unit(text))).toBe(expected);
  });
});

describe("checkUnitFits", () => {
  it("accepts a unit of the indicator's base unit", () => {
    const result = parseUnit("亿元");
    if (!result.ok) throw new Error("unit");
    expect(checkUnitFits(result.unit, "import_export", "CNY")).toBeUndefined();
  });
  it("rejects a unit of another base unit, naming the unit and the indicator", () => {
    const result = parseUnit("亿美元");
    if (!result.ok) throw new Error("unit");
    expect(checkUnitFits(result.unit, "import_export", "CNY")).toBe(
      "Unit '亿美元' measures USD, but indicator 'import_export' is measured in CNY",
    );
  });
});

describe("parseBaseUnit", () => {
  it.each([
    ["count", "count"],
    ["CNY", "CNY"],
    ["usd", "USD"],
    ["t", "t"],
    ["TEU", "TEU"],
    ["km2", "km2"],
    ["%", "percent"],
    ["percent", "percent"],
  ])("%s → %s", (text, expected) => expect(parseBaseUnit(text)).toBe(expected));
  it("returns undefined for a published unit that is not a base unit", () => expect(parseBaseUnit("亿元")).toBeUndefined());
});

describe("parseNumber", () => {
  it.each([
    ["3857", 3857],
    ["3,857", 3857],
    ["1,234,567.5", 1234567.5],
    [" 292.2 ", 292.2],
    ["-5.9", -5.9],
    ["0", 0],
  ])("%j → %d", (text, value) => expect(parseNumber(text)).toEqual({ ok: true, value }));

  it.each(["", "约3857", "3857家", "3,85", "1e5", "12.5%", "3.857,5", "NaN", "--1", "1,2345"])("rejects %j", (text) => {
    expect(parseNumber(text).ok).toBe(false);
  });
});
