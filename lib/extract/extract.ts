// The figure finder: a text and its source in, candidate observations out (zone, indicator, period, basis,
// value, qualifier, year-on-year change, quote), plus the numbers it saw but could not place. Rules and the
// catalog's lexicon only: no network, no model, no clock (the publication date is the only "now"). Pure.
import type { BaseUnit } from "../domain/vocabulary.ts";
import { buildLexicon, type Lexicon } from "./lexicon.ts";
import { baseValueOf, findNumbers, type NumberMention } from "./numbers.ts";
import { findTimes, type TimeMention } from "./periods.ts";
import { CLAUSE_BREAK, prepareText, splitSentences, type Sentence } from "./text.ts";
import { findNumbersBetween, type Context, type Located } from "./context.ts";
import { chooseZone, pairs, portOf, resolveAnaphora, titleZone, bracketZone, unknownPlace, jointSubject } from "./zones.ts";
import { eventWords, resolvePeriod, type Resolved } from "./resolve-period.ts";
import type { Candidate, ExtractCatalog, ExtractIndicator, ExtractSource, ExtractZone, Extraction, Span, Unplaced } from "./types.ts";

type Scope = "province" | "city" | "national" | "all_ftzs";

const SHARE_SCOPES: readonly [RegExp, Scope][] = [
  [
    /(?:proportion|share) of [\w ]{1,40} in the province|全省\s?(?:超过?|约|近|达)?$|占全省|占[^，,。；;]{0,6}省|全省[^，,。；;]{0,4}比重|of (?:the )?(?:province|provincial)(?:'s)?|of [A-Z][a-z]+ province(?:'s)?|province's total/i,
    "province",
  ],
  [
    /(?:proportion|share) of [\w ]{1,40} in the (?:city|municipality)|全市\s?(?:超过?|约|近|达)?$|占全市|占[^，,。；;]{0,4}市|全市[^，,。；;]{0,4}比重|of (?:the )?(?:city|municipality|municipal)(?:'s)?|(?:city|municipality)'s/i,
    "city",
  ],
  [
    /(?:proportion|share) of [\w ]{1,40} in the (?:country|nation)|全国\s?(?:超过?|约|近|达)?$|占全国|全国[^，,。；;]{0,4}比重|of (?:the )?(?:country|nation|national|china)(?:'s)?|(?:country|nation|china)'s (?:total|foreign|imports|land)|of the total of the country|全国的/i,
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
  const planned = new Set<string>();
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
    const pendingGrowth: { located: Located; sign: number }[] = [];
    const thresholds: { located: Located; indicator: string }[] = [];
    for (const mention of inSentence) {
      if (inTime(mention.span)) continue;
      const located: Located = {
        mention,
        sentence,
        clause: clauseOf(text, sentence, mention.span),
        ...pairs(ctx, mention, sentence, inSentence),
      };
      const shown = raw.slice(mention.span.start, mention.span.end);
      if (mention.notAFigure) {
        // Years and dates belong to time phrases; what else is no figure is listed, with why.
        if (mention.notAFigure !== "a year")
          unplaced.push({ text: shown, span: mention.span, reason: `not a figure: ${mention.notAFigure}` });
        continue;
      }
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
          pendingGrowth.push({ located, sign: growth });
          continue;
        }
        unplaced.push({ text: shown, span: mention.span, reason: "a percentage with no share or indicator named beside it" });
        continue;
      }
      const placed = placeFigure(ctx, located, carried, figures.at(-1) ?? candidates.at(-1));
      if ("reason" in placed && placed.reason === PLAN_REASON) planned.add(`${baseValueOf(mention)}|${mention.unitClass}`);
      if ("reason" in placed) {
        unplaced.push({ text: shown, span: mention.span, reason: placed.reason });
        if (placed.threshold) thresholds.push({ located, indicator: placed.threshold });
      } else figures.push(placed);
    }
    for (const { located, sign } of pendingGrowth) {
      const { mention } = located;
      const figure = figureForGrowth(text, mention, figures, ctx);
      const shown = raw.slice(mention.span.start, mention.span.end);
      const own = figure ? null : placeGrowth(ctx, located, sign, carried, thresholds);
      if (figure) figure.yoyPct = sign * Number(mention.value);
      else if (own) figures.push(own);
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
  const kept = dedupe(candidates).filter((candidate) => {
    const why = restatement(candidate, candidates, planned, sentences);
    if (why) unplaced.push({ text: raw.slice(candidate.figure.start, candidate.figure.end), span: candidate.figure, reason: why });
    return why === null;
  });
  return { candidates: kept, unplaced };
}

/**
 * What makes a candidate a restatement rather than a figure: the value of a plan or projection told earlier ("is
 * projected to handle 23.3m teu … the annual figure to 23.3m teu"), or a rounded form of an exact figure of the same
 * zone and indicator in its sentence (经济总量近3000亿元，前三季度实现GDP 2901亿元).
 */
function restatement(candidate: Candidate, all: readonly Candidate[], planned: ReadonlySet<string>, sentences: Sentence[]): string | null {
  if (planned.has(`${candidate.valueBase}|${candidate.unitBase}`)) return "repeats the value of a plan or projection";
  if (candidate.qualifier !== "approx") return null;
  const sentence = sentences.find((s) => candidate.figure.start >= s.start && candidate.figure.start < s.end);
  const exact = all.find(
    (other) =>
      other !== candidate &&
      other.qualifier === "exact" &&
      other.zone === candidate.zone &&
      other.indicator === candidate.indicator &&
      sentence !== undefined &&
      other.figure.start >= sentence.start &&
      other.figure.start < sentence.end &&
      Math.abs(other.valueBase - candidate.valueBase) <= 0.05 * Math.abs(other.valueBase),
  );
  return exact ? "a rounded form of the exact figure beside it" : null;
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

function clauseOf(text: string, sentence: Sentence, span: Span): Span {
  let start = span.start;
  while (start > sentence.start && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = span.end;
  while (end < sentence.end && !CLAUSE_BREAK.test(text[end]!)) end++;
  // An English thousands separator or a comma inside a number is no break.
  return { start, end };
}

function fits(indicator: ExtractIndicator, unitClass: NumberMention["unitClass"]): boolean {
  if (unitClass === "bare" || unitClass === "count") return indicator.unit === "count";
  return indicator.unit === unitClass;
}

type Choice = { code: string; span: Span; distance: number; after: boolean; part?: boolean };

/** The indicator named nearest the number, before it in its clause first, then after it, then anywhere before it in the sentence. */
function chooseIndicator(ctx: Context, located: Located, accept: (i: ExtractIndicator) => boolean): Choice | null {
  const { mention, sentence, clause } = located;
  const between = (from: number, to: number) => findNumbersBetween(ctx, from, to, mention).length > 0;
  // "Exports increased by 16.8 percent to 13.22 billion yuan": a rate between a name and a figure is the figure's own.
  const figureBetween = (from: number, to: number) =>
    findNumbersBetween(ctx, from, to, mention).some((n) => !/(?:%|percent|个百分点)$/.test(ctx.text.slice(n.start, n.end)));
  let best: Choice | null = null;
  for (const { codes, span, part } of ctx.indicatorMentions) {
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
      if (span.start < clause.start) {
        distance += 40;
        // 形成77项创新经验成果，精选21项……在全省复制推广: a name that a number before it counts is that number's, when
        // another name follows in the sentence.
        const counted = findNumbersBetween(ctx, Math.max(sentence.start, span.start - 16), span.start, mention).some(
          (n) => span.start - n.end <= 1,
        );
        if (counted) distance += 100;
      }
      if (figureBetween(span.end, mention.span.start)) {
        // 外商直接投资11.92亿美元，同比增长31.21%；境外融资8.37亿美元: a name past another figure and a clause break is that figure's.
        if (span.start < clause.start) continue;
        distance += 150;
      }
    } else if (span.start >= mention.span.end) {
      after = true;
      // English counts name what they count after the number: "nine of which have been promoted …".
      const weight = latin && (mention.unitClass === "bare" || mention.unitClass === "count") ? 0.6 : 1.5;
      distance = (span.start - mention.span.end) * weight + 5;
      if (span.start > clause.end) {
        // 资金524.2亿元；实际利用外资4.02亿美元: a name past a clause break that leads straight into a number is that number's.
        if (/^\s?(?:达到?|为|共|超过?|约|近)?\s?[\d０-９]/.test(ctx.text.slice(span.end, span.end + 6))) continue;
        distance += 60;
      }
      if (between(mention.span.end, span.start)) distance += 150;
      // "Exports rose by 16.8 percent to 13.22 billion yuan while imports …": a name after "while" opens the next clause.
      if (/\b(?:while|whereas|but)\s(?:the\s)?$/i.test(ctx.text.slice(mention.span.end, span.start))) distance += 150;
    } else continue;
    // The most specific name wins among names of the same place: 新设外资企业 over 企业.
    distance -= (span.end - span.start) / 10;
    if (!best || distance < best.distance) best = { code: pickCode(usable, ctx), span, distance, after, ...(part ? { part } : {}) };
  }
  return best;
}

function pickCode(codes: string[], _ctx: Context): string {
  return codes[0]!;
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
    const own = words(indicator.nameEn);
    const score = [...own].filter((w) => baseWords.has(w)).length;
    // Every word of the base name must be there: "contracted foreign capital" is no kin of "foreign capital used";
    // and no other: the share of "imports and exports" is not one of "exports".
    if (score < baseWords.size || own.size > score) continue;
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

const TASKS_DONE =
  /^\s?(?:percent|%)?\s?of (?:the )?(?:\d+\s)?(?:[a-z-]+\s){0,3}tasks\b[^.;]{0,100}?\b(?:have|has|had) been (?:implemented|completed|carried out)\b|^\s?的(?:改革)?(?:试点)?任务(?:已经?|得到)(?:实施|落实|完成)/i;

const SHARE_OF_FIRMS = /^\s?的[^，,。；;的]{0,6}(?:企业|公司)|^\s?of (?:the )?(?:[a-z']+\s){0,3}(?:enterprises|companies|firms)\b/i;

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
  // 全市超25%的进出口企业, "30 percent of the city's foreign trade firms": a share of firms, of no figure named.
  if (scope && SHARE_OF_FIRMS.test(ctx.text.slice(mention.span.end, clause.end))) return null;
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
  } else if (TASKS_DONE.test(ctx.text.slice(mention.span.end, located.sentence.end))) {
    // "95 percent of the 120 tasks … have been implemented": the rate the catalog calls an implementation rate.
    const code = ctx.lexicon.findIndicators("implementation rate")[0]?.codes.find((c) => ctx.lexicon.indicators.get(c)?.unit === "percent");
    indicator = code ? ctx.lexicon.indicators.get(code) : undefined;
    reason = "the share of a plan's tasks implemented";
  } else {
    const named = chooseIndicator(ctx, located, (i) => i.unit === "percent" && !i.code.includes("_share_of_"));
    indicator = named ? ctx.lexicon.indicators.get(named.code) : undefined;
    reason = "rate named beside it";
  }
  if (!indicator) return null;
  const zoneChoice = anchor ? { code: anchor.zone, how: "the zone of its figure" } : chooseZone(ctx, located, indicator);
  const zone = zoneChoice?.code;
  if (!zone || (!anchor && jointSubject(ctx, located, zone))) return null;
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

const AVERAGE_CHANGE =
  /(?:average\s)?annual (?:average\s)?(?:increase|increment|growth|addition)(?:\sof)?\s?(?:surpassing|exceeding|of|more than|over|nearly|about)?\s?$|年均(?:增长|增加|新增)$/i;

const PLAN_REASON = "a plan, not a result";

// 首次突破2000亿元, 突破千亿大关, "topped the 100-million mark for the first time": a threshold crossed, not the figure.
const THRESHOLD_BEFORE = /(?:首次|首度|历史上?首次|第一次)\s?$|首破\s?$/;
const THRESHOLD_AFTER = /^[^，,。；;]{0,6}?(?:大关|关口|\s(?:mark|threshold)\b)|^[^，,。；;.]{0,30}?\bfor the first time\b/i;

// "5,010 new enterprises … have been registered with the customs", 海关备案企业: firms on the customs register,
// which no indicator counts.
const CUSTOMS_REGISTER = /registered with (?:the )?customs|(?:在|向)?海关(?:注册|备案)/i;

// "85,045 registered enterprises had a total foreign trade volume of …": firms that are the subject of another figure.
const FIRMS_AS_SUBJECT =
  /^\s?(?:[a-z-]+\s){0,2}(?:enterprises|companies|firms)\s(?:(?:in|of)\s(?:the\s)?(?:[A-Z][\w'-]*\s){1,4})?(?:had|achieved|realized|realised|generated|posted|recorded)\b/;

const PLANNED = /planning to|plans? to|expected to|projected to|is to be|计划|拟|预期/i;

/** A figure in brackets restates the one before it ($134.73 billion) or belongs to a part the catalog does not know. */
function bracketed(ctx: Context, located: Located): boolean {
  const { mention, sentence } = located;
  const before = ctx.text.slice(sentence.start, mention.span.start);
  if (!/\(\s?$/.test(before)) return false;
  return bracketZone(ctx, located) === undefined;
}

/**
 * 外贸……首次突破2000亿元，增长20.2%; "foreign trade grew 12 percent": a growth rate published without its level (the
 * level is a threshold, or not given) is the indicator's own growth rate, where the catalog has one (import_export_growth).
 */
function placeGrowth(
  ctx: Context,
  located: Located,
  sign: number,
  carried: TimeMention | null,
  thresholds: readonly { located: Located; indicator: string }[],
): Candidate | null {
  const { mention } = located;
  // 其中高技术产业实际使用外资同比增长21.2%: the growth of a part.
  if (/其中|of which|among them/i.test(ctx.text.slice(located.clause.start, mention.span.start))) return null;
  const threshold = thresholds.filter((t) => t.located.mention.span.end <= mention.span.start).at(-1);
  const named = threshold
    ? null
    : chooseIndicator(ctx, located, (i) => i.unit !== "percent" && ctx.lexicon.indicators.has(`${i.code}_growth`));
  const base = threshold?.indicator ?? (named && !named.after && named.distance < 40 ? named.code : undefined);
  const growth = base ? ctx.lexicon.indicators.get(`${base}_growth`) : undefined;
  if (!base || !growth) return null;
  const at = threshold?.located ?? located;
  const zoneChoice = chooseZone(ctx, at, growth);
  if (!zoneChoice) return null;
  const zone = ctx.lexicon.zones.get(zoneChoice.code)!;
  const period = resolvePeriod(ctx, at, growth, zone, carried);
  if (!period) return null;
  const reasons = [`the growth of ${base}, published without its level`, `zone ${zoneChoice.how}`, `period: ${period.why}`];
  const candidate = makeCandidate(ctx, located, zone, growth, period, 0.7, reasons, named?.span);
  return sign < 0 ? { ...candidate, value: `-${candidate.value}`, valueBase: -candidate.valueBase } : candidate;
}

/** `last`: the figure placed last before this one (in this sentence, else before it). */
function placeFigure(
  ctx: Context,
  located: Located,
  carried: TimeMention | null,
  last: Candidate | undefined,
): Candidate | { reason: string; threshold?: string } {
  const { mention, sentence } = located;
  const lead = ctx.text.slice(Math.max(sentence.start, mention.span.start - 40), mention.qualifierSpan?.start ?? mention.span.start);
  if (AVERAGE_CHANGE.test(lead.trimEnd())) return { reason: "an average annual change, not a level" };
  if (PLANNED.test(ctx.text.slice(Math.max(located.clause.start, mention.span.start - 60), Math.min(sentence.end, mention.span.end + 40))))
    return { reason: PLAN_REASON };
  if (bracketed(ctx, located)) return { reason: "in brackets: a conversion or a part the catalog does not know" };
  const after = ctx.text.slice(mention.span.end, located.clause.end);
  const threshold = THRESHOLD_BEFORE.test(lead) || THRESHOLD_AFTER.test(after);
  const counted = mention.unitClass === "count" || mention.unitClass === "bare";
  if (counted && CUSTOMS_REGISTER.test(ctx.text.slice(located.clause.start, located.clause.end)))
    return { reason: "firms on the customs register, which no indicator counts" };
  if (counted && FIRMS_AS_SUBJECT.test(after) && findNumbersBetween(ctx, mention.span.end, located.clause.end, mention).length > 0)
    return { reason: "the firms another figure is about, not a count of new ones" };
  // "6,096 domestic-funded ones", 内资企业5000家: the domestic part of a count, which no indicator measures.
  if (
    /^\s?(?:家|户|个)?(?:domestic[- ](?:funded|invested)|内资)/i.test(ctx.text.slice(mention.span.end, mention.span.end + 20)) ||
    /(?:内资企业|domestic[- ](?:funded|invested) (?:enterprises|companies|firms))\s?(?:达到?|共|of)?\s?$/i.test(
      ctx.text.slice(Math.max(sentence.start, mention.span.start - 30), mention.qualifierSpan?.start ?? mention.span.start),
    )
  )
    return { reason: "a count of domestic firms, a part no indicator measures" };
  // 其中有42项…在全国复制推广, "nine of which": a part of the figure before is another indicator than that figure's.
  // 其中，外商直接投资11.92亿美元: a clause opened by 其中 is a part too.
  const subset =
    /(?:其中|of (?:which|them)|among them)/i.test(
      ctx.text.slice(Math.max(located.clause.start, mention.span.start - 6), mention.span.end + 10),
    ) ||
    /(?:其中|of (?:which|them)|among them)\s?[，,]\s?$/i.test(
      ctx.text.slice(Math.max(sentence.start, located.clause.start - 12), located.clause.start),
    );
  const previous = last?.indicator;
  const paired = located.pairedIndicator ? ctx.lexicon.indicators.get(located.pairedIndicator) : undefined;
  const choice =
    paired && fits(paired, mention.unitClass)
      ? { code: paired.code, span: mention.span, distance: 0, after: false }
      : chooseIndicator(ctx, located, (i) => fits(i, mention.unitClass) && !(subset && i.code === previous));
  if (choice?.part) return { reason: `a part of ${choice.code} (with one partner), not the whole` };
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
  if (threshold) return { reason: "a threshold crossed, not the figure itself", threshold: indicator.code };
  if (located.pairedUnknown) return { reason: `${indicator.code}: paired with a place no zone of the catalog is` };
  const zoneChoice = chooseZone(ctx, located, indicator);
  if (!zoneChoice) return { reason: `${indicator.code}: no zone named` };
  if (jointSubject(ctx, located, zoneChoice.code)) return { reason: `${indicator.code}: of several zones together` };
  const elsewhere = unknownPlace(ctx, located, zoneChoice.code);
  if (elsewhere) return { reason: `${indicator.code}: of ${elsewhere}, a place no zone of the catalog is` };
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
