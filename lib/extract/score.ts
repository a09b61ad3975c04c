// Scoring an extractor against hand-labelled passages (../shared/extraction/README.md): normalise both sides
// (ytd through March, June, December is the quarter, half, year; cumulative starts at the zone's launch; a
// point is its day), match on zone, indicator, basis, the days covered and the value in the base unit; recall
// over scored labels, precision leaving out matches to unscored labels; qualifier and yoy over matches. Pure.
import { splitIsoDate, type IsoDate } from "../domain/dates.ts";
import { parsePeriod } from "../domain/periods.ts";
import type { Basis, Qualifier } from "../domain/vocabulary.ts";

export type LabelledFigure = {
  zone: string | null;
  indicator: string;
  period: string | null;
  basis: string;
  value_base: number | null;
  qualifier: string;
  yoy_pct: number | null;
  scored: boolean;
  quote?: string;
  value?: string;
  unit?: string;
};

export type LabelledPassage = {
  id: string;
  lang: string;
  source_title: string;
  source_url?: string;
  published_date: string;
  text: string;
  figures: LabelledFigure[];
  other_numbers: string[];
};

export type ScoredFigure = {
  zone: string;
  indicator: string;
  period: string;
  basis: Basis;
  valueBase: number;
  qualifier: Qualifier;
  yoyPct: number | null;
  quote?: string;
};

type Days = { zone: string; indicator: string; basis: string; start: IsoDate; end: IsoDate; value: number };

/** The days a figure covers, after the packages' normal form. Null when its period cannot be read. */
export function normaliseFigure(
  figure: { zone: string | null; indicator: string; period: string | null; basis: string; valueBase: number | null },
  launchOf: (zone: string) => IsoDate | null,
): Days | null {
  if (!figure.zone || !figure.period || figure.valueBase === null) return null;
  const parsed = parsePeriod(figure.period);
  if (!parsed.ok) return null;
  const end = parsed.period.end;
  let start = parsed.period.start;
  let basis = figure.basis || "period";
  if (basis === "ytd") start = `${splitIsoDate(end).year}-01-01`;
  if (basis === "cumulative" && parsed.written === "single") start = launchOf(figure.zone) ?? start;
  if (basis === "point") start = end;
  if (basis === "ytd") {
    const { month, day } = splitIsoDate(end);
    if ((month === 3 || month === 6 || month === 12) && day >= 28) basis = "period";
  }
  return { zone: figure.zone, indicator: figure.indicator, basis, start, end, value: figure.valueBase };
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const dayGap = (a: IsoDate, b: IsoDate) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
const same = (a: Days, b: Days, slack: number) =>
  a.zone === b.zone &&
  a.indicator === b.indicator &&
  a.basis === b.basis &&
  a.start === b.start &&
  (a.end === b.end || (a.basis === "cumulative" && dayGap(a.end, b.end) <= slack)) &&
  sameValue(a.value, b.value);

export type PassageScore = {
  id: string;
  lang: string;
  scored: number;
  matched: number;
  extracted: number;
  /** Extracted figures that count towards precision (those matching unscored labels left out). */
  counted: number;
  correct: number;
  qualifierRight: number;
  yoyRight: number;
  misses: LabelledFigure[];
  wrong: ScoredFigure[];
  /** Matched figures whose qualifier or yoy_pct differ from the label's. */
  offs: { figure: ScoredFigure; qualifier: string; yoyPct: number | null }[];
};

/**
 * `cumulativeSlack` (days, default 0 as the README scores) lets a total "as of" end a few days off the label: labels
 * date some totals the day before publication (the day of the statement), the finder dates them on publication.
 */
export function scorePassage(
  passage: LabelledPassage,
  extracted: readonly ScoredFigure[],
  launchOf: (zone: string) => IsoDate | null,
  cumulativeSlack = 0,
): PassageScore {
  const labels = passage.figures.map((f) => ({ f, days: normaliseFigure({ ...f, valueBase: f.value_base }, launchOf), used: false }));
  const score: PassageScore = {
    id: passage.id,
    lang: passage.lang,
    scored: labels.filter((l) => l.f.scored).length,
    matched: 0,
    extracted: extracted.length,
    counted: 0,
    correct: 0,
    qualifierRight: 0,
    yoyRight: 0,
    misses: [],
    wrong: [],
    offs: [],
  };
  for (const figure of extracted) {
    const days = normaliseFigure(figure, launchOf);
    const label = days ? labels.find((l) => !l.used && l.days && same(l.days, days, cumulativeSlack)) : undefined;
    if (!label) {
      score.counted++;
      score.wrong.push(figure);
      continue;
    }
    label.used = true;
    if (!label.f.scored) continue;
    score.counted++;
    score.correct++;
    score.matched++;
    const a = label.f.yoy_pct;
    const b = figure.yoyPct;
    const qualifierRight = label.f.qualifier === figure.qualifier;
    const yoyRight = (a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= 0.05);
    if (qualifierRight) score.qualifierRight++;
    if (yoyRight) score.yoyRight++;
    if (!qualifierRight || !yoyRight) score.offs.push({ figure, qualifier: label.f.qualifier, yoyPct: a });
  }
  score.misses = labels.filter((l) => l.f.scored && !l.used).map((l) => l.f);
  return score;
}

export type Totals = {
  passages: number;
  scored: number;
  matched: number;
  counted: number;
  correct: number;
  qualifierRight: number;
  yoyRight: number;
  recall: number;
  precision: number;
  qualifierAccuracy: number;
  yoyAccuracy: number;
};

export function totals(scores: readonly PassageScore[]): Totals {
  const sum = (pick: (s: PassageScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  const scored = sum((s) => s.scored);
  const matched = sum((s) => s.matched);
  const counted = sum((s) => s.counted);
  const correct = sum((s) => s.correct);
  const qualifierRight = sum((s) => s.qualifierRight);
  const yoyRight = sum((s) => s.yoyRight);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    passages: scores.length,
    scored,
    matched,
    counted,
    correct,
    qualifierRight,
    yoyRight,
    recall: ratio(matched, scored),
    precision: ratio(correct, counted),
    qualifierAccuracy: ratio(qualifierRight, matched),
    yoyAccuracy: ratio(yoyRight, matched),
  };
}
