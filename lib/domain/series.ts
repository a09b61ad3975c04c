// From published figures to a series that can be drawn: pick one basis (never mix them), turn running
// totals (year-to-date, cumulative since launch) into single periods, and bring everything to one
// frequency — flows add, stocks and running totals take the last, rates are never added. Pure.
import { addDays, daysInMonth, isoDate, splitIsoDate, type IsoDate } from "./dates.ts";
import { granularityOf } from "./periods.ts";
import { combineQualifiers, combineStatuses } from "./qualifiers.ts";
import type { Basis, Granularity, IndicatorKind, Qualifier, Status } from "./vocabulary.ts";

export const FREQUENCIES = ["month", "quarter", "half", "year"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A published figure as the series code needs it. */
export type SeriesObservation = {
  start: IsoDate;
  end: IsoDate;
  basis: Basis;
  value: number;
  qualifier: Qualifier;
  status: Status;
  sourceId: number;
  /** The change on the same period a year earlier as published with the figure, in percent. */
  yoyPct: number | null;
};

/** How a point came about, when it is not a published figure as it stands. */
export type Derivation = "from_ytd" | "from_cumulative" | "sum" | "last" | "implied";

/** Where a year-on-year change comes from: published with the figure, or computed from two levels. */
export type RateOrigin = "published" | "computed";

export type Point = {
  start: IsoDate;
  end: IsoDate;
  value: number;
  qualifier: Qualifier;
  status: Status;
  sources: number[];
  derivation?: Derivation;
  /** A derived period longer than one unit of the frequency (e.g. January–February together). */
  combined?: boolean;
  /** The change on a year earlier published with this figure (a published figure as it stands), in percent. */
  publishedYoy?: number;
  /** An implied level: the published rate (in percent) and the end of the figure that implies it. */
  impliedBy?: { rate: number; end: IsoDate };
  /** On a year-on-year point: where its value comes from, and the other rate where both exist. */
  rate?: { origin: RateOrigin; computed?: number; published?: number };
};

/** Why some figures are not in a series; the interface words them. */
export type SeriesNote =
  | { code: "other_lengths"; count: number; lengths: Partial<Record<Granularity, number>> }
  | { code: "incomplete_periods"; count: number }
  | { code: "rates_not_aggregated"; count: number }
  | { code: "unaligned_running_totals"; count: number }
  | { code: "no_prior_period"; count: number }
  | { code: "no_base"; base: string }
  | { code: "no_area" }
  | { code: "no_parent_value"; count: number };

export type SeriesError =
  | { code: "mixed_bases"; counts: Partial<Record<Basis, number>> }
  | { code: "no_data" }
  | { code: "pop_running_total"; basis: Basis }
  | { code: "rate_not_scalable"; transform: string }
  | { code: "share_without_parent" };

const MONTHS_IN: Record<Frequency, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function frequencyOf(granularity: Granularity): Frequency | undefined {
  return (FREQUENCIES as readonly string[]).includes(granularity) ? (granularity as Frequency) : undefined;
}

/** Whether a date is the last day of a unit of the frequency (a month, quarter, half or year). */
export function isPeriodEnd(date: IsoDate, freq: Frequency): boolean {
  const { year, month, day } = splitIsoDate(date);
  return day === daysInMonth(year, month) && month % MONTHS_IN[freq] === 0;
}

/** The unit of the frequency that contains a date: its first and last day. */
export function periodContaining(date: IsoDate, freq: Frequency): { start: IsoDate; end: IsoDate } {
  const { year, month } = splitIsoDate(date);
  const size = MONTHS_IN[freq];
  const first = Math.floor((month - 1) / size) * size + 1;
  const last = first + size - 1;
  return { start: isoDate(year, first, 1), end: isoDate(year, last, daysInMonth(year, last)) };
}

/** Whole units of the frequency that [start, end] spans exactly, or undefined when it is not aligned. */
export function unitsSpanned(start: IsoDate, end: IsoDate, freq: Frequency): number | undefined {
  const s = splitIsoDate(start);
  if (s.day !== 1 || (s.month - 1) % MONTHS_IN[freq] !== 0 || !isPeriodEnd(end, freq)) return undefined;
  const e = splitIsoDate(end);
  return ((e.year - s.year) * 12 + (e.month - s.month + 1)) / MONTHS_IN[freq];
}

function count<T extends string>(items: readonly T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

/**
 * The figures of one basis. Without a requested basis, figures on several bases are refused with
 * their counts: a ytd total and a single month are not points of one line.
 */
export function selectBasis(
  observations: readonly SeriesObservation[],
  requested?: Basis,
): { ok: true; basis: Basis; observations: SeriesObservation[] } | { ok: false; error: SeriesError } {
  if (requested) return { ok: true, basis: requested, observations: observations.filter((o) => o.basis === requested) };
  const bases = [...new Set(observations.map((o) => o.basis))];
  if (bases.length === 0) return { ok: false, error: { code: "no_data" } };
  if (bases.length > 1) return { ok: false, error: { code: "mixed_bases", counts: count(observations.map((o) => o.basis)) } };
  return { ok: true, basis: bases[0] as Basis, observations: [...observations] };
}

export function asPoint(o: SeriesObservation): Point {
  const point: Point = { start: o.start, end: o.end, value: o.value, qualifier: o.qualifier, status: o.status, sources: [o.sourceId] };
  if (o.yoyPct !== null) point.publishedYoy = o.yoyPct;
  return point;
}

const byEnd = <T extends { end: IsoDate; start: IsoDate }>(a: T, b: T) =>
  a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : 1;

/**
 * Single periods from running totals: each total minus the one before it in the same run (a year for
 * ytd, since launch for cumulative). With a frequency, only totals at its period ends are used; a
 * difference over more than one period (January–February released together) is kept, marked combined.
 */
export function deriveFromRunningTotals(
  observations: readonly SeriesObservation[],
  basis: "ytd" | "cumulative",
  freq?: Frequency,
): { points: Point[]; notes: SeriesNote[] } {
  const runs = new Map<string, SeriesObservation[]>();
  let unaligned = 0;
  for (const o of observations) {
    if (freq && !isPeriodEnd(o.end, freq)) {
      unaligned += 1;
      continue;
    }
    const run = basis === "ytd" ? o.end.slice(0, 4) : o.start;
    runs.set(run, [...(runs.get(run) ?? []), o]);
  }
  const derivation: Derivation = basis === "ytd" ? "from_ytd" : "from_cumulative";
  const points: Point[] = [];
  for (const run of runs.values()) {
    let previous: SeriesObservation | undefined;
    for (const o of run.sort(byEnd)) {
      const start = previous ? addDays(previous.end, 1) : o.start;
      const value = previous ? o.value - previous.value : o.value;
      const qualifier = previous
        ? combineQualifiers([
            { qualifier: o.qualifier, effect: 1 },
            { qualifier: previous.qualifier, effect: -1 },
          ])
        : o.qualifier;
      const units = freq ? unitsSpanned(start, o.end, freq) : undefined;
      points.push({
        start,
        end: o.end,
        value,
        qualifier,
        status: combineStatuses(previous ? [o.status, previous.status] : [o.status]),
        sources: previous ? [previous.sourceId, o.sourceId] : [o.sourceId],
        // The first total of a run is the first period as published, rate included.
        ...(!previous && o.yoyPct !== null ? { publishedYoy: o.yoyPct } : {}),
        derivation,
        ...(freq && units !== 1 ? { combined: true } : {}),
      });
      previous = o;
    }
  }
  return { points: points.sort(byEnd), notes: unaligned ? [{ code: "unaligned_running_totals", count: unaligned }] : [] };
}

/**
 * Brings points to one frequency. Points of exactly one period pass; finer ones are added (flows, only
 * when they cover the whole period) or reduced to the last (stocks and running totals); rates are never
 * added. Coarser or irregular published points are left out, counted in a note.
 */
export function toFrequency(
  points: readonly Point[],
  freq: Frequency,
  kind: IndicatorKind,
  level = false,
): { points: Point[]; notes: SeriesNote[] } {
  const exact: Point[] = [];
  const finer = new Map<string, Point[]>();
  const other: Granularity[] = [];
  for (const point of points) {
    const units = unitsSpanned(point.start, point.end, freq);
    if (units === 1 || (point.combined && units !== undefined)) {
      exact.push(point);
      continue;
    }
    const container = periodContaining(point.end, freq);
    const fitsInside = point.start >= container.start;
    if (fitsInside && (level || unitsSpanned(point.start, point.end, "month") !== undefined)) {
      finer.set(container.end, [...(finer.get(container.end) ?? []), point]);
    } else {
      other.push(granularityOf(point.start, point.end));
    }
  }
  const notes: SeriesNote[] = [];
  const have = new Set(exact.map((p) => p.end));
  let incomplete = 0;
  let rates = 0;
  for (const [end, group] of finer) {
    if (have.has(end)) continue; // a published figure for the whole period wins over its parts
    const container = periodContaining(end, freq);
    const sorted = [...group].sort(byEnd);
    if (level || kind === "stock") {
      const last = sorted[sorted.length - 1];
      if (last) exact.push({ ...last, start: container.start, end: container.end, derivation: "last", sources: last.sources });
      continue;
    }
    if (kind === "rate") {
      rates += group.length;
      continue;
    }
    // Flows add up only when the parts tile the period with no gap and no overlap.
    let cursor = container.start;
    const parts: Point[] = [];
    for (const p of sorted) {
      if (p.start !== cursor) break;
      parts.push(p);
      cursor = addDays(p.end, 1);
    }
    if (parts.length !== sorted.length || addDays(container.end, 1) !== cursor) {
      incomplete += group.length;
      continue;
    }
    exact.push({
      start: container.start,
      end: container.end,
      value: parts.reduce((sum, p) => sum + p.value, 0),
      qualifier: combineQualifiers(parts.map((p) => ({ qualifier: p.qualifier, effect: 1 as const }))),
      status: combineStatuses(parts.map((p) => p.status)),
      sources: [...new Set(parts.flatMap((p) => p.sources))],
      derivation: "sum",
    });
  }
  if (other.length) notes.push({ code: "other_lengths", count: other.length, lengths: count(other) });
  if (incomplete) notes.push({ code: "incomplete_periods", count: incomplete });
  if (rates) notes.push({ code: "rates_not_aggregated", count: rates });
  return { points: exact.sort(byEnd), notes };
}

/** The frequency most of the points have (the coarser one on a tie), for a period series with no frequency chosen. */
export function dominantFrequency(points: readonly { start: IsoDate; end: IsoDate }[]): Frequency | undefined {
  const counts = count(points.map((p) => frequencyOf(granularityOf(p.start, p.end))).filter((f): f is Frequency => f !== undefined));
  let best: Frequency | undefined;
  for (const freq of [...FREQUENCIES].reverse()) {
    if ((counts[freq] ?? 0) > (best ? (counts[best] ?? 0) : 0)) best = freq;
  }
  return best;
}
