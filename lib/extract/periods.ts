// Time phrases of releases, resolved against the publication date: 2020年, 今年前9个月, 1-10月, 前三季度, 上半年,
// 一季度, 去年, 截至6月底, in the first half, the first eight months of this year, by the end of August 2023,
// last year, and the cumulative phrasing (挂牌以来, 累计, 截至目前, at present, since its launch). Pure.
import { addDays, endOfMonth, isoDate, splitIsoDate, type IsoDate } from "../domain/dates.ts";
import { parseChineseNumeral } from "./numbers.ts";
import type { Span } from "./types.ts";

/**
 * - `period`: a calendar stretch (a year, half, quarter, month or day) the figure covers;
 * - `ytd`: 1 January to `end`;
 * - `until`: a total as of `end` (cumulative when the zone has a launch date);
 * - `date`: a day named in the text (a launch, a press conference), a candidate date for levels;
 * - `cumulative`: "since launch" with no date: as of the publication date;
 * - `reference`: the base of a comparison (去年同期, the same period last year, 自2017年以来连续第5年): no period of a figure.
 */
export type TimeKind = "period" | "ytd" | "until" | "date" | "cumulative" | "reference";

export type TimeMention = { kind: TimeKind; span: Span; start: IsoDate | null; end: IsoDate | null; text: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const monthOf = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(".", "").slice(0, 3))) + 1;
const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  sixth: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
};
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

type Rule = { re: RegExp; make: (m: RegExpExecArray, ctx: Context) => Omit<TimeMention, "span" | "text"> | null };
type Context = { publishedOn: IsoDate; pubYear: number; pubMonth: number };

const num = (text: string | undefined) =>
  text === undefined ? NaN : /^\d+$/.test(text) ? Number(text) : (parseChineseNumeral(text) ?? WORD_NUMBERS[text.toLowerCase()] ?? NaN);

/** 今年 → the publication year, 去年 → the one before, a written year as is; undefined when none given. */
function yearOf(written: string | undefined, relative: string | undefined, ctx: Context): number | undefined {
  if (written) return Number(written);
  if (!relative) return undefined;
  if (/去年|上年|last year/i.test(relative)) return ctx.pubYear - 1;
  return ctx.pubYear;
}

/** A month-bounded stretch with no year: the latest one that has ended by the publication date. */
function resolveYear(year: number | undefined, endMonth: number, ctx: Context): number {
  if (year !== undefined) return year;
  return endMonth > ctx.pubMonth ? ctx.pubYear - 1 : ctx.pubYear;
}

const span = (start: IsoDate, end: IsoDate, kind: TimeKind = "period") => ({ kind, start, end });
const ytdTo = (year: number, month: number) => span(isoDate(year, 1, 1), endOfMonth(year, month), "ytd");
const until = (end: IsoDate) => ({ kind: "until" as const, start: null, end });

const YEAR_ZH = "(?:(\\d{4})年|(今年|去年|上年|本年))?";
const YEAR_EN = "(?:\\s(?:of\\s)?(?:(this year|last year|the year)|(\\d{4})))?";

