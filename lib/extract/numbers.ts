// Numbers as releases write them: 3857, 3,857, 1.35亿吨, 292.2 billion yuan, 2.6万亿元, 26万家, US$0.4 billion,
// 一万家, 四成, 三分之一, 千分之四, 1/1000, nine; with the words that bound them (超, 约, 不到, more than, nearly, -odd).
// Works on prepared text (text.ts). Pure.
import type { BaseUnit, Qualifier } from "../domain/vocabulary.ts";
import type { Span } from "./types.ts";

/** What a number measures, as far as its own words say. `bare` has no unit (a count, if anything). */
export type NumberUnit = BaseUnit | "bare" | "other";

export type NumberMention = {
  span: Span;
  /** The number as published without thousands separators (3857, 1.35, 0.25 for 四分之一 read as a share). */
  value: string;
  /** The unit as published with its magnitude (亿元, billion yuan, 万家, %), or "" for a bare number. */
  unit: string;
  unitClass: NumberUnit;
  /** Power of ten from the magnitude word (万 4, 亿 8, million 6). */
  exponent: number;
  qualifier: Qualifier;
  qualifierSpan: Span | null;
  /** A fraction with no finite decimal (1/3, 1/6): seen, never a stored figure. */
  inexact: boolean;
  /** Written as a year (2020年), a date part (9月, 25日), a duration, multiple or percentage points. */
  notAFigure: string | null;
  /** Its place in a list of numbers that share one unit ("15.54, 12.12, 12.25 percent", "28.48 and 16.58 square kilometers"). */
  list?: { index: number; size: number };
};

