// The figure finder: a text and its source in, candidate observations out (zone, indicator, period, basis,
// value, qualifier, year-on-year change, quote), plus the numbers it saw but could not place. Rules and the
// catalog's lexicon only: no network, no model, no clock (the publication date is the only "now"). Pure.
import { splitIsoDate, type IsoDate } from "../domain/dates.ts";
import { periodLabel } from "../domain/periods.ts";
import type { Basis, BaseUnit } from "../domain/vocabulary.ts";
import { buildLexicon, type Lexicon, type NameMention } from "./lexicon.ts";
import { baseValueOf, findNumbers, type NumberMention } from "./numbers.ts";
import { findTimes, type TimeMention } from "./periods.ts";
import { CLAUSE_BREAK, prepareText, splitSentences, type Sentence } from "./text.ts";
import type { Candidate, ExtractCatalog, ExtractIndicator, ExtractSource, ExtractZone, Extraction, Span, Unplaced } from "./types.ts";

type Scope = "province" | "city" | "national" | "all_ftzs";

const SHARE_SCOPES: readonly [RegExp, Scope][] = [
  [
    /(?:proportion|share) of [\w ]{1,40} in the province|全省\s?(?:超过?|约|近|达)?$|占全省|占[^，,。；;]{0,6}省|全省[^，,。；;]{0,4}比重|of (?:the )?(?:province|provincial)(?:'s)?|of [A-Z][a-z]+ province(?:'s)?|province's total/i,
    "province",
  ],
  [
    /(?:proportion|share) of [\w ]{1,40} in the (?:city|municipality)|占全市|占[^，,。；;]{0,4}市|全市[^，,。；;]{0,4}比重|of (?:the )?(?:city|municipality|municipal)(?:'s)?|(?:city|municipality)'s/i,
    "city",
  ],
  [
    /(?:proportion|share) of [\w ]{1,40} in the (?:country|nation)|占全国|全国[^，,。；;]{0,4}比重|of (?:the )?(?:country|nation|national|china)(?:'s)?|(?:country|nation|china)'s (?:total|foreign|imports|land)|of the total of the country|全国的/i,
    "national",
  ],
];
const GROWTH =
  /(?:同比|比上年|比去年同期|比上年同期)?(?:增长|增幅|增速|上升|提高|提升)了?$|(?:up|increas(?:e|ed|ing)(?: of| by)?|growth(?: of)?|rose(?: by)?|grew(?: by)?|higher|jump(?:ed)?(?: by)?|surged?(?: by)?)$|year[- ]on[- ]year (?:increase|growth|rise)(?: of)?$/i;
const DECLINE =
  /(?:下降|减少|回落|下滑)了?$|(?:down|decreas(?:e|ed)(?: of| by)?|decline(?:d)?(?: of| by)?|fell(?: by)?|drop(?:ped)?(?: by)?)$/i;
const AVG_GROWTH = /年均增长|年均增速|average annual (?:growth|increase)(?: rate)?(?: of)?|annual average growth/i;
const ESTIMATE = /预计|estimated|projected/i;

const COUNT_OF_CONTEXT =
  /^\s?(?:家|个)?(?:自贸试验区|自贸区|自由贸易试验区|片区|国家|国际航线|航线|世界五百强|世界500强|批)|^\s(?:pilot\s)?(?:FTZs?|free[- ]trade zones?|areas|sub-?zones|countries|routes|batch)(?![a-z])/i;

type Located = {
  mention: NumberMention;
  sentence: Sentence;
  clause: Span;
  pairedZone?: string;
  pairedIndicator?: string;
  listEnd?: number;
};

type Context = {
  text: string;
  lexicon: Lexicon;
  source: ExtractSource;
  zoneMentions: NameMention[];
  indicatorMentions: { codes: string[]; span: Span }[];
  times: TimeMention[];
  titleZone: string | null;
  events: { zone: string; date: IsoDate; words: string[] }[];
};

/** Finds every figure of the text, with what it could not place. */
export function extractFigures(
  text: string,
  source: ExtractSource,
  catalog: ExtractCatalog | (Lexicon & { events?: ExtractCatalog["events"] }),
): Extraction {
  const lexicon = "findZones" in catalog ? catalog : buildLexicon(catalog);
  const events = (catalog.events ?? []).map((e) => ({ zone: e.zone, date: e.date, words: eventWords(e.titleEn) }));
  return extractWith(text, source, lexicon, events);
}

export { buildLexicon };

function extractWith(raw: string, source: ExtractSource, lexicon: Lexicon, events: Context["events"]): Extraction {
  const text = prepareText(raw);
  const ctx: Context = {
    text,
    lexicon,
    source,
    zoneMentions: resolveAnaphora(lexicon.findZones(text), lexicon, titleZone(source, lexicon)),
    titleZone: titleZone(source, lexicon),
    indicatorMentions: lexicon.findIndicators(text),
    times: findTimes(text, source.publishedOn),
    events,
  };
  const sentences = splitSentences(text);
  const numbers = findNumbers(text);
  const candidates: Candidate[] = [];
  const unplaced: Unplaced[] = [];
  const timeSpans = ctx.times.map((t) => t.span);
  const inTime = (s: Span) => timeSpans.some((t) => s.start >= t.start && s.end <= t.end);

  let carried: TimeMention | null = null;
  let latest: TimeMention | null = null;
  let carriedParagraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== carriedParagraph) carried = null;
    // "… during the period", "in that time": the period named last, even in an earlier paragraph.
    if (
      /during (?:the|that) period|in (?:that|the same) time|in the period|during that time/i.test(text.slice(sentence.start, sentence.end))
    )
      carried = latest;
    const inSentence = numbers.filter((n) => n.span.start >= sentence.start && n.span.start < sentence.end);
    const figures: Candidate[] = [];
    const pendingGrowth: { mention: NumberMention; sign: number }[] = [];
    for (const mention of inSentence) {
      if (inTime(mention.span)) continue;
      const located: Located = {
        mention,
        sentence,
        clause: clauseOf(text, sentence, mention.span),
        ...pairs(ctx, mention, sentence, inSentence),
      };
      const shown = raw.slice(mention.span.start, mention.span.end);
      if (mention.notAFigure) continue;
      // 12个自贸试验区, 12 FTZs, 219个国家和地区, 250条国际航线: counts of zones, partners, routes are context.
      const clauseText = text.slice(located.clause.start, located.clause.end);
      if (/连续第?[\d一二三四五六七八九十]+年|consecutive year/i.test(clauseText)) {
        unplaced.push({ text: shown, span: mention.span, reason: "a record kept for years, not a figure of a period" });
        continue;
      }
      // 120项试点任务已完成58项, 100条试点任务中18项: the first number is the whole the second is counted of.
      if (
        mention.unitClass === "count" &&
        /^[^，,。；;\d]{0,10}(?:已完成|已实施|已启动|中有?|中的?)\s?\d/.test(text.slice(mention.span.end, mention.span.end + 16))
      ) {
        unplaced.push({ text: shown, span: mention.span, reason: "the whole a part is counted of" });
        continue;
      }
      if (COUNT_OF_CONTEXT.test(text.slice(mention.span.end, mention.span.end + 24))) {
        unplaced.push({ text: shown, span: mention.span, reason: "a count of zones, countries or routes" });
        continue;
      }
      if (mention.inexact) {
        unplaced.push({ text: shown, span: mention.span, reason: "a fraction with no exact decimal value" });
        continue;
      }
      if (mention.unitClass === "other") {
        unplaced.push({ text: shown, span: mention.span, reason: "a unit no indicator is measured in" });
        continue;
      }
      if (mention.unitClass === "percent") {
        const growth = growthSign(text, mention, sentence);
        const placed = placePercent(ctx, located, figures, carried);
        if (placed) {
          figures.push(placed);
          continue;
        }
        if (growth !== 0) {
          pendingGrowth.push({ mention, sign: growth });
          continue;
        }
        unplaced.push({ text: shown, span: mention.span, reason: "a percentage with no share or indicator named beside it" });
        continue;
      }
      const placed = placeFigure(ctx, located, carried, figures);
      if ("reason" in placed) unplaced.push({ text: shown, span: mention.span, reason: placed.reason });
      else figures.push(placed);
    }
    for (const { mention, sign } of pendingGrowth) {
      const figure = figureForGrowth(text, mention, figures, ctx);
      const shown = raw.slice(mention.span.start, mention.span.end);
      if (figure) figure.yoyPct = sign * Number(mention.value);
      else unplaced.push({ text: shown, span: mention.span, reason: "a growth rate with no figure beside it" });
    }
    candidates.push(...figures);
    const last = [...ctx.times]
      .reverse()
      .find(
        (t) =>
          t.span.start >= sentence.start && t.span.end <= sentence.end && (t.kind === "period" || t.kind === "ytd" || t.kind === "until"),
      );
    if (last) {
      carried = last;
      latest = last;
      carriedParagraph = sentence.paragraph;
    }
  }
  for (const candidate of candidates) candidate.quote = raw.slice(candidate.quoteSpan.start, candidate.quoteSpan.end);
  return { candidates: dedupe(candidates), unplaced };
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const k = `${c.zone}|${c.indicator}|${c.period}|${c.basis}|${c.valueBase}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const NAME_JOIN = /^\s?(?:,|、|和|及|与|and|,\s?and)\s?(?:the\s)?$/i;

/** The last run of names before `before`, joined by commas and "and" (Kashgar and Horgos; A, B and C). */
function nameList<T extends { span: Span }>(text: string, names: readonly T[], from: number, before: number): T[] {
  const candidates = names.filter((n) => n.span.start >= from && n.span.end <= before);
  const run: T[] = [];
  for (let i = candidates.length - 1; i >= 0; i--) {
    const name = candidates[i]!;
    if (run.length && !NAME_JOIN.test(text.slice(name.span.end, run[0]!.span.start))) break;
    run.unshift(name);
  }
  return run;
}

/** "Kashgar and Horgos occupy 28.48 and 16.58 square kilometers respectively": the i-th number goes with the i-th name. */
function pairs(
  ctx: Context,
  mention: NumberMention,
  sentence: Sentence,
  inSentence: NumberMention[],
): { pairedZone?: string; pairedIndicator?: string; listEnd?: number } {
  if (!mention.list) return {};
  const first = inSentence.find(
    (n) => n.list && n.span.start <= mention.span.start && n.list.index === 0 && mention.span.start - n.span.start < 200,
  );
  const listStart = first?.span.start ?? mention.span.start;
  const respectively = /respectively|分别/i.test(ctx.text.slice(sentence.start, sentence.end));
  const members = inSentence.filter((n) => n.list && n.span.start >= listStart && n.list.size === mention.list!.size);
  const out: { pairedZone?: string; pairedIndicator?: string; listEnd?: number } = {
    listEnd: members.at(-1)?.span.end ?? mention.span.end,
  };
  const zones = nameList(
    ctx.text,
    ctx.zoneMentions.filter((z) => !z.anaphora),
    sentence.start,
    listStart,
  );
  if (zones.length === mention.list.size) out.pairedZone = zones[mention.list.index]!.code;
  if (respectively) {
    const indicators = nameList(ctx.text, ctx.indicatorMentions, sentence.start, listStart);
    if (indicators.length === mention.list.size) out.pairedIndicator = indicators[mention.list.index]!.codes[0];
  }
  return out;
}

function clauseOf(text: string, sentence: Sentence, span: Span): Span {
  let start = span.start;
  while (start > sentence.start && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = span.end;
  while (end < sentence.end && !CLAUSE_BREAK.test(text[end]!)) end++;
  // An English thousands separator or a comma inside a number is no break.
  return { start, end };
}

function titleZone(source: ExtractSource, lexicon: Lexicon): string | null {
  const mentions = lexicon.findZones(prepareText(source.title)).filter((m) => !m.anaphora);
  const kinds = ["area", "ftz", "port", "city", "province"];
  for (const kind of kinds) {
    const found = mentions.find((m) => lexicon.zones.get(m.code)?.kind === kind);
    if (found) return found.code;
  }
  return null;
}

/** "the zone", "该片区", "我省": the last zone of that kind named before, else the zone of the title. */
function resolveAnaphora(mentions: NameMention[], lexicon: Lexicon, fromTitle: string | null): NameMention[] {
  const out: NameMention[] = [];
  const last: Partial<Record<string, string>> = {};
  const titleKind = fromTitle ? lexicon.zones.get(fromTitle)?.kind : undefined;
  if (fromTitle && titleKind) {
    last[titleKind] = fromTitle;
    const parent = lexicon.zones.get(fromTitle)?.parent;
    if (titleKind === "area" && parent) last.ftz = parent;
  }
  for (const mention of mentions) {
    if (!mention.anaphora) {
      const zone = lexicon.zones.get(mention.code)!;
      last[zone.kind] = zone.code;
      if (zone.kind === "ftz" || zone.kind === "group") last.zone = zone.code;
      if (zone.kind === "area") {
        last.area = zone.code;
        last.zone = zone.code;
      }
      out.push(mention);
      continue;
    }
    const ftzOf = (province: string | undefined) =>
      province ? [...lexicon.zones.values()].find((z) => z.kind === "ftz" && z.parent === province)?.code : undefined;
    const nextProvince = () =>
      mentions.find(
        (m) =>
          !m.anaphora &&
          m.span.start > mention.span.start &&
          m.span.start - mention.span.end < 120 &&
          lexicon.zones.get(m.code)?.kind === "province",
      )?.code;
    const parentOf = (code: string | undefined) => (code ? (lexicon.zones.get(code)?.parent ?? undefined) : undefined);
    // "the FTZ", "自贸区": the FTZ named before (or the one of the area or province named); "the zone": whichever zone.
    const ftz = () => last.ftz ?? last.group ?? parentOf(last.area) ?? ftzOf(last.province) ?? ftzOf(nextProvince());
    const target =
      mention.anaphora === "ftz"
        ? ftz()
        : mention.anaphora === "zone"
          ? (last.zone ?? ftz())
          : mention.anaphora === "area"
            ? (last.area ?? last.zone)
            : mention.anaphora === "port"
              ? last.port
              : last.province;
    if (target) out.push({ ...mention, code: target });
  }
  return out;
}

// ——— indicators ———

function fits(indicator: ExtractIndicator, unitClass: NumberMention["unitClass"]): boolean {
  if (unitClass === "bare" || unitClass === "count") return indicator.unit === "count";
  return indicator.unit === unitClass;
}

type Choice = { code: string; span: Span; distance: number; after: boolean };

/** The indicator named nearest the number, before it in its clause first, then after it, then anywhere before it in the sentence. */
function chooseIndicator(ctx: Context, located: Located, accept: (i: ExtractIndicator) => boolean): Choice | null {
  const { mention, sentence, clause } = located;
  const between = (from: number, to: number) => findNumbersBetween(ctx, from, to, mention).length > 0;
  let best: Choice | null = null;
  for (const { codes, span } of ctx.indicatorMentions) {
    if (span.end <= sentence.start || span.start >= sentence.end) continue;
    const usable = codes.filter((code) => accept(ctx.lexicon.indicators.get(code)!));
    if (usable.length === 0) continue;
    let distance: number;
    let after = false;
    const latin = /[A-Za-z]/.test(
      ctx.text.slice(Math.max(0, mention.span.start - 3), mention.span.start + 1) + ctx.text.slice(mention.span.end, mention.span.end + 2),
    );
    if (span.end <= mention.span.start) {
      distance = (mention.span.start - span.end) * (latin && (mention.unitClass === "bare" || mention.unitClass === "count") ? 3 : 1);
      if (span.start < clause.start) distance += 40;
      if (between(span.end, mention.span.start)) {
        // 外商直接投资11.92亿美元，同比增长31.21%；境外融资8.37亿美元: a name past another figure and a clause break is that figure's.
        if (span.start < clause.start) continue;
        distance += 150;
      }
    } else if (span.start >= mention.span.end) {
      after = true;
      // English counts name what they count after the number: "nine of which have been promoted …".
      const weight = latin && (mention.unitClass === "bare" || mention.unitClass === "count") ? 0.6 : 1.5;
      distance = (span.start - mention.span.end) * weight + 5;
      if (span.start > clause.end) distance += 60;
      if (between(mention.span.end, span.start)) distance += 150;
    } else continue;
    // The most specific name wins among names of the same place: 新设外资企业 over 企业.
    distance -= (span.end - span.start) / 10;
    if (!best || distance < best.distance) best = { code: pickCode(usable, ctx), span, distance, after };
  }
  return best;
}

function pickCode(codes: string[], _ctx: Context): string {
  return codes[0]!;
}

function findNumbersBetween(ctx: Context, from: number, to: number, self: NumberMention): Span[] {
  const text = ctx.text.slice(from, to);
  const out: Span[] = [];
  for (const m of text.matchAll(
    /(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)*\s?(?:万亿|亿|万|千|million|billion|trillion)?\s?(?:元|美元|吨|标准箱|标箱|家|个|项|户|yuan|dollars|tonnes|tons|TEUs?|enterprises|companies|projects|[a-z-]+)/gi,
  )) {
    const start = from + m.index;
    if (start !== self.span.start) out.push({ start, end: start + m[0].length });
  }
  return out;
}

function words(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/\([^)]*\)/g, " ")
      .split(/[^a-z]+/)
      .filter(
        (w) =>
          w.length > 2 &&
          ![
            "share",
            "the",
            "and",
            "of",
            "city",
            "province",
            "national",
            "new",
            "used",
            "actually",
            "growth",
            "average",
            "annual",
            "year",
            "on",
          ].includes(w),
      ),
  );
}

/** import_export + province → import_export_share_of_province; actual_use_foreign_capital + city → fdi_share_of_city (by shared name words). */
function derivedIndicator(ctx: Context, base: ExtractIndicator | undefined, suffix: string): ExtractIndicator | undefined {
  const family = [...ctx.lexicon.indicators.values()].filter((i) => i.code.endsWith(suffix) && i.unit === "percent");
  if (!base) return undefined;
  // import_export → import_export_share_of_province; area_size → area_share_of_city (the code's stem).
  const stems = [base.code.replace(/_(cny|usd)$/, ""), base.code.replace(/_[a-z]+$/, "")];
  const direct = stems.map((stem) => family.find((i) => i.code === `${stem}${suffix}`)).find(Boolean);
  if (direct) return direct;
  const baseWords = words(base.nameEn);
  let best: ExtractIndicator | undefined;
  let bestScore = 0;
  for (const indicator of family) {
    const score = [...words(indicator.nameEn)].filter((w) => baseWords.has(w)).length;
    // One shared word ("foreign") is no kinship unless the base name has only one.
    if (score < Math.min(2, baseWords.size)) continue;
    if (score > bestScore) {
      best = indicator;
      bestScore = score;
    }
  }
  return best;
}

/** The indicator a share or growth rate's own words name ("占全国18.4%的外商投资"), else the figure before it. */
function baseForRate(
  ctx: Context,
  located: Located,
  figures: Candidate[],
): { base: ExtractIndicator | undefined; figure: Candidate | undefined } {
  const { mention, sentence } = located;
  const paired = located.pairedIndicator ? ctx.lexicon.indicators.get(located.pairedIndicator) : undefined;
  if (paired && paired.unit !== "percent") return { base: paired, figure: undefined };
  const named = chooseIndicator(
    ctx,
    { ...located, clause: { start: mention.span.start, end: located.clause.end } },
    (i) => i.unit !== "percent",
  );
  const previous = [...figures].reverse().find((f) => f.figure.end <= mention.span.start && f.unitBase !== "percent");
  if (named && named.after && named.distance < 40) return { base: ctx.lexicon.indicators.get(named.code), figure: previous };
  if (previous && previous.figure.end >= sentence.start) return { base: ctx.lexicon.indicators.get(previous.indicator), figure: previous };
  const before = chooseIndicator(ctx, located, (i) => i.unit !== "percent");
  return { base: before ? ctx.lexicon.indicators.get(before.code) : undefined, figure: undefined };
}

function placePercent(ctx: Context, located: Located, figures: Candidate[], carried: TimeMention | null): Candidate | null {
  const { mention, clause } = located;
  const tail = Math.max(mention.span.end, located.listEnd ?? 0);
  const around = ctx.text.slice(
    Math.max(clause.start, mention.span.start - 60),
    Math.max(Math.min(clause.end + 40, mention.span.end + 40), tail + 40),
  );
  const before = ctx.text.slice(Math.max(located.sentence.start, mention.span.start - 30), mention.span.start);
  if (GROWTH.test(before.trimEnd()) || DECLINE.test(before.trimEnd())) {
    if (!AVG_GROWTH.test(before)) return null;
  }
  let indicator: ExtractIndicator | undefined;
  let reason: string;
  let anchor: Candidate | undefined;
  const scope = SHARE_SCOPES.find(([re]) => re.test(around) || re.test(before))?.[1];
  if (scope) {
    const { base, figure } = baseForRate(ctx, located, figures);
    indicator = derivedIndicator(ctx, base, `_share_of_${scope}`);
    anchor = figure;
    reason = `share of the ${scope} ${base ? `(${base.code})` : ""}`;
  } else if (AVG_GROWTH.test(before)) {
    const { base, figure } = baseForRate(ctx, located, figures);
    indicator = derivedIndicator(ctx, base, "_avg_annual_growth");
    anchor = figure;
    reason = "average annual growth";
  } else {
    const named = chooseIndicator(ctx, located, (i) => i.unit === "percent" && !i.code.includes("_share_of_"));
    indicator = named ? ctx.lexicon.indicators.get(named.code) : undefined;
    reason = "rate named beside it";
  }
  if (!indicator) return null;
  const zoneChoice = anchor ? { code: anchor.zone, how: "the zone of its figure" } : chooseZone(ctx, located, indicator);
  const zone = zoneChoice?.code;
  if (!zone) return null;
  reason = `${reason}; zone ${zoneChoice.how}`;
  const zoneRef = ctx.lexicon.zones.get(zone)!;
  const years = ctx.times
    .filter(
      (t) =>
        t.kind === "period" &&
        t.span.start >= located.sentence.start &&
        t.span.end <= mention.span.start &&
        /^\d{4}-01-01$/.test(t.start ?? "") &&
        t.end?.endsWith("-12-31"),
    )
    .map((t) => Number(t.start!.slice(0, 4)));
  const span = indicator.code.endsWith("_avg_annual_growth") && years.length >= 2 && Math.min(...years) < Math.max(...years);
  const period = span
    ? { period: `${Math.min(...years)}/${Math.max(...years)}`, basis: "period" as const, why: "average growth between the years named" }
    : anchor && anchor.basis !== "point"
      ? { period: anchor.period, basis: anchor.basis, why: "the period of its figure" }
      : resolvePeriod(ctx, located, indicator, zoneRef, carried);
  if (!period) return null;
  return makeCandidate(ctx, located, zoneRef, indicator, period, 0.8, [reason]);
}

function growthSign(text: string, mention: NumberMention, sentence: Sentence): number {
  const before = text.slice(Math.max(sentence.start, mention.span.start - 30), mention.span.start).trimEnd();
  if (DECLINE.test(before)) return -1;
  if (GROWTH.test(before)) return 1;
  const after = text.slice(mention.span.end, mention.span.end + 30);
  if (/^\s?(?:year[- ]on[- ]year\s)?(?:growth|increase|rise)/i.test(after)) return 1;
  if (/^\s?(?:year[- ]on[- ]year\s)?(?:decline|decrease|drop|fall)/i.test(after)) return -1;
  return 0;
}

/** A year-on-year rate belongs to the figure just before it, or to the one it grew "to". */
function figureForGrowth(text: string, mention: NumberMention, figures: Candidate[], ctx: Context): Candidate | undefined {
  const next = figures.find((f) => f.figure.start >= mention.span.end);
  if (
    next &&
    /\bto\s?(?:RMB|US\$|\$)?\s?$/i.test(text.slice(mention.span.end, next.figure.start)) &&
    !/[;；。]/.test(text.slice(mention.span.end, next.figure.start)) &&
    next.figure.start - mention.span.end < 80
  ) {
    return next.yoyPct === null ? next : undefined;
  }
  const previous = [...figures].reverse().find((f) => f.figure.end <= mention.span.start && f.unitBase !== "percent");
  if (!previous || previous.yoyPct !== null) return undefined;
  if (mention.span.start - previous.figure.end > 60) return undefined;
  const zoneBetween = ctx.zoneMentions.some((z) => !z.anaphora && z.span.start >= previous.figure.end && z.span.end <= mention.span.start);
  return zoneBetween ? undefined : previous;
}

// ——— zones ———

function chooseZone(ctx: Context, located: Located, indicator: ExtractIndicator): { code: string; how: string } | null {
  const { mention, sentence, clause } = located;
  const wantsPort = indicator.code.startsWith("port_");
  const wantsZoneArea = /^area_/.test(indicator.code);
  const ok = (code: string) => {
    const zone = ctx.lexicon.zones.get(code);
    if (!zone) return false;
    // Planned areas are published for FTZs and their areas, not for the provinces their names contain.
    if (wantsZoneArea && !["ftz", "area", "group"].includes(zone.kind)) return false;
    return wantsPort ? true : zone.kind !== "port";
  };
  // "held in Shanghai", "a platform in Shanghai", "在上海": a province or city after a locative is where, not whose.
  const locative = (z: NameMention) =>
    !z.anaphora &&
    ["province", "city", "country"].includes(ctx.lexicon.zones.get(z.code)?.kind ?? "") &&
    (/(?:\b(?:in|at|to|with|of)\s(?:the\s)?(?:[A-Z][a-z]+\s)?(?:China's\s)?|[在赴到占])$/.test(
      ctx.text.slice(Math.max(0, z.span.start - 24), z.span.start),
    ) ||
      // 重庆市商务委, Zhoushan Customs: a body of the place speaks; the figures are of the zone it speaks of.
      /^\s?(?:商务委|商务厅|商务局|统计局|人民政府|政府|海关|发改委|市委|省委|Customs|Department|Commission|Bureau|government|municipal commission)/.test(
        ctx.text.slice(z.span.end, z.span.end + 20),
      ));
  // "consists of the Jinan, Qingdao, and Yantai areas": the members of a list are not what the figure is about.
  const listed = (z: NameMention) =>
    /(?:consists? of|consisting of|covering|comprising|包括|涵盖|覆盖|(?<!自)由)[^.;。；]{0,40}$/i.test(
      ctx.text.slice(Math.max(sentence.start, z.span.start - 50), z.span.start),
    ) || /^\s?(?:areas|sub-?zones|等|三个片区|片区组成)/.test(ctx.text.slice(z.span.end, z.span.end + 6));
  const inSentence = ctx.zoneMentions.filter(
    (z) => z.span.start >= sentence.start && z.span.end <= sentence.end && ok(z.code) && !locative(z) && !listed(z),
  );
  const port = (list: NameMention[]) =>
    wantsPort ? (list.filter((z) => ctx.lexicon.zones.get(z.code)?.kind === "port").at(-1) ?? list.at(-1)) : list.at(-1);
  if (located.pairedZone && ok(located.pairedZone)) return { code: located.pairedZone, how: "paired with a list of zones" };
  const bracketed = bracketZone(ctx, located);
  if (bracketed && ok(bracketed)) return { code: bracketed, how: "named before the bracket" };
  const beforeInClause = inSentence.filter((z) => z.span.end <= mention.span.start && z.span.start >= clause.start);
  const afterInClause = inSentence.filter(
    (z) => z.span.start >= mention.span.end && z.span.start < clause.end && z.span.start - mention.span.end < 80,
  );
  const beforeInSentence = inSentence.filter((z) => z.span.end <= mention.span.start);
  if (beforeInClause.length) return { code: port(beforeInClause)!.code, how: "named in its clause" };
  if (afterInClause.length) return { code: afterInClause[0]!.code, how: "named after it" };
  // "Though occupying only 1% of the city's land area, the Zhengzhou Area has …": the subject follows the opening clause.
  if (
    /^\s*(?:Though|Although|While|Covering|Occupying|Accounting|With|Being|虽然|尽管)\b/.test(ctx.text.slice(sentence.start, clause.end)) &&
    clause.start <= sentence.start + 2
  ) {
    const subject = inSentence.find((z) => z.span.start >= clause.end);
    if (subject) return { code: subject.code, how: "the subject after the opening clause" };
  }
  if (beforeInSentence.length) return { code: port(beforeInSentence)!.code, how: "named earlier in the sentence" };
  const earlier = ctx.zoneMentions.filter((z) => z.span.end <= sentence.start && ok(z.code) && !locative(z));
  // A sentence that names no zone goes on about the FTZ or area named before, rather than a place named in passing.
  const subject = earlier.filter((z) => ["ftz", "area", "group"].includes(ctx.lexicon.zones.get(z.code)?.kind ?? "")).at(-1);
  if (earlier.length)
    return { code: wantsPort ? port(earlier)!.code : (subject ?? earlier.at(-1)!).code, how: "named in an earlier sentence" };
  const later = inSentence.filter((z) => z.span.start >= mention.span.end);
  if (later.length) return { code: later[0]!.code, how: "named later in the sentence" };
  // "foreign investment in actual use in Beijing reached …": with no other zone, the place is the zone.
  const places = ctx.zoneMentions.filter((z) => z.span.start >= sentence.start && z.span.end <= sentence.end && ok(z.code) && locative(z));
  if (places.length) return { code: places.at(-1)!.code, how: "the place the sentence names" };
  if (ctx.titleZone && ok(ctx.titleZone)) return { code: ctx.titleZone, how: "named in the title" };
  return null;
}

/** A port figure told of a city (舟山……集装箱吞吐量) is the figure of that city's port (the most specific one named after it). */
function portOf(ctx: Context, code: string): string {
  const city = ctx.lexicon.zones.get(code);
  if (!city || city.kind === "port") return code;
  const depth = (z: ExtractZone): number => (z.parent ? 1 + depth(ctx.lexicon.zones.get(z.parent) ?? { ...z, parent: null }) : 0);
  const ports = [...ctx.lexicon.zones.values()].filter(
    (z) => z.kind === "port" && (z.parent === city.code || new RegExp(`${city.nameEn.split(/\s/)[0]} port`, "i").test(z.nameEn)),
  );
  return ports.sort((a, b) => depth(b) - depth(a))[0]?.code ?? code;
}

// ——— periods ———

type Resolved = { period: string; basis: Basis; why: string };

const isLevel = (indicator: ExtractIndicator) => indicator.kind === "stock" || /^area_/.test(indicator.code);

function cumulative(zone: ExtractZone, end: IsoDate): Resolved | null {
  if (!zone.establishedOn || zone.establishedOn > end) return null;
  return { period: `${zone.establishedOn}/${end}`, basis: "cumulative", why: "since the zone's launch" };
}

/** ytd through March, June or December is the quarter, half or year itself (the packages' normal form). */
export function normaliseYtd(start: IsoDate, end: IsoDate): Resolved {
  const { month } = splitIsoDate(end);
  if (month === 3 || month === 6 || month === 12 || month === 1) return { period: periodLabel(start, end), basis: "period", why: "" };
  return { period: periodLabel(start, end), basis: "ytd", why: "" };
}

function fromTime(time: TimeMention, indicator: ExtractIndicator, zone: ExtractZone, ctx: Context): Resolved | null {
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
      if (level) return { period: ctx.source.publishedOn, basis: "point", why: "level at publication" };
      const c = cumulative(zone, ctx.source.publishedOn);
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

function resolvePeriod(
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
      return cumulative(zone, ctx.source.publishedOn);
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
    const c = cumulative(zone, ctx.source.publishedOn);
    if (c) return { ...c, why: "a total so far: since the zone's launch" };
  }
  if (carried) {
    const r = fromTime(carried, indicator, zone, ctx);
    if (r) return { ...r, why: `${r.why} (from an earlier sentence)` };
  }
  if (isLevel(indicator)) {
    const dated = ctx.times
      .filter((t) => t.kind === "date" && t.span.end <= mention.span.start && t.span.start >= sentence.start - 200)
      .at(-1);
    if (dated && indicator.unit === "km2") return { period: dated.end!, basis: "point", why: `level on ${dated.text}` };
    // An FTZ's plan sets the areas of all its parts at once: an area's planned area dates from the FTZ's launch.
    const plan =
      zone.kind === "area" && zone.parent && zone.establishedOn
        ? (ctx.lexicon.zones.get(zone.parent)?.establishedOn ?? zone.establishedOn)
        : zone.establishedOn;
    if (indicator.unit === "km2" && plan) return { period: plan, basis: "point", why: "the planned area at the launch of the plan" };
    return { period: ctx.source.publishedOn, basis: "point", why: "level at publication" };
  }
  const c = cumulative(zone, ctx.source.publishedOn);
  if (c) return { ...c, why: "no period given: since the zone's launch" };
  // A zone with no launch date and no period given: releases early in a year report the year before.
  const { year } = splitIsoDate(ctx.source.publishedOn);
  return { period: String(year - 1), basis: "period", why: "no period given: the year before publication" };
}

const STOP = new Set(["the", "and", "for", "with", "from", "into", "that", "this", "signed", "held"]);
function eventWords(title: string): string[] {
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
function eventDate(ctx: Context, sentence: Sentence, zone: ExtractZone): IsoDate | null {
  const window = ctx.text.slice(Math.max(0, sentence.start - 300), sentence.end).toLowerCase();
  let best: { date: IsoDate; hits: number } | null = null;
  for (const event of ctx.events) {
    if (event.zone !== zone.code && event.zone !== zone.parent) continue;
    const hits = event.words.filter((w) => new RegExp(`(?<![a-z])${w}`).test(window)).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { date: event.date, hits };
  }
  return best?.date ?? null;
}

// ——— figures ———

const AVERAGE_CHANGE =
  /(?:average\s)?annual (?:average\s)?(?:increase|increment|growth|addition)(?:\sof)?\s?(?:surpassing|exceeding|of|more than|over|nearly|about)?\s?$|年均(?:增长|增加|新增)$/i;
const PLANNED = /planning to|plans? to|expected to|is to be|计划|拟|预期/i;

/** A figure in brackets restates the one before it ($134.73 billion) or belongs to a part the catalog does not know. */
function bracketed(ctx: Context, located: Located): boolean {
  const { mention, sentence } = located;
  const before = ctx.text.slice(sentence.start, mention.span.start);
  if (!/\(\s?$/.test(before)) return false;
  return bracketZone(ctx, located) === undefined;
}

/** "The Central Area (87.76 sq km": the zone named just before the bracket that opens on the figure. */
function bracketZone(ctx: Context, located: Located): string | undefined {
  const { mention, sentence } = located;
  const before = ctx.text.slice(sentence.start, mention.span.start);
  const open = sentence.start + before.search(/\(\s?$/);
  if (open < sentence.start) return undefined;
  return ctx.zoneMentions.find((z) => !z.anaphora && z.span.end <= open && open - z.span.end <= 2)?.code;
}

function placeFigure(ctx: Context, located: Located, carried: TimeMention | null, figures: Candidate[]): Candidate | { reason: string } {
  const { mention, sentence } = located;
  const lead = ctx.text.slice(Math.max(sentence.start, mention.span.start - 40), mention.qualifierSpan?.start ?? mention.span.start);
  if (AVERAGE_CHANGE.test(lead.trimEnd())) return { reason: "an average annual change, not a level" };
  if (PLANNED.test(ctx.text.slice(Math.max(sentence.start, mention.span.start - 30), Math.min(sentence.end, mention.span.end + 40))))
    return { reason: "a plan, not a result" };
  if (bracketed(ctx, located)) return { reason: "in brackets: a conversion or a part the catalog does not know" };
  // 其中有42项…在全国复制推广, "nine of which": a part of the figure before is another indicator than that figure's.
  const subset = /(?:其中|of (?:which|them)|among them)/i.test(
    ctx.text.slice(Math.max(located.clause.start, mention.span.start - 6), mention.span.end + 10),
  );
  const previous = figures.at(-1)?.indicator;
  const paired = located.pairedIndicator ? ctx.lexicon.indicators.get(located.pairedIndicator) : undefined;
  const choice =
    paired && fits(paired, mention.unitClass)
      ? { code: paired.code, span: mention.span, distance: 0, after: false }
      : chooseIndicator(ctx, located, (i) => fits(i, mention.unitClass) && !(subset && i.code === previous));
  let indicator = choice ? ctx.lexicon.indicators.get(choice.code) : undefined;
  if (!indicator) {
    // A unit only one indicator is measured in (TEU) names it.
    const only = [...ctx.lexicon.indicators.values()].filter(
      (i) => fits(i, mention.unitClass) && mention.unitClass !== "bare" && mention.unitClass !== "count",
    );
    const preferred = only.length === 1 ? only[0] : mention.unitClass === "km2" ? only.find((i) => i.code === "area_size") : undefined;
    indicator = preferred;
  }
  if (!indicator)
    return { reason: mention.unitClass === "bare" ? "a number with no unit or indicator beside it" : "no indicator named beside it" };
  if (mention.unitClass === "bare" && (!choice || choice.distance > 40)) return { reason: "a bare number far from any indicator" };
  const zoneChoice = chooseZone(ctx, located, indicator);
  if (!zoneChoice) return { reason: `${indicator.code}: no zone named` };
  if (indicator.code.startsWith("port_")) zoneChoice.code = portOf(ctx, zoneChoice.code);
  const zone = ctx.lexicon.zones.get(zoneChoice.code)!;
  const period = resolvePeriod(ctx, located, indicator, zone, carried);
  if (!period) return { reason: `${zone.code} ${indicator.code}: no period` };
  const reasons = [
    `zone ${zoneChoice.how}`,
    choice ? `indicator named ${choice.after ? "after" : "before"} it` : `the unit names the indicator`,
    `period: ${period.why}`,
  ];
  let confidence = 0.95;
  if (zoneChoice.how !== "named in its clause") confidence -= 0.1;
  if (!choice || choice.distance > 20) confidence -= 0.1;
  if (/no period|publication|earlier sentence/.test(period.why)) confidence -= 0.15;
  const candidate = makeCandidate(ctx, located, zone, indicator, period, confidence, reasons, choice?.span);
  return candidate;
}

function makeCandidate(
  ctx: Context,
  located: Located,
  zone: ExtractZone,
  indicator: ExtractIndicator,
  period: Resolved,
  confidence: number,
  reasons: string[],
  indicatorSpan?: Span,
): Candidate {
  const { mention, clause } = located;
  let qualifier = mention.qualifier;
  if (
    qualifier === "exact" &&
    ESTIMATE.test(ctx.text.slice(clause.start, mention.span.start)) &&
    /[\u4e00-\u9fff]/.test(ctx.text[mention.span.start - 1] ?? "")
  )
    qualifier = "approx";
  const figureStart = mention.qualifierSpan ? Math.min(mention.qualifierSpan.start, mention.span.start) : mention.span.start;
  const figureEnd = mention.qualifierSpan ? Math.max(mention.qualifierSpan.end, mention.span.end) : mention.span.end;
  const quoteStart = Math.min(
    figureStart,
    indicatorSpan && indicatorSpan.start >= located.sentence.start ? indicatorSpan.start : figureStart,
  );
  const quoteEnd = Math.max(figureEnd, indicatorSpan && indicatorSpan.end <= located.sentence.end ? indicatorSpan.end : figureEnd);
  const unitBase: BaseUnit = indicator.unit;
  return {
    zone: zone.code,
    indicator: indicator.code,
    period: period.period,
    basis: period.basis,
    value: mention.value,
    unit: publishedUnit(mention),
    valueBase: baseValueOf(mention),
    unitBase,
    qualifier,
    yoyPct: null,
    figure: { start: figureStart, end: figureEnd },
    quote: "",
    quoteSpan: { start: quoteStart, end: quoteEnd },
    confidence: Math.max(0.1, Math.round(confidence * 100) / 100),
    reasons: reasons.filter(Boolean),
  };
}

function publishedUnit(mention: NumberMention): string {
  if (mention.unit) return mention.unit;
  return mention.unitClass === "bare" ? "count" : mention.unitClass;
}