const RULES: readonly Rule[] = [
  // Chinese
  {
    re: /(?:比|较)?(?:去年|上年)同期|比上年|同期|自\d{4}年(?:以来|起)|(?:由|从)\d{4}年(?:底|末)?的|\d{4}年(?:新设立?|设立|获批|批准设立|成立|挂牌)的|连续第?[\d一二三四五六七八九十]+年/y,
    make: () => ({ kind: "reference", start: null, end: null }),
  },
  { re: /“?十三五”?(?:期间|时期)/y, make: () => until("2020-12-31") },
  {
    re: new RegExp(`截[至止]到?${YEAR_ZH}(\\d{1,2})月(\\d{1,2})日`, "y"),
    make: (m, ctx) => {
      const month = num(m[3]);
      return until(isoDate(resolveYear(yearOf(m[1], m[2], ctx), month, ctx), month, num(m[4])));
    },
  },
  {
    re: new RegExp(`截[至止]到?${YEAR_ZH}(\\d{1,2}|[一二三四五六七八九十]+)月(?:底|末|份)?`, "y"),
    make: (m, ctx) => {
      const month = num(m[3]);
      const year = resolveYear(yearOf(m[1], m[2], ctx), month, ctx);
      return until(endOfMonth(year, month));
    },
  },
  { re: /截[至止]到?(\d{4})年(?:底|末)/y, make: (m) => until(`${m[1]}-12-31`) },
  {
    re: /截[至止]到?(?:目前|现在|当前)|挂牌以来|成立以来|设立以来|获批以来|运行以来|建设以来|启动以来|以来|累计|至今|迄今|目前/y,
    make: () => ({ kind: "cumulative", start: null, end: null }),
  },
  {
    re: new RegExp(`${YEAR_ZH}(\\d{1,2})月?\\s?(?:-|至|到)\\s?(\\d{1,2})月份?`, "y"),
    make: (m, ctx) => {
      const from = num(m[3]);
      const to = num(m[4]);
      if (!(from >= 1 && to <= 12 && from <= to)) return null;
      const year = resolveYear(yearOf(m[1], m[2], ctx), to, ctx);
      return from === 1 ? ytdTo(year, to) : span(isoDate(year, from, 1), endOfMonth(year, to));
    },
  },
  {
    re: new RegExp(`${YEAR_ZH}前(\\d{1,2}|[一二三四五六七八九十]+)个?月`, "y"),
    make: (m, ctx) => {
      const to = num(m[3]);
      return to >= 1 && to <= 12 ? ytdTo(resolveYear(yearOf(m[1], m[2], ctx), to, ctx), to) : null;
    },
  },
  {
    re: new RegExp(`${YEAR_ZH}前([一二三两]|[1-3])个?季度`, "y"),
    make: (m, ctx) => {
      const to = num(m[3]) * 3;
      return ytdTo(resolveYear(yearOf(m[1], m[2], ctx), to, ctx), to);
    },
  },
  {
    re: new RegExp(`${YEAR_ZH}第?([一二三四]|[1-4])季度`, "y"),
    make: (m, ctx) => {
      const q = num(m[3]);
      const year = resolveYear(yearOf(m[1], m[2], ctx), q * 3, ctx);
      return span(isoDate(year, q * 3 - 2, 1), endOfMonth(year, q * 3));
    },
  },
  {
    re: new RegExp(`${YEAR_ZH}(上|下)半年`, "y"),
    make: (m, ctx) => {
      const h = m[3] === "上" ? 1 : 2;
      const year = resolveYear(yearOf(m[1], m[2], ctx), h * 6, ctx);
      return span(isoDate(year, h * 6 - 5, 1), endOfMonth(year, h * 6));
    },
  },
  {
    re: /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/y,
    make: (m, ctx) => {
      const month = num(m[2]);
      const day = num(m[3]);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
      const year = m[1] ? Number(m[1]) : resolveYear(undefined, month, ctx);
      const date = isoDate(year, month, day);
      return { kind: "date", start: date, end: date };
    },
  },
  {
    re: new RegExp(`${YEAR_ZH}(\\d{1,2}|[一二三四五六七八九十]+)月份?(?![\\d日底末])`, "y"),
    make: (m, ctx) => {
      const month = num(m[3]);
      if (!(month >= 1 && month <= 12)) return null;
      const year = resolveYear(yearOf(m[1], m[2], ctx), month, ctx);
      return span(isoDate(year, month, 1), endOfMonth(year, month));
    },
  },
  { re: /(\d{4})年(?:全年|度)?/y, make: (m) => span(`${m[1]}-01-01`, `${m[1]}-12-31`) },
  // 全年 with no year: the year the text reports on, the last one ended by publication in its first quarter.
  {
    re: /全年/y,
    make: (_m, ctx) => {
      const y = ctx.pubMonth <= 3 ? ctx.pubYear - 1 : ctx.pubYear;
      return span(`${y}-01-01`, `${y}-12-31`);
    },
  },
  { re: /今年|本年/y, make: (_m, ctx) => ({ kind: "period", start: `${ctx.pubYear}-01-01`, end: `${ctx.pubYear}-12-31` }) },
  { re: /去年|上年/y, make: (_m, ctx) => span(`${ctx.pubYear - 1}-01-01`, `${ctx.pubYear - 1}-12-31`) },
  // English
  {
    re: /(?:(?:compared|as compared) (?:to|with) |over |from )?the same period (?:of |in )?(?:last year|the previous year|a year earlier|\d{4})|(?:compared (?:to|with)|over|than) (?:that of )?(?:last year|the previous year|\d{4})|year[- ]on[- ]year/iy,
    make: () => ({ kind: "reference", start: null, end: null }),
  },
  {
    re: new RegExp(
      `(?:between|from)\\s${MONTH_RE}(?:\\s\\d{1,2}(?:st|nd|rd|th)?)?,?\\s(?:of\\s)?(\\d{4})\\s(?:and|to)\\s(?:the end of\\s)?${MONTH_RE}\\s(?:of\\s)?(\\d{4})`,
      "yi",
    ),
    make: (m) => until(endOfMonth(Number(m[4]), monthOf(m[3]!))),
  },
  {
    re: /(?:from|between)\s(\d{4})\s(?:and|to)\s(\d{4})/iy,
    make: (m) => until(`${m[2]}-12-31`),
  },
  {
    re: new RegExp(`(?:by|as of|as at|until|till|up to|at)\\s(?:the\\s)?end\\sof\\s${MONTH_RE}${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = m[3] ? Number(m[3]) : resolveYear(yearOf(undefined, m[2], ctx), month, ctx);
      return until(endOfMonth(year, month));
    },
  },
  {
    re: /(?:by|as of|as at|until|till|at)\s(?:the\s)?end\sof\s(?:(\d{4})|(last year|this year))/iy,
    make: (m, ctx) => {
      const year = m[1] ? Number(m[1]) : (yearOf(undefined, m[2], ctx) ?? ctx.pubYear);
      return until(`${year}-12-31`);
    },
  },
  {
    re: new RegExp(`(?:by|as of|as at)\\s${MONTH_RE}(?!\\s\\d{1,2}\\b)${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = m[3] ? Number(m[3]) : resolveYear(yearOf(undefined, m[2], ctx), month, ctx);
      return until(endOfMonth(year, month));
    },
  },
  {
    re: /since\s(?:(?:its|the|it was)\s)?(?:[\w']+\s){0,4}?(?:launch\w*|establish\w*|inaugurat\w*|founding|founded|set up|unveil\w*|start\w*|listed|opened)(?:\s(?:of|on|in)\s(?:the\s)?(?:[\w']+\s){0,3}?(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?|\d{4}))*|since\s(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)?(?:19|20)\d\d\b|to date|so far|at present|currently|up to now|in total|a total of|totall?(?:ed|ing)|cumulative(?:ly)?|aggregated|(?:in|over|during) the (?:past|last) (?:\w+ )?years?/iy,
    make: () => ({ kind: "cumulative", start: null, end: null }),
  },
  {
    re: new RegExp(`(?:in\\s|during\\s)?(?:the\\s)?first\\shalf${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const year = m[2] ? Number(m[2]) : resolveYear(yearOf(undefined, m[1], ctx), 6, ctx);
      return span(`${year}-01-01`, `${year}-06-30`);
    },
  },
  {
    re: new RegExp(`(?:in\\s|during\\s)?(?:the\\s)?second\\shalf${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const year = m[2] ? Number(m[2]) : resolveYear(yearOf(undefined, m[1], ctx), 12, ctx);
      return span(`${year}-07-01`, `${year}-12-31`);
    },
  },
  {
    // "the first three quarters of 2023": year to date through September (前三季度).
    re: new RegExp(`(?:the\\s)?first\\s(two|three)\\squarters${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const to = m[1]!.toLowerCase() === "two" ? 6 : 9;
      const year = m[3] ? Number(m[3]) : resolveYear(yearOf(undefined, m[2], ctx), to, ctx);
      return ytdTo(year, to);
    },
  },
  {
    re: new RegExp(`(?:the\\s)?(first|second|third|fourth)\\squarter${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const q = ["first", "second", "third", "fourth"].indexOf(m[1]!.toLowerCase()) + 1;
      const year = m[3] ? Number(m[3]) : resolveYear(yearOf(undefined, m[2], ctx), q * 3, ctx);
      return span(isoDate(year, q * 3 - 2, 1), endOfMonth(year, q * 3));
    },
  },
  {
    re: new RegExp(`(?:the\\s)?first\\s(two|three|four|five|six|sixth|seven|eight|nine|ten|eleven|\\d{1,2})\\smonths${YEAR_EN}`, "yi"),
    make: (m, ctx) => {
      const to = num(m[1]);
      const year = m[3] ? Number(m[3]) : resolveYear(yearOf(undefined, m[2], ctx), to, ctx);
      return to >= 1 && to <= 12 ? ytdTo(year, to) : null;
    },
  },
  {
    re: new RegExp(`(?:from\\s)?(?:January|Jan\\.?|1)\\s(?:to|through|-)\\s${MONTH_RE}(?:\\s(\\d{4}))?`, "yi"),
    make: (m, ctx) => {
      const to = monthOf(m[1]!);
      return ytdTo(m[2] ? Number(m[2]) : resolveYear(undefined, to, ctx), to);
    },
  },
  {
    re: new RegExp(`(?:on\\s)?${MONTH_RE}\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?(?!\\d)`, "yi"),
    make: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = m[3] ? Number(m[3]) : resolveYear(undefined, month, ctx);
      const date = isoDate(year, month, Number(m[2]));
      return { kind: "date", start: date, end: date };
    },
  },
  {
    re: new RegExp(`(?:on\\s)?(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_RE}(?:,?\\s(?:of\\s)?(\\d{4}))`, "yi"),
    make: (m) => {
      const date = isoDate(Number(m[3]), monthOf(m[2]!), Number(m[1]));
      return { kind: "date", start: date, end: date };
    },
  },
  {
    re: new RegExp(`(?:in\\s|for\\s|during\\s)?${MONTH_RE}(?:\\s(?:of\\s)?(\\d{4})|\\s(this year|last year))`, "yi"),
    make: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = m[2] ? Number(m[2]) : (yearOf(undefined, m[3], ctx) ?? ctx.pubYear);
      return span(isoDate(year, month, 1), endOfMonth(year, month));
    },
  },
  {
    re: /(?:in|during)\s(January|February|March|April|June|July|August|September|October|November|December)(?![\w ]*\d{4})/iy,
    make: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = resolveYear(undefined, month, ctx);
      return span(isoDate(year, month, 1), endOfMonth(year, month));
    },
  },
  {
    re: /last month/iy,
    make: (_m, ctx) => {
      const year = ctx.pubMonth === 1 ? ctx.pubYear - 1 : ctx.pubYear;
      const month = ctx.pubMonth === 1 ? 12 : ctx.pubMonth - 1;
      return span(isoDate(year, month, 1), endOfMonth(year, month));
    },
  },
  { re: /last year|the previous year/iy, make: (_m, ctx) => span(`${ctx.pubYear - 1}-01-01`, `${ctx.pubYear - 1}-12-31`) },
  {
    re: /(?:(?:in|for|during|of)\s(?:the\s(?:whole\s)?year\s(?:of\s)?)?)(\d{4})(?![\d年-])/iy,
    make: (m) => span(`${m[1]}-01-01`, `${m[1]}-12-31`),
  },
  {
    // "on the 25th": a day of the publication's month (or the month before, for a later day).
    re: /on\sthe\s(\d{1,2})(?:st|nd|rd|th)(?![\w-])/iy,
    make: (m, ctx) => {
      const day = Number(m[1]);
      const { day: pubDay } = splitIsoDate(ctx.publishedOn);
      const year = day > pubDay && ctx.pubMonth === 1 ? ctx.pubYear - 1 : ctx.pubYear;
      const month = day > pubDay ? (ctx.pubMonth === 1 ? 12 : ctx.pubMonth - 1) : ctx.pubMonth;
      if (day < 1 || day > 31) return null;
      const date = isoDate(year, month, Math.min(day, Number(endOfMonth(year, month).slice(8))));
      return { kind: "date", start: date, end: date };
    },
  },
  {
    re: /(?:on\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/y,
    make: (m, ctx) => {
      const wanted = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (new Date(`${ctx.publishedOn}T00:00:00Z`).getUTCDay() - wanted + 7) % 7;
      const date = addDays(ctx.publishedOn, -back);
      return { kind: "date", start: date, end: date };
    },
  },
];

