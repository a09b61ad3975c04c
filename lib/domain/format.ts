// Display of values, qualifiers and periods in English and Chinese. Pure: the locale comes in as an
// argument. English uses thousands separators and million/billion; Chinese uses 万 and 亿.
import { splitIsoDate, type IsoDate } from "./dates.ts";
import type { BaseUnit, Basis, Granularity, Qualifier } from "./vocabulary.ts";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

const INTL_LOCALE: Record<Locale, string> = { en: "en-US", zh: "zh-CN" };

/** Rounds away binary noise (27.945e9 / 1e8 = 279.45000000000005) before display. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

// Building an Intl formatter costs far more than using one: a chart formats thousands of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.notation ?? ""}|${options.maximumFractionDigits ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 4): string {
  return numberFormat(INTL_LOCALE[locale], { maximumFractionDigits }).format(clean(value));
}

// English magnitudes, largest first; the first whose divisor the value reaches is used.
const EN_SCALES: Record<BaseUnit, ReadonlyArray<readonly [divisor: number, render: (n: string) => string]>> = {
  CNY: [
    [1e12, (n) => `CNY ${n} tn`],
    [1e9, (n) => `CNY ${n} bn`],
    [1e6, (n) => `CNY ${n} m`],
    [1, (n) => `CNY ${n}`],
  ],
  USD: [
    [1e12, (n) => `USD ${n} tn`],
    [1e9, (n) => `USD ${n} bn`],
    [1e6, (n) => `USD ${n} m`],
    [1, (n) => `USD ${n}`],
  ],
  t: [
    [1e9, (n) => `${n} billion t`],
    [1e6, (n) => `${n} million t`],
    [1, (n) => `${n} t`],
  ],
  TEU: [
    [1e6, (n) => `${n} million TEU`],
    [1, (n) => `${n} TEU`],
  ],
  km2: [[1, (n) => `${n} km²`]],
  percent: [[1, (n) => `${n}%`]],
  count: [[1, (n) => n]],
};

// Chinese magnitudes 万亿 (1e12), 亿 (1e8) and 万 (1e4) before the unit word; TEU stops at 万 (万标箱).
const ZH_UNIT: Record<BaseUnit, { word: string; magnitudes: readonly number[] }> = {
  CNY: { word: "元", magnitudes: [1e12, 1e8, 1e4] },
  USD: { word: "美元", magnitudes: [1e12, 1e8, 1e4] },
  t: { word: "吨", magnitudes: [1e8, 1e4] },
  TEU: { word: "标箱", magnitudes: [1e4] },
  km2: { word: "平方公里", magnitudes: [] },
  percent: { word: "%", magnitudes: [] },
  count: { word: "", magnitudes: [] },
};
const ZH_MAGNITUDE: Record<number, string> = { 1e12: "万亿", 1e8: "亿", 1e4: "万" };

function formatZh(value: number, unit: BaseUnit, countWord: string): string {
  const { word, magnitudes } = ZH_UNIT[unit];
  if (unit === "percent") return `${formatNumber(value, "zh")}%`;
  if (unit === "count") return countWord ? `${formatNumber(value, "zh")} ${countWord}` : formatNumber(value, "zh");
  const magnitude = zhMagnitude(value, magnitudes);
  if (magnitude === undefined) return `${formatNumber(value, "zh")} ${word}`;
  return `${formatNumber(value / magnitude, "zh", 2)} ${ZH_MAGNITUDE[magnitude]}${word}`;
}

const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6 * Math.max(1, Math.abs(n));

/**
 * The magnitude a Chinese number is written in without false precision: the largest (万亿, 亿, 万) in which it
 * is exact with at most two decimals and under 10,000 (292.2 billion → 2,922 亿); else, a number of at most two decimals under
 * 10⁸ as it is (42,566 标箱, not 4.2566 万标箱); else the largest magnitude, to two decimals (a computed value).
 */
function zhMagnitude(value: number, magnitudes: readonly number[]): number | undefined {
  const reached = magnitudes.filter((m) => Math.abs(value) >= m);
  const exact = reached.find((m, i) => hasAtMostTwoDecimals(value / m) && (i === 0 || Math.abs(value / m) < 1e4));
  if (exact !== undefined) return exact;
  if (hasAtMostTwoDecimals(value) && Math.abs(value) < 1e8) return undefined;
  return reached[0];
}

function formatEn(value: number, unit: BaseUnit): string {
  const scales = EN_SCALES[unit];
  const [divisor, render] = scales.find(([d]) => Math.abs(value) >= d) ?? scales[scales.length - 1] ?? [1, String];
  return render(formatNumber(value / divisor, "en"));
}

/**
 * A value in its base unit, for reading: `CNY 292.2 bn` / `2,922 亿元`, `135 million t` / `1.35 亿吨`,
 * `3,857` / `3,857 家` (with the count word the indicator takes in Chinese).
 */
export function formatValue(value: number, unit: BaseUnit, locale: Locale, countWord = ""): string {
  return locale === "zh" ? formatZh(value, unit, countWord) : formatEn(value, unit);
}