// Not inside a longer number (3,857 is one number; "企业1.8万户,141条" are two).
const DIGITS = /(?<![\d.A-Za-z/])(?<!\d,)\d+(?:,\d{3})*(?:\.\d+)?(?![\d/])/g;

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一万 10000, 三百四十一 341, 十二 12, 千 1000; undefined when not a Chinese numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === "") return undefined;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch]!;
      digit = null;
    } else if (ch === "万" || ch === "亿") {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * (ch === "万" ? 1e4 : 1e8);
      section = 0;
      digit = null;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

const EN_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const EN_FRACTIONS: Record<string, [number, number]> = {
  "one-fourth": [1, 4],
  "one fourth": [1, 4],
  "a quarter": [1, 4],
  "one-quarter": [1, 4],
  "one-third": [1, 3],
  "one third": [1, 3],
  "two-thirds": [2, 3],
  "one-fifth": [1, 5],
  "one-tenth": [1, 10],
  half: [1, 2],
};

// Magnitudes and units, longest first. [written, exponent, unit class, published unit]
const CN_MAGNITUDE = /^(万亿|亿|万|千)?(余|多)?/;
const CN_UNITS: readonly [RegExp, NumberUnit][] = [
  [/^元人民币|^人民币元|^元|^人民币/, "CNY"],
  [/^美元/, "USD"],
  [/^吨/, "t"],
  [/^(?:标准箱|标箱|TEU)/i, "TEU"],
  [/^(?:平方公里|平方千米)/, "km2"],
  [/^%/, "percent"],
  [/^(?:家|户|个|项|条|件|批|宗)/, "count"],
];
const NOT_FIGURE_AFTER: readonly [RegExp, string][] = [
  [/^个?百分点/, "percentage points"],
  [/^倍/, "a multiple"],
  [/^(?:年(?!度)|月|日|号|时|天|周岁|岁|个月|周年|届|次|人|名|位|平方米|米|公里)/, "a date, duration or other measure"],
  [
    /^(?:\s?(?:percentage points?|times|fold|-fold|years?|months?|days?|working days|hours?|st|nd|rd|th|people|persons))\b/i,
    "a duration, multiple or ordinal",
  ],
];
const EN_MAGNITUDE = /^\s?(trillion|billion|million|thousand|bn|m(?=\s?(?:teus?|tonnes|tons|dwt|yuan)\b))(?![a-z])/i;
const EN_UNITS: readonly [RegExp, NumberUnit][] = [
  [/^\s?(?:yuan|rmb|cny)\b/i, "CNY"],
  [/^\s?(?:u\.?s\.? dollars|us dollars|dollars|usd)\b/i, "USD"],
  [/^\s?(?:tonnes|tons|t)\b/i, "t"],
  [/^\s?(?:teus?|twenty-foot equivalent units?(?:\s?\(teus?\))?|standard (?:boxes|containers)(?:teus?)?)/i, "TEU"],
  [/^\s?(?:square kilomet(?:er|re)s|sq\.?\s?km|km2|km²)/i, "km2"],
  [/^\s?(?:percent|per cent|%)/i, "percent"],
  [/^\s?(?:dwt)\b/i, "other"],
];
const CURRENCY_BEFORE: readonly [RegExp, BaseUnit, string][] = [
  [/(?:US\$|USD|US dollars?)\s?$/i, "USD", "USD"],
  [/(?:HK\$)\s?$/i, "other" as BaseUnit, "HKD"],
  [/\$\s?$/, "USD", "USD"],
  [/(?:RMB|CNY|¥|人民币)\s?$/i, "CNY", "yuan"],
];

const EXPONENT: Record<string, number> = { 万亿: 12, 亿: 8, 万: 4, 千: 3, trillion: 12, billion: 9, million: 6, thousand: 3, bn: 9, m: 6 };

const AT_LEAST_BEFORE =
  /(?:超过|超出|突破|首超|首破|超|逾|高达逾|more than|over|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|above|at least|upwards of|in excess of)\s?(?:the\s)?["“”]?\s?$/i;
const APPROX_BEFORE = /(?:接近|将近|近|约|大约|约为|approximately|about|nearly|around|roughly|almost|some)\s?["“”]?\s?$/i;
const AT_MOST_BEFORE = /(?:不到|不足|低于|少于|less than|fewer than|under|below|up to)\s?$/i;

function qualifierBefore(text: string, start: number): { qualifier: Qualifier; span: Span } | null {
  const window = text.slice(Math.max(0, start - 16), start);
  for (const [re, qualifier] of [
    [AT_MOST_BEFORE, "at_most"],
    [AT_LEAST_BEFORE, "at_least"],
    [APPROX_BEFORE, "approx"],
  ] as const) {
    const m = re.exec(window);
    if (m) return { qualifier, span: { start: start - m[0].length, end: start } };
  }
  return null;
}

function fractionValue(numerator: number, denominator: number): { value: string; inexact: boolean } {
  const percent = (numerator / denominator) * 100;
  // A share is a finite decimal only when the denominator has no prime factors but 2 and 5.
  let d = denominator / gcd(numerator, denominator);
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return { value: String(Number(percent.toPrecision(12))), inexact: d !== 1 };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

type Draft = Omit<NumberMention, "qualifier" | "qualifierSpan"> & { qualifier?: Qualifier; qualifierSpan?: Span | null };

/** Every number of the prepared text, in order. */
export function findNumbers(text: string): NumberMention[] {
  const drafts: Draft[] = [];
  const taken: Span[] = [];
  const overlaps = (s: Span) => taken.some((t) => s.start < t.end && t.start < s.end);

  // Fractions first: 三分之一, 千分之四, 1/1000, one-fourth; 四成.
  for (const m of text.matchAll(/(\d+|[一二两三四五六七八九十百千万]+)分之(\d+|[一二两三四五六七八九十]+)/g)) {
    const den = parseChineseNumeral(m[1]!) ?? Number(m[1]);
    const num = parseChineseNumeral(m[2]!) ?? Number(m[2]);
    if (!den || !num) continue;
    const { value, inexact } = fractionValue(num, den);
    const span = { start: m.index, end: m.index + m[0].length };
    drafts.push({ span, value, unit: "%", unitClass: "percent", exponent: 0, inexact, notAFigure: null });
    taken.push(span);
  }
  for (const m of text.matchAll(/(?<![\d.])(\d+)\/(\d+)(?![\d/])/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span)) continue;
    const { value, inexact } = fractionValue(Number(m[1]), Number(m[2]));
    drafts.push({ span, value, unit: "%", unitClass: "percent", exponent: 0, inexact, notAFigure: null });
    taken.push(span);
  }
  for (const m of text.matchAll(
    /(?<![A-Za-z])(one-fourth|one fourth|a quarter|one-quarter|one-third|one third|two-thirds|one-fifth|one-tenth)(?![A-Za-z])/gi,
  )) {
    const [num, den] = EN_FRACTIONS[m[1]!.toLowerCase()]!;
    const { value, inexact } = fractionValue(num, den);
    const span = { start: m.index, end: m.index + m[0].length };
    drafts.push({ span, value, unit: "%", unitClass: "percent", exponent: 0, inexact, notAFigure: null });
    taken.push(span);
  }
  for (const m of text.matchAll(/([一二三四五六七八九])成(?![功立为员本果])/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    drafts.push({
      span,
      value: String(CN_DIGIT[m[1]!]! * 10),
      unit: "%",
      unitClass: "percent",
      exponent: 0,
      inexact: false,
      notAFigure: null,
    });
    taken.push(span);
  }
  // Chinese numerals used for counts and magnitudes: 一万家, 三百个.
  for (const m of text.matchAll(
    /(?<![一二两三四五六七八九十百千万亿第\d.])([一二两三四五六七八九十百千]+[万亿]?|[万亿])(家|户|个|项|条|件|亿元|万元|万吨|亿吨|元)/g,
  )) {
    const value = parseChineseNumeral(m[1]!);
    if (value === undefined) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span)) continue;
    const unitText = m[2]!;
    const unitClass: NumberUnit = /元/.test(unitText) ? "CNY" : /吨/.test(unitText) ? "t" : "count";
    const exponent = unitText.startsWith("亿") ? 8 : unitText.startsWith("万") ? 4 : 0;
    // 千亿元 alone is an order of magnitude ("超千亿元规模"), not a figure.
    const notAFigure = /^[十百千万亿]+$/.test(m[1]!) ? "an order of magnitude" : null;
    drafts.push({ span, value: String(value), unit: unitText, unitClass, exponent, inexact: false, notAFigure });
    taken.push(span);
  }
  // English number words for counts: "nine of which", "three areas".
  for (const m of text.matchAll(
    /(?<![A-Za-z-])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?![A-Za-z-])/gi,
  )) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span)) continue;
    const after = text.slice(span.end, span.end + 14);
    let notAFigure: string | null = null;
    if (/^\s(?:years?|months?|days?|times|batch|consecutive|areas?|sub-?zones?|of the|or|and|to)\b/i.test(after))
      notAFigure = "a number word";
    if (!/^\s(?:of (?:which|them)|\w+)/i.test(after)) notAFigure = "a number word";
    drafts.push({
      span,
      value: String(EN_WORDS[m[1]!.toLowerCase()]!),
      unit: "",
      unitClass: "bare",
      exponent: 0,
      inexact: false,
      notAFigure: notAFigure ?? (m[1]!.toLowerCase() === "one" ? "a number word" : null),
    });
    taken.push(span);
  }

  for (const m of text.matchAll(DIGITS)) {
    const numberSpan = { start: m.index, end: m.index + m[0].length };
    if (overlaps(numberSpan)) continue;
    const value = m[0].replaceAll(",", "");
    let end = numberSpan.end;
    let start = numberSpan.start;
    let exponent = 0;
    let unitClass: NumberUnit = "bare";
    let unitText = "";
    let notAFigure: string | null = null;
    let qualifierAfter: Qualifier | undefined;
    const rest = text.slice(end, end + 48);
    const cn = CN_MAGNITUDE.exec(rest);
    if (cn && (cn[1] || cn[2])) {
      if (cn[1]) exponent = EXPONENT[cn[1]]!;
      if (cn[2]) qualifierAfter = "at_least";
    }
    let after = rest.slice(cn ? cn[0].length : 0);
    let consumed = cn ? cn[0].length : 0;
    const en = cn && cn[0] !== "" ? null : EN_MAGNITUDE.exec(rest);
    if (en) {
      exponent = EXPONENT[en[1]!.toLowerCase()]!;
      consumed = en[0].length;
      after = rest.slice(consumed);
    }
    const magnitudeText = rest.slice(0, consumed).replace(/[余多]$/, "");
    let matchedUnit = false;
    if (/^个?百分点|^\s?percentage points?/.test(after)) {
      notAFigure = "percentage points";
      matchedUnit = true;
    }
    for (const [re, cls] of matchedUnit ? [] : [...CN_UNITS, ...EN_UNITS]) {
      const u = re.exec(after);
      if (u) {
        unitClass = cls;
        unitText = (magnitudeText + u[0]).trim();
        consumed += u[0].length;
        matchedUnit = true;
        break;
      }
    }
    if (!matchedUnit) {
      for (const [re, why] of NOT_FIGURE_AFTER) {
        if (re.test(after) && exponent === 0) notAFigure = why;
      }
      if (exponent !== 0) unitText = magnitudeText.trim();
    }
    end += consumed;
    // A currency before the number: US$0.4 billion, RMB 1.97 trillion, $18.6 billion.
    const before = text.slice(Math.max(0, start - 12), start);
    for (const [re, cls, label] of CURRENCY_BEFORE) {
      const c = re.exec(before);
      if (c && (unitClass === "bare" || unitClass === "CNY" || unitClass === "USD")) {
        unitClass = label === "HKD" ? "other" : cls;
        if (!/yuan|rmb|dollar|usd|元/i.test(unitText)) unitText = `${unitText} ${label}`.trim();
        start -= c[0].length;
        break;
      }
    }
    if (unitClass === "bare" && exponent === 0 && /^\d{4}$/.test(value) && Number(value) >= 1978 && Number(value) <= 2050) {
      if (
        /^(?:年|\s?(?:to|and|-)\s?\d{4})/.test(text.slice(numberSpan.end, numberSpan.end + 8)) ||
        /(?:in|of|since|by|from|to|end|and|between|year|,)\s?$/i.test(text.slice(Math.max(0, start - 10), start)) ||
        /^[-/)]/.test(text.slice(numberSpan.end, numberSpan.end + 1))
      ) {
        notAFigure = "a year";
      }
    }
    if (/^-odd/.test(text.slice(end, end + 4))) {
      qualifierAfter = "at_least";
      end += 4;
    }
    const tail = text.slice(end, end + 4);
    let qualifierSpan: Span | null = null;
    if (/^(?:以上|多)/.test(tail)) {
      qualifierAfter = "at_least";
      qualifierSpan = { start: end, end: end + (tail.startsWith("以上") ? 2 : 1) };
    } else if (/^左右/.test(tail)) {
      qualifierAfter = "approx";
      qualifierSpan = { start: end, end: end + 2 };
    } else if (/^(?:以下|以内)/.test(tail)) {
      qualifierAfter = "at_most";
      qualifierSpan = { start: end, end: end + 2 };
    } else if (/^\s?or more/.test(text.slice(end, end + 9))) {
      qualifierAfter = "at_least";
    }
    // 3-5万家, 3至5个: the range's upper end is the figure, as a bound.
    if (
      /\d\s?[-~至到]\s?$/.test(text.slice(Math.max(0, start - 3), start)) &&
      !/\d{4}\s?-\s?$/.test(text.slice(Math.max(0, start - 6), start))
    ) {
      qualifierAfter = qualifierAfter ?? "at_most";
    }
    if (/^\s?[-—~至到]\s?\d/.test(text.slice(numberSpan.end, numberSpan.end + 4)) && unitClass === "bare") {
      // The first number of a range (3-5万家): its unit follows the second; keep it as a bound only.
      notAFigure = notAFigure ?? "the start of a range";
    }
    // 实施率从92%提升到97%: the figure is where it got to.
    // 分别由2019年的4.45%和2.17%提高到…, "increased to 44.9% from 4.3% at the beginning": where a change started.
    const lead = text.slice(Math.max(0, start - 16), start);
    if (
      unitClass === "percent" &&
      ((/(?:从|由|from\s)[^，,。；;]{0,14}$/i.test(lead) && /^[^，,。；;]{0,12}(?:到|至|to\s)/.test(text.slice(end, end + 16))) ||
        (/\bfrom\s$/i.test(lead) && /\bto\s[\d.]+\s?(?:%|percent)\s*$/i.test(text.slice(Math.max(0, start - 30), start - 5))))
    ) {
      notAFigure = notAFigure ?? "the starting value of a change";
    }
    drafts.push({
      span: { start, end },
      value,
      unit: unitText,
      unitClass,
      exponent,
      inexact: false,
      notAFigure,
      qualifier: qualifierAfter,
      qualifierSpan,
    });
    taken.push({ start, end });
  }

  drafts.sort((a, b) => a.span.start - b.span.start);
  shareListUnits(text, drafts);
  return drafts.map((d) => {
    if (d.qualifier) return { ...d, qualifier: d.qualifier, qualifierSpan: d.qualifierSpan ?? null };
    const q = qualifierBefore(text, d.span.start);
    return { ...d, qualifier: q?.qualifier ?? "exact", qualifierSpan: q?.span ?? null };
  });
}