const STARTS =
  /[\d一二三四五六七八九十今去上本前截挂成设获运建启以累至迄目“下第全比较同自连由从]|a total|total|this|between|compared|as|year|than|from|by|as|until|till|up|at|since|to|so|currently|in|cumulative|aggregated|over|during|the|first|second|third|fourth|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|on|for|last|of|monday|tuesday|wednesday|thursday|friday|saturday|sunday/iy;

/** Every time phrase of the prepared text, in order, longest first where two start together. */
export function findTimes(text: string, publishedOn: IsoDate): TimeMention[] {
  const { year, month } = splitIsoDate(publishedOn);
  const ctx: Context = { publishedOn, pubYear: year, pubMonth: month };
  const found: TimeMention[] = [];
  let i = 0;
  while (i < text.length) {
    STARTS.lastIndex = i;
    const boundary = i === 0 || !/[A-Za-z]/.test(text[i - 1]!) || !/[A-Za-z]/.test(text[i]!);
    if (!boundary || !STARTS.test(text)) {
      i++;
      continue;
    }
    let best: TimeMention | null = null;
    for (const rule of RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m || m[0].length === 0) continue;
      if (/[A-Za-z]$/.test(m[0]) && /[A-Za-z]/.test(text[i + m[0].length] ?? "")) continue;
      if (best && best.span.end - best.span.start >= m[0].length) continue;
      const made = rule.make(m, ctx);
      if (!made) continue;
      best = { ...made, span: { start: i, end: i + m[0].length }, text: m[0] };
    }
    if (best) {
      found.push(best);
      i = best.span.end;
    } else i++;
  }
  return found;
}