// One convention per language, everywhere a qualified number is written: ≥ ≤ ≈ in English, 超 不超过 约 in Chinese.
const QUALIFIER_MARKS: Record<Locale, Record<Qualifier, string>> = {
  en: { exact: "", at_least: "≥ ", at_most: "≤ ", approx: "≈ " },
  zh: { exact: "", at_least: "超", at_most: "不超过", approx: "约" },
};

/** What goes before a qualified number: `≥ ` / `超` for a lower bound, `≤ ` / `不超过`, `≈ ` / `约`; nothing for an exact one. */
export function qualifierMark(qualifier: Qualifier, locale: Locale): string {
  return QUALIFIER_MARKS[locale][qualifier];
}

/** A value with its qualifier: `≥ CNY 500 bn` / `超5,000 亿元`, `≈ 400,000 TEU` / `约40 万标箱`. */
export function formatQualifiedValue(value: number, unit: BaseUnit, qualifier: Qualifier, locale: Locale, countWord = ""): string {
  return `${qualifierMark(qualifier, locale)}${formatValue(value, unit, locale, countWord)}`;
}

/** The measure word a count takes in Chinese (3,857 家企业, 341 个项目, 31 项成果), from the indicator's code. */
export function countWordZh(indicatorCode: string): string {
  if (/enterprises|entities/.test(indicatorCode)) return "家";
  if (/projects/.test(indicatorCode)) return "个";
  if (/innovation|tasks/.test(indicatorCode)) return "项";
  return "";
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const QUARTERS_ZH = ["一", "二", "三", "四"] as const;

export function formatDate(date: IsoDate, locale: Locale): string {
  const { year, month, day } = splitIsoDate(date);
  return locale === "zh" ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

function formatMonth(date: IsoDate, locale: Locale): string {
  const { year, month } = splitIsoDate(date);
  return locale === "zh" ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

/** A span by its granularity: 2021 / 2021年, H1 2021 / 2021年上半年, Q3 2022 / 2022年三季度, Jul 2021 / 2021年7月. */
export function formatSpan(start: IsoDate, end: IsoDate, granularity: Granularity, locale: Locale): string {
  const s = splitIsoDate(start);
  const e = splitIsoDate(end);
  const zh = locale === "zh";
  switch (granularity) {
    case "year":
      return zh ? `${s.year}年` : String(s.year);
    case "half":
      return zh ? `${s.year}年${s.month === 1 ? "上" : "下"}半年` : `H${s.month === 1 ? 1 : 2} ${s.year}`;
    case "quarter": {
      const quarter = (s.month + 2) / 3;
      return zh ? `${s.year}年${QUARTERS_ZH[quarter - 1]}季度` : `Q${quarter} ${s.year}`;
    }
    case "month":
      return formatMonth(start, locale);
    case "day":
      return formatDate(start, locale);
    case "interval": {
      const monthAligned = s.day === 1 && e.day === new Date(Date.UTC(e.year, e.month, 0)).getUTCDate();
      if (monthAligned && s.month === 1 && e.month === 12) return zh ? `${s.year}—${e.year}年` : `${s.year}–${e.year}`;
      if (monthAligned && s.year === e.year) {
        return zh ? `${s.year}年${s.month}–${e.month}月` : `${MONTHS_EN[s.month - 1]}–${MONTHS_EN[e.month - 1]} ${s.year}`;
      }
      if (monthAligned)
        return zh
          ? `${formatMonth(start, locale)}至${formatMonth(end, locale)}`
          : `${formatMonth(start, locale)} – ${formatMonth(end, locale)}`;
      return zh ? `${formatDate(start, locale)}至${formatDate(end, locale)}` : `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
    }
  }
}

/**
 * A period as a reader needs it, with its basis: `Jan–Jul 2021` (ytd), `cumulative to 25 Jan 2021`,
 * `as of 24 Sep 2020`; in Chinese `2021年1–7月`, `截至2021年1月25日累计`, `截至2020年9月24日`.
 */
export function formatPeriod(period: { start: IsoDate; end: IsoDate; granularity: Granularity }, basis: Basis, locale: Locale): string {
  const zh = locale === "zh";
  switch (basis) {
    case "point":
      return zh ? `截至${formatDate(period.end, locale)}` : `as of ${formatDate(period.end, locale)}`;
    case "cumulative":
      return zh ? `截至${formatDate(period.end, locale)}累计` : `cumulative to ${formatDate(period.end, locale)}`;
    case "ytd":
    case "period":
      return formatSpan(period.start, period.end, period.granularity, locale);
  }
}

/** An instant (ISO string) as a date and time in Beijing time (UTC+8), where the zones are. */
export function formatDateTime(instant: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
    hour12: false,
  }).format(new Date(instant));
}

/**
 * A short number for axis ticks and tight spaces: 万 and 亿 in Chinese (Intl's zh-CN compact notation),
 * thousands separators and m / bn in English.
 */
export function formatCompact(value: number, locale: Locale): string {
  if (locale === "zh") return numberFormat("zh-CN", { notation: "compact", maximumFractionDigits: 2 }).format(clean(value));
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${formatNumber(value / 1e12, "en", 2)} tn`;
  if (abs >= 1e9) return `${formatNumber(value / 1e9, "en", 2)} bn`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6, "en", 2)} m`;
  return formatNumber(value, "en", abs < 10 ? 2 : 1);
}

/** What a transformed series is measured in: the base unit, %, percentage points, an index or per km². */
export type SeriesUnit = BaseUnit | "pp" | "index" | "per_km2";

/**
 * A value of a series, in the unit the transformation left it in. Changes carry their sign
 * (+12.3%, −2.5 pp); levels read as elsewhere (CNY 292.2 bn / 2,922 亿元).
 */
export function formatSeriesValue(
  value: number,
  unit: SeriesUnit,
  baseUnit: BaseUnit,
  locale: Locale,
  options: { signed?: boolean; countWord?: string } = {},
): string {
  const sign = options.signed && value > 0 ? "+" : "";
  switch (unit) {
    case "pp":
      return `${sign}${formatNumber(value, locale, 2)}${locale === "zh" ? " 个百分点" : " pp"}`;
    case "index":
      return formatNumber(value, locale, 1);
    case "per_km2":
      return `${formatValue(value, baseUnit, locale, options.countWord ?? "")}${locale === "zh" ? "/平方公里" : "/km²"}`;
    case "percent":
      return `${sign}${formatNumber(value, locale, options.signed ? 1 : 2)}%`;
    default:
      return `${sign}${formatValue(value, unit, locale, options.countWord ?? "")}`;
  }
}

/** A date known to a day, a month or only a year: 24 Sep 2020, Sep 2020, 2020 (2020年9月24日, 2020年9月, 2020年). */
export function formatDateAt(date: IsoDate, precision: "day" | "month" | "year", locale: Locale): string {
  if (precision === "day") return formatDate(date, locale);
  if (precision === "month") return formatMonth(date, locale);
  return locale === "zh" ? `${date.slice(0, 4)}年` : date.slice(0, 4);
}

/** How long ago a date was, roughly: 12 days, 5 months, 2 years (12 天前, 5 个月前, 2 年前). */
export function formatAge(date: IsoDate, today: IsoDate, locale: Locale): string {
  const days = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000));
  const zh = locale === "zh";
  if (days < 45) return zh ? `${days} 天前` : `${days} day${days === 1 ? "" : "s"} ago`;
  const months = Math.round(days / 30.44);
  if (months < 24) return zh ? `${months} 个月前` : `${months} months ago`;
  const years = Math.round((days / 365.25) * 10) / 10;
  return zh ? `${formatNumber(years, "zh", 1)} 年前` : `${formatNumber(years, "en", 1)} years ago`;
}

/** A published change on a year earlier as a reader says it: `+26.9% on a year earlier` / `同比增长26.9%`, `同比下降0.3%`. */
export function formatYoy(rate: number, locale: Locale): string {
  const digits = 2;
  if (locale === "zh") {
    const size = formatNumber(Math.abs(rate), locale, digits);
    return rate === 0 ? "同比持平" : `同比${rate > 0 ? "增长" : "下降"}${size}%`;
  }
  return `${rate > 0 ? "+" : rate < 0 ? "−" : "±"}${formatNumber(Math.abs(rate), locale, digits)}% on a year earlier`;
}

/** A planned area: `119.86 km²` / `119.86平方公里`. */
export function formatArea(km2: number, locale: Locale, maximumFractionDigits = 4): string {
  return locale === "zh"
    ? `${formatNumber(km2, locale, maximumFractionDigits)}平方公里`
    : `${formatNumber(km2, locale, maximumFractionDigits)} km²`;
}

/**
 * A change on a year earlier as Chinese writes it: `同比增长26.9%`, `同比下降0.3个百分点` (percentage
 * points for rates); English: `+26.9%`, `-0.3 pp`.
 */
export function formatChange(value: number, unit: "percent" | "pp", locale: Locale): string {
  if (locale !== "zh") return formatSeriesValue(value, unit, "percent", locale, { signed: true });
  const size = formatNumber(Math.abs(value), locale, unit === "pp" ? 2 : 1);
  if (value === 0) return "同比持平";
  return `同比${value > 0 ? "增长" : "下降"}${size}${unit === "pp" ? "个百分点" : "%"}`;
}

/** How long a zone has been open: `6.2 years since launch`; in Chinese whole years or months, `挂牌6年`, `挂牌8个月`. */
export function formatSinceLaunch(days: number, locale: Locale): string {
  if (locale !== "zh") return `${formatNumber(days / 365.25, locale, 1)} years since launch`;
  const years = Math.floor(days / 365.25);
  return years >= 1 ? `挂牌${years}年` : `挂牌${Math.max(0, Math.floor(days / 30.44))}个月`;
}
