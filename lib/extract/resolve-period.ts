// Which period and basis a figure covers: a time phrase bound to it, named in its clause or sentence, a
// catalog event the sentence names, "since launch" phrasing, the period of an earlier sentence, or the defaults
// of its indicator's kind (a level at publication, a total since the zone's launch). Pure.
import { addDays, endOfMonth, splitIsoDate, type IsoDate } from "../domain/dates.ts";
import { periodLabel } from "../domain/periods.ts";
import type { Basis } from "../domain/vocabulary.ts";
import { parseChineseNumeral } from "./numbers.ts";
import { findTimes, type TimeMention } from "./periods.ts";
import type { Sentence } from "./text.ts";
import type { ExtractIndicator, ExtractZone } from "./types.ts";
import { findNumbersBetween, type Context, type Located } from "./context.ts";

/**
 * The day a text's totals are "as of": the day it says the figures were given ("said … on Wednesday", "at a press
 * conference on the 25th") when that is in the week before publication, else the publication date.
 */
export function asOf(ctx: Context, zone: ExtractZone): IsoDate {
  const publishedOn = ctx.source.publishedOn;
  const week = addDays(publishedOn, -7);
  const said = ctx.times.find(
    (t) =>
      t.kind === "date" &&
      /^(?:on\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s\d)/i.test(t.text) &&
      t.end! <= publishedOn &&
      t.end! >= week,
  );
  if (said?.end) return said.end;
  // 经过5年精耕细作: as of the zone's fifth anniversary, when that falls in the month before publication.
  const years = /经过(\d+|[一二三四五六七八九十]+)年/.exec(ctx.text);
  const n = years ? (parseChineseNumeral(years[1]!) ?? Number(years[1])) : NaN;
  if (zone.establishedOn && Number.isInteger(n) && n > 0) {
    const { year, month, day } = splitIsoDate(zone.establishedOn);
    const anniversary = `${year + n}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const month_ = addDays(publishedOn, -31);
    if (anniversary <= publishedOn && anniversary >= month_ && anniversary !== publishedOn) return anniversary;
  }
  const review = reviewedYear(ctx.source.title, publishedOn);
  if (review !== null) return `${review}-12-31`;
  const precision = ctx.source.publishedPrecision ?? "day";
  // 天津自贸试验区九周年, "marks the second anniversary" in the title of a page dated only by its year: as of that day.
  const marked = precision === "year" ? titleAnniversary(ctx.source.title, zone, publishedOn) : null;
  if (marked) return marked;
  if (precision !== "day") return publishedOn;
  // The packages date a total with no day of its own by the press conference or report that gave it: a news text
  // that reports what someone said or what a report showed was written after it, on the day before publication.
  if (reportsStatement(ctx.text)) return addDays(publishedOn, -1);
  return publishedOn;
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** The zone's Nth anniversary that a title names (九周年, 5周年, the second anniversary, 4th anniversary), if not after `latest`. */
export function titleAnniversary(title: string, zone: ExtractZone, latest: IsoDate): IsoDate | null {
  if (!zone.establishedOn) return null;
  const zh = /(\d+|[一二三四五六七八九十]+)周年/.exec(title);
  const en = /\b(\d+)(?:st|nd|rd|th)[- ]anniversary|\b([a-z]+)[- ]anniversary/i.exec(title);
  const n = zh
    ? (parseChineseNumeral(zh[1]!) ?? Number(zh[1]))
    : en
      ? en[1]
        ? Number(en[1])
        : ORDINALS.indexOf(en[2]!.toLowerCase()) + 1
      : 0;
  if (!Number.isInteger(n) || n <= 0) return null;
  const { year, month, day } = splitIsoDate(zone.establishedOn);
  const date = `${year + n}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return date <= latest ? date : null;
}

const STATEMENT =
  /\b(?:said|says|told|highlighted|announced|noted|stated|revealed|according to|(?:report|statistics|data) (?:showed|shows))\b|表示|介绍|指出|透露|获悉|据[^，,。]{1,30}(?:统计|数据|消息)/i;

/** A text that reports a statement: someone said, told, announced; according to; a report showed; 表示, 介绍, 获悉. */
export function reportsStatement(text: string): boolean {
  return STATEMENT.test(text);
}

/**
 * "2021烟台商务答卷", "Shanghai FTZ in 2015": a title naming the year before, published in the first quarter, is a
 * review of that year; its totals are as of that year's end. Null for any other title.
 */
export function reviewedYear(title: string, publishedOn: IsoDate): number | null {
  const { year, month } = splitIsoDate(publishedOn);
  if (month > 3) return null;
  const named = [...title.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  return named.length > 0 && named.every((y) => y === year - 1) ? year - 1 : null;
}

/**
 * A statistical update: figures with a year-on-year change and no period named are this year's so far, through
 * the last month ended before publication (a November release gives January–October). Null when that month is
 * January's predecessor (a release in January has no year to date).
 */
export function updateThrough(publishedOn: IsoDate): { start: IsoDate; end: IsoDate } | null {
  const { year, month } = splitIsoDate(publishedOn);
  if (month === 1) return null;
  return { start: `${year}-01-01`, end: endOfMonth(year, month - 1) };
}

/** Where the sentence before this one starts (this one's start for the first). */
function previousSentenceStart(ctx: Context, sentence: Sentence): number {
  const before = ctx.text.slice(0, sentence.start).replace(/[。！？.!?]\s*$/, "");
  const stop = Math.max(...["。", "！", "？", ". ", "! ", "? "].map((p) => before.lastIndexOf(p)));
  return stop < 0 ? 0 : stop + 1;
}

const YOY = /同比(?:增长|增加|下降|减少)|比上年同期|year[- ]on[- ]year/i;

const DAY_WORDS = ["one", "two", "three", "four", "five", "six", "seven"];

export type Resolved = { period: string; basis: Basis; why: string };

export const isLevel = (indicator: ExtractIndicator) => indicator.kind === "stock" || /^area_/.test(indicator.code);

export function cumulative(zone: ExtractZone, end: IsoDate): Resolved | null {
  if (!zone.establishedOn || zone.establishedOn > end) return null;
  return { period: `${zone.establishedOn}/${end}`, basis: "cumulative", why: "since the zone's launch" };
}

/** ytd through March, June or December is the quarter, half or year itself (the packages' normal form). */
export function normaliseYtd(start: IsoDate, end: IsoDate): Resolved {
  const { month } = splitIsoDate(end);
  if (month === 3 || month === 6 || month === 12 || month === 1) return { period: periodLabel(start, end), basis: "period", why: "" };
  return { period: periodLabel(start, end), basis: "ytd", why: "" };
}

export function fromTime(time: TimeMention, indicator: ExtractIndicator, zone: ExtractZone, ctx: Context): Resolved | null {
  const level = isLevel(indicator);
  switch (time.kind) {
    case "period":
    case "ytd": {
      if (level) return { period: time.end!, basis: "point", why: `level at the end of ${time.text}` };
      if (time.kind === "ytd") return { ...normaliseYtd(time.start!, time.end!), why: `year to date: ${time.text}` };
      return { period: periodLabel(time.start!, time.end!), basis: "period", why: time.text };
    }
    case "until": {
      if (level) return { period: time.end!, basis: "point", why: `level as of ${time.text}` };
      // "By the end of last year, … accounted for 12.25 percent of the country": a share of that year.
      if (indicator.code.includes("_share_of_") && time.end!.endsWith("-12-31") && /end of/i.test(time.text))
        return { period: time.end!.slice(0, 4), basis: "period", why: `the year ending ${time.end}` };
      return cumulative(zone, time.end!) ?? null;
    }
    case "cumulative": {
      if (level && indicator.unit === "km2") return null;
      if (level) return { period: asOf(ctx, zone), basis: "point", why: "level at publication" };
      const c = cumulative(zone, asOf(ctx, zone));
      return c ? { ...c, why: `${time.text}: since the zone's launch` } : null;
    }
    case "date":
      return level
        ? { period: time.end!, basis: "point", why: `level on ${time.text}` }
        : { period: time.end!, basis: "period", why: `on ${time.text}` };
    case "reference":
      return null;
  }
}

export function resolvePeriod(
  ctx: Context,
  located: Located,
  indicator: ExtractIndicator,
  zone: ExtractZone,
  carried: TimeMention | null,
): Resolved | null {
  const { mention, sentence, clause } = located;
  const times = ctx.times.filter((t) => t.span.start >= sentence.start && t.span.end <= sentence.end && t.kind !== "reference");
  const nextNumber = findNumbersBetween(ctx, mention.span.end, sentence.end, mention)[0]?.start ?? sentence.end;
  const explicit = (t: TimeMention) =>
    t.kind !== "cumulative" &&
    (t.kind !== "date" || isLevel(indicator) || /^(?:on\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/.test(t.text));
  // "surged from 104.7 billion yuan in 2015": a time right after the figure, before the next number, is its own.
  const right = times.find(
    (t) =>
      t.span.start >= mention.span.end &&
      t.span.start < Math.min(nextNumber, clause.end + 1) &&
      t.span.start - mention.span.end < 40 &&
      explicit(t) &&
      t.kind !== "until",
  );
  // "…12,501 new enterprises have been registered, and 367 …, as of the end of February 2019": a closing "as of" holds for the sentence.
  const rightUntil = times.find(
    (t) =>
      t.span.start >= mention.span.end &&
      t.kind === "until" &&
      (t.span.start < nextNumber || !times.some((o) => o !== t && o.span.start > mention.span.end && o.span.start < t.span.start)),
  );
  const beforeClause = times
    .filter((t) => t.span.end <= mention.span.start && t.span.start >= clause.start && t.kind !== "cumulative" && explicit(t))
    .at(-1);
  const beforeSentence = times.filter((t) => t.span.end <= mention.span.start && explicit(t)).at(-1);
  const marker = times.find((t) => t.kind === "cumulative");
  const chosen = right ?? rightUntil ?? beforeClause ?? beforeSentence;
  // 2019年……固定资产投资累计超过6000亿元: a running total through the period the sentence names.
  const markerInClause = times.find(
    (t) => t.kind === "cumulative" && t.span.start >= clause.start && t.span.end <= mention.span.start && /累计/.test(t.text),
  );
  if (
    markerInClause &&
    chosen &&
    !isLevel(indicator) &&
    chosen.end &&
    (chosen.kind === "period" || chosen.kind === "ytd") &&
    chosen.span.end <= clause.start
  ) {
    const c = cumulative(zone, chosen.end);
    if (c) return { ...c, why: `${markerInClause.text} through ${chosen.text}` };
  }
  // 截至6月底，今年已完成: year to date through that month.
  const untilBefore = times.filter((t) => t.kind === "until" && t.span.end <= mention.span.start).at(-1);
  if (
    chosen &&
    untilBefore &&
    chosen.kind === "period" &&
    /今年|this year/i.test(chosen.text) &&
    !isLevel(indicator) &&
    untilBefore.end!.startsWith(String(ctx.source.publishedOn.slice(0, 4)))
  ) {
    return { ...normaliseYtd(`${untilBefore.end!.slice(0, 4)}-01-01`, untilBefore.end!), why: `${untilBefore.text}, this year` };
  }
  if (chosen) {
    if (
      chosen.kind === "period" &&
      marker &&
      !isLevel(indicator) &&
      /今年|this year/i.test(chosen.text) &&
      chosen.end! > ctx.source.publishedOn
    ) {
      return cumulative(zone, asOf(ctx, zone));
    }
    const r = fromTime(chosen, indicator, zone, ctx);
    if (r) return r;
  }
  const event = eventDate(ctx, sentence, zone);
  if (event) return { period: event, basis: isLevel(indicator) ? "point" : "period", why: "the date of the event the text names" };
  if (marker) {
    const r = fromTime(marker, indicator, zone, ctx);
    if (r) return r;
  }
  if (/已|have been|has been|has |have /i.test(ctx.text.slice(clause.start, clause.end)) && !isLevel(indicator) && !carried) {
    const c = cumulative(zone, asOf(ctx, zone));
    if (c) return { ...c, why: "a total so far: since the zone's launch" };
  }
  // 进出口总额达1072.3亿元、同比增长28.4% in a release with no period and no "since launch": this year so far.
  const update =
    !marker &&
    !carried &&
    !ctx.times.some((t) => t.kind === "cumulative") &&
    YOY.test(ctx.text.slice(previousSentenceStart(ctx, sentence), sentence.end))
      ? updateThrough(ctx.source.publishedOn)
      : null;
  if (update) {
    if (isLevel(indicator)) {
      if (indicator.unit !== "km2")
        return { period: update.end, basis: "point", why: "a statistical update: level at the end of the last month" };
    } else return { ...normaliseYtd(update.start, update.end), why: "a statistical update with year-on-year changes: this year so far" };
  }
  if (carried) {
    const r = fromTime(carried, indicator, zone, ctx);
    if (r) return { ...r, why: `${r.why} (from an earlier sentence)` };
  }
  if (isLevel(indicator)) {
    // A planned area is as of the last day the text names before it (approved on …, launched on …, "three days later").
    const dated = ctx.times
      .filter(
        (t) => t.kind === "date" && t.span.end <= mention.span.start && (indicator.unit === "km2" || t.span.start >= sentence.start - 200),
      )
      .at(-1);
    if (dated && indicator.unit === "km2") {
      const later = /\b(one|two|three|four|five|six|seven|\d+) days? later/i.exec(ctx.text.slice(dated.span.end, mention.span.start));
      const days = later ? DAY_WORDS.indexOf(later[1]!.toLowerCase()) + 1 || Number(later[1]) : 0;
      const day = addDays(dated.end!, days);
      return { period: day, basis: "point", why: later ? `${later[0]} than ${dated.text}` : `level on ${dated.text}` };
    }
    // An FTZ's plan sets the areas of all its parts at once: an area's planned area dates from the FTZ's launch.
    const plan =
      zone.kind === "area" && zone.parent && zone.establishedOn
        ? (ctx.lexicon.zones.get(zone.parent)?.establishedOn ?? zone.establishedOn)
        : zone.establishedOn;
    if (indicator.unit === "km2" && plan) return { period: plan, basis: "point", why: "the planned area at the launch of the plan" };
    return { period: asOf(ctx, zone), basis: "point", why: "level at publication" };
  }
  const c = cumulative(zone, asOf(ctx, zone));
  if (c) return { ...c, why: "no period given: since the zone's launch" };
  // A zone with no launch date and no period given: the period the title names ("… in the first four months of
  // 2022"), else releases early in a year report the year before.
  const titled = findTimes(ctx.source.title, ctx.source.publishedOn).find((t) => t.kind === "period" || t.kind === "ytd");
  if (titled) {
    const r = fromTime(titled, indicator, zone, ctx);
    if (r) return { ...r, why: `${r.why} (named in the title)` };
  }
  const { year } = splitIsoDate(ctx.source.publishedOn);
  return { period: String(year - 1), basis: "period", why: "no period given: the year before publication" };
}

const STOP = new Set(["the", "and", "for", "with", "from", "into", "that", "this", "signed", "held"]);

export function eventWords(title: string): string[] {
  return [
    ...new Set(
      title
        .split(/[^A-Za-z]+/)
        .filter((w) => (w.length >= 4 || /^[A-Z]{3,}$/.test(w)) && !STOP.has(w.toLowerCase()))
        .map((w) => w.toLowerCase()),
    ),
  ];
}

/** The date of a catalog event that this sentence or the one before names (three or more of its title's words). */
export function eventDate(ctx: Context, sentence: Sentence, zone: ExtractZone): IsoDate | null {
  const window = ctx.text.slice(Math.max(0, sentence.start - 300), sentence.end).toLowerCase();
  let best: { date: IsoDate; hits: number } | null = null;
  for (const event of ctx.events) {
    if (event.zone !== zone.code && event.zone !== zone.parent) continue;
    const hits = event.words.filter((w) => new RegExp(`(?<![a-z])${w}`).test(window)).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { date: event.date, hits };
  }
  return best?.date ?? null;
}