const LIST_JOIN = /^\s?(?:,|、|和|及|与|and|,\s?and)\s?$/;

/** "15.54, 12.12, 12.25 percent": the bare numbers before the last take its unit, and each its place in the list. */
function shareListUnits(text: string, drafts: Draft[]): void {
  let i = drafts.length - 1;
  while (i > 0) {
    const last = drafts[i]!;
    let first = i;
    while (first > 0) {
      const prev = drafts[first - 1]!;
      const joined = LIST_JOIN.test(text.slice(prev.span.end, drafts[first]!.span.start));
      const bare = prev.unitClass === "bare" && prev.exponent === 0 && !prev.notAFigure;
      if (!joined || !(bare || (prev.unitClass === last.unitClass && prev.unit === last.unit))) break;
      first--;
    }
    if (first < i && last.unitClass !== "bare") {
      const size = i - first + 1;
      for (let k = first; k <= i; k++) {
        const d = drafts[k]!;
        if (d.unitClass === "bare") Object.assign(d, { unit: last.unit, unitClass: last.unitClass, exponent: last.exponent });
        d.list = { index: k - first, size };
      }
    }
    i = first - 1;
  }
}

/** The number in its base unit: the published value moved by the magnitude (no binary rounding on the way). */
export function baseValueOf(mention: Pick<NumberMention, "value" | "exponent">): number {
  return mention.exponent === 0 ? Number(mention.value) : Number(`${mention.value}e${mention.exponent}`);
}
