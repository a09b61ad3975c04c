// Units as published (亿元, 万TEU, million t …) and the base units figures are stored in.
// Pure: no I/O. A published unit is a base unit times a power of ten.
import { BASE_UNITS, type BaseUnit } from "./vocabulary.ts";

export type PublishedUnit = {
  /** The unit as written in the data format's canonical spelling, e.g. 亿元 or million t. */
  canonical: string;
  base: BaseUnit;
  /** Power of ten: the published value times 10^exponent is the value in the base unit. */
  exponent: number;
};

type UnitRow = readonly [canonical: string, base: BaseUnit, exponent: number, aliases?: readonly string[]];

// Every spelling DATA-FORMAT.md lists, plus the obvious variants (yuan for CNY, tonnes for t).
const UNIT_TABLE: readonly UnitRow[] = [
  ["元", "CNY", 0, ["cny", "yuan", "rmb"]],
  ["万元", "CNY", 4],
  ["亿元", "CNY", 8],
  ["million CNY", "CNY", 6, ["million yuan", "cny million", "million rmb"]],
  ["billion CNY", "CNY", 9, ["billion yuan", "cny billion", "billion rmb"]],
  ["美元", "USD", 0, ["usd", "us$", "dollars"]],
  ["万美元", "USD", 4],
  ["亿美元", "USD", 8],
  ["million USD", "USD", 6, ["usd million", "million us$", "million dollars"]],
  ["billion USD", "USD", 9, ["usd billion", "billion us$", "billion dollars"]],
  ["吨", "t", 0, ["t", "tonne", "tonnes", "ton", "tons"]],
  ["万吨", "t", 4],
  ["亿吨", "t", 8],
  ["million t", "t", 6, ["million tonnes", "million tons"]],
  ["TEU", "TEU", 0, ["teu", "标箱", "标准箱"]],
  ["万TEU", "TEU", 4, ["万标箱", "万标准箱"]],
  ["km2", "km2", 0, ["km²", "平方公里", "sq km", "square kilometers", "square kilometres"]],
  ["%", "percent", 0, ["％", "percent"]],
  ["count", "count", 0, ["家", "个", "项", "件"]],
];

/** Lower-case Latin letters and drop all white space, so `Million  CNY`, `万 TEU` and `KM2` match. */
export function normalizeUnitText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

const UNIT_INDEX: ReadonlyMap<string, PublishedUnit> = new Map(
  UNIT_TABLE.flatMap(([canonical, base, exponent, aliases = []]) =>
    [canonical, ...aliases].map((spelling) => [normalizeUnitText(spelling), { canonical, base, exponent }] as const),
  ),
);

/** The spellings accepted, for error messages. */
export const KNOWN_UNIT_SPELLINGS: readonly string[] = UNIT_TABLE.map(([canonical]) => canonical);

export type UnitResult = { ok: true; unit: PublishedUnit } | { ok: false; message: string };

export function parseUnit(text: string): UnitResult {
  const found = UNIT_INDEX.get(normalizeUnitText(text));
  if (found) return { ok: true, unit: found };
  const shown = text.trim() === "" ? "(empty)" : `'${text.trim()}'`;
  return { ok: false, message: `Unknown unit ${shown}. Use one of: ${KNOWN_UNIT_SPELLINGS.join(", ")}` };
}

const BASE_UNIT_LABEL: Record<BaseUnit, string> = {
  count: "count",
  CNY: "CNY",
  USD: "USD",
  t: "t",
  TEU: "TEU",
  km2: "km2",
  percent: "%",
};

export function baseUnitLabel(unit: BaseUnit): string {
  return BASE_UNIT_LABEL[unit];
}

const UNIT_NAMES: Record<BaseUnit, { en: string; zh: string }> = {
  count: { en: "number", zh: "个" },
  CNY: { en: "yuan (CNY)", zh: "元" },
  USD: { en: "US dollars", zh: "美元" },
  t: { en: "tonnes", zh: "吨" },
  TEU: { en: "TEU", zh: "标箱" },
  km2: { en: "km²", zh: "平方公里" },
  percent: { en: "%", zh: "%" },
};

/** A base unit's name for readers: "yuan (CNY)", "元"; a count in Chinese takes its measure word (家, 项) when known. */
export function unitName(unit: BaseUnit, locale: "en" | "zh", countWord = ""): string {
  return unit === "count" && locale === "zh" && countWord ? countWord : UNIT_NAMES[unit][locale];
}

/** Parses a base unit as written in an indicator table (`%` or `percent` for percent). */
/** A base unit as the data format writes it: `%` for percent, the unit's name otherwise. */
export function unitCode(unit: BaseUnit): string {
  return unit === "percent" ? "%" : unit;
}

export function parseBaseUnit(text: string): BaseUnit | undefined {
  const normalized = normalizeUnitText(text);
  if (normalized === "%" || normalized === "percent") return "percent";
  return BASE_UNITS.find((unit) => unit.toLowerCase() === normalized);
}

/** Checks that a published unit measures what the indicator measures. */
export function checkUnitFits(unit: PublishedUnit, indicatorCode: string, indicatorUnit: BaseUnit): string | undefined {
  if (unit.base === indicatorUnit) return undefined;
  return (
    `Unit '${unit.canonical}' measures ${baseUnitLabel(unit.base)}, but indicator '${indicatorCode}' is measured in ` +
    `${baseUnitLabel(indicatorUnit)}`
  );
}

/** The published value in the base unit, by moving the decimal point (no binary rounding on the way). */
export function toBaseValue(published: number, unit: PublishedUnit): number {
  if (unit.exponent === 0) return published;
  const text = String(published);
  return text.includes("e") ? published * 10 ** unit.exponent : Number(`${text}e${unit.exponent}`);
}

export type NumberResult = { ok: true; value: number } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** A value cell: digits with an optional sign, decimal point and thousands separators (3,857). Nothing else. */
export function parseNumber(text: string): NumberResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: "Value is empty" };
  if (!PLAIN_NUMBER.test(trimmed)) {
    return {
      ok: false,
      message:
        `Value '${trimmed}' is not a number: write digits only, e.g. 3857, 3,857 or 292.2; ` +
        `put the magnitude in the unit column and 超/约 in the qualifier column`,
    };
  }
  return { ok: true, value: Number(trimmed.replaceAll(",", "")) };
}

/** The magnitude analysts read each base unit in (亿元, 亿美元, 万吨, 万TEU); none for counts, areas and rates. */
export const ANALYST_MAGNITUDE: Readonly<Record<BaseUnit, { unit: string; exponent: number } | null>> = {
  CNY: { unit: "亿元", exponent: 8 },
  USD: { unit: "亿美元", exponent: 8 },
  t: { unit: "万吨", exponent: 4 },
  TEU: { unit: "万TEU", exponent: 4 },
  count: null,
  km2: null,
  percent: null,
};

/** A value in the base unit in the analysts' magnitude (154,000,000,000 CNY → 1,540 亿元), or null when the unit has none. */
export function inAnalystMagnitude(value: number, unit: BaseUnit): number | null {
  const magnitude = ANALYST_MAGNITUDE[unit];
  return magnitude ? Number((value / 10 ** magnitude.exponent).toPrecision(15)) : null;
}
