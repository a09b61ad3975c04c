// Progress against annual targets — "时间过半、任务过半": by the end of June, half the year's target
// should be reached. Pure: the figures of one zone and indicator in, the year-to-date actual, the
// target pro-rated to the elapsed part of the year, and a status out.
import type { Indicator, Zone } from "./catalog.ts";
import { addDays, daysBetween, daysInMonth, isLeapYear, isoDate, splitIsoDate, type IsoDate } from "./dates.ts";
import { combineQualifiers } from "./qualifiers.ts";
import type { Basis, IndicatorKind, Qualifier } from "./vocabulary.ts";

export type MonitorFigure = { basis: Basis; start: IsoDate; end: IsoDate; value: number; qualifier: Qualifier };

/** How the actual was found: a year-to-date figure, the sum of the year's periods, or a level. */
export type ActualDerivation = "ytd" | "sum" | "level";

export type Actual = { value: number; through: IsoDate; qualifier: Qualifier; derivation: ActualDerivation };

export const PROGRESS_STATUSES = ["behind", "no_data", "on_track", "ahead", "met", "not_started"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type Progress = {
  status: ProgressStatus;
  target: number;
  /** The part of the year the actual covers (0–1); for a year not yet started, 0. */
  elapsed: number;
  /** The target pro-rated to the elapsed part of the year (the full target for rates). */
  expected: number | null;
  actual: Actual | null;
  /** actual − expected, in the indicator's base unit. */
  gap: number | null;
  /** actual / expected. */
  ratio: number | null;
  /** actual / target: the share of the year's target reached. */
  reached: number | null;
  /** Change on the same part of the year before (0.12 = +12%), when that figure exists. */
  yoy: number | null;
};

function yearStart(year: number): IsoDate {
  return isoDate(year, 1, 1);
}

function isMonthEnd(date: IsoDate): boolean {
  const { year, month, day } = splitIsoDate(date);
  return day === daysInMonth(year, month);
}

/**
 * The part of the year up to and including `through`: whole months count as twelfths (the end of June
 * is exactly one half), other dates as days of the year.
 */
export function elapsedShare(through: IsoDate): number {
  const { year, month } = splitIsoDate(through);
  if (isMonthEnd(through)) return month / 12;
  return (daysBetween(yearStart(year), through) + 1) / (isLeapYear(year) ? 366 : 365);
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function yearEarlier(date: IsoDate): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  return isoDate(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}

/**
 * The year-to-date actual of a flow in `year`, at most through `until`: the later of the latest
 * year-to-date figure and the longest unbroken run of the year's period figures from 1 January.
 */
function flowActual(figures: readonly MonitorFigure[], year: number, until: IsoDate | undefined): Actual | null {
  const start = yearStart(year);
  const fits = (f: MonitorFigure) => f.start === start && f.end.startsWith(`${year}-`) && (!until || f.end <= until);
  const ytd = figures.filter((f) => f.basis === "ytd" && fits(f)).sort((a, b) => b.end.localeCompare(a.end))[0];
  let sum: Actual | null = null;
  const parts = figures.filter((f) => f.basis === "period" && f.end.startsWith(`${year}-`) && (!until || f.end <= until));
  let cursor = start;
  let total = 0;
  const used: MonitorFigure[] = [];
  for (;;) {
    const next = parts.filter((f) => f.start === cursor).sort((a, b) => b.end.localeCompare(a.end))[0];
    if (!next) break;
    used.push(next);
    total += next.value;
    cursor = addDays(next.end, 1);
  }
  const last = used.at(-1);
  if (last)
    sum = {
      value: total,
      through: last.end,
      qualifier: combineQualifiers(used.map((f) => ({ qualifier: f.qualifier, effect: 1 as const }))),
      derivation: used.length > 1 ? "sum" : "ytd",
    };
  const fromYtd: Actual | null = ytd ? { value: ytd.value, through: ytd.end, qualifier: ytd.qualifier, derivation: "ytd" } : null;
  if (fromYtd && sum) return sum.through > fromYtd.through ? sum : fromYtd;
  return fromYtd ?? sum;
}

/** The latest level of a stock or rate within `year` (and at most through `until`). */
function levelActual(figures: readonly MonitorFigure[], year: number, until: IsoDate | undefined): Actual | null {
  const latest = figures
    .filter((f) => (f.basis === "point" || f.basis === "period") && f.end.startsWith(`${year}-`) && (!until || f.end <= until))
    .sort((a, b) => b.end.localeCompare(a.end))[0];
  return latest ? { value: latest.value, through: latest.end, qualifier: latest.qualifier, derivation: "level" } : null;
}

export function actualFor(figures: readonly MonitorFigure[], kind: IndicatorKind, year: number, until?: IsoDate): Actual | null {
  return kind === "flow" ? flowActual(figures, year, until) : levelActual(figures, year, until);
}

/** Within ±tolerance of the pro-rated target is on track. */
export function progressStatus(actual: number, expected: number, target: number, tolerance: number): ProgressStatus {
  if (target > 0 && actual >= target) return "met";
  if (expected <= 0) return "on_track";
  const ratio = actual / expected;
  if (ratio < 1 - tolerance) return "behind";
  if (ratio > 1 + tolerance) return "ahead";
  return "on_track";
}

/**
 * Progress of one zone and indicator against its target for `year`, as of `today`.
 * Flows: year-to-date actual against target × elapsed share. Stocks: the latest level against the
 * path from last year's closing level to the target (the target itself when that level is unknown).
 * Rates: the latest value against the target.
 */
export function progressFor(input: {
  figures: readonly MonitorFigure[];
  kind: IndicatorKind;
  year: number;
  target: number;
  today: IsoDate;
  tolerance: number;
}): Progress {
  const { figures, kind, year, target, today, tolerance } = input;
  const empty = { target, actual: null, gap: null, ratio: null, reached: null, yoy: null };
  if (today < yearStart(year)) return { ...empty, status: "not_started", elapsed: 0, expected: null };
  const actual = actualFor(figures, kind, year);
  if (!actual) {
    const elapsed = today > isoDate(year, 12, 31) ? 1 : elapsedShare(today);
    return { ...empty, status: "no_data", elapsed, expected: kind === "flow" ? target * elapsed : target };
  }
  const elapsed = elapsedShare(actual.through);
  let expected = target;
  if (kind === "flow") expected = target * elapsed;
  if (kind === "stock") {
    const opening = levelActual(figures, year - 1, undefined);
    if (opening && opening.through === isoDate(year - 1, 12, 31)) expected = opening.value + (target - opening.value) * elapsed;
  }
  const before = actualFor(figures, kind, year - 1, yearEarlier(actual.through));
  const yoy = before && before.through === yearEarlier(actual.through) && before.value > 0 ? actual.value / before.value - 1 : null;
  return {
    status: progressStatus(actual.value, expected, target, tolerance),
    target,
    elapsed,
    expected,
    actual,
    gap: actual.value - expected,
    ratio: expected > 0 ? actual.value / expected : null,
    reached: target > 0 ? actual.value / target : null,
    yoy,
  };
}

/** What needs attention first: furthest behind, then missing data, on track, ahead, met, not started. */
export function attentionOrder(a: Progress, b: Progress): number {
  const rank = PROGRESS_STATUSES.indexOf(a.status) - PROGRESS_STATUSES.indexOf(b.status);
  if (rank !== 0) return rank;
  return (a.ratio ?? Infinity) - (b.ratio ?? Infinity);
}

/** A target with its zone, indicator and source, as monitoring lists it. */
export type TargetRow = {
  id: number;
  zone: Pick<Zone, "code" | "nameEn" | "nameZh" | "kind">;
  indicator: Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit" | "kind">;
  year: number;
  target: number;
  publishedValue: number;
  publishedUnit: string;
  source: { title: string; url: string | null } | null;
};

export type MonitorRow = TargetRow & { progress: Progress };
