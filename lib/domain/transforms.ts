// Transformations of a series, each a pure function of points: change on a year earlier (同比), on the
// previous period (环比), an index with a base period = 100 (or the zone's first figure after launch),
// per km² of the zone's area, and share of the parent zone. Qualifiers and statuses travel through.
import { addDays, daysBetween, daysInMonth, isoDate, splitIsoDate, type IsoDate } from "./dates.ts";
import { combineQualifiers, combineStatuses } from "./qualifiers.ts";
import type { Point, SeriesNote } from "./series.ts";

export const TRANSFORMS = ["level", "yoy", "pop", "index", "per_km2", "share"] as const;
export type Transform = (typeof TRANSFORMS)[number];

export type Transformed = { points: Point[]; notes: SeriesNote[] };

/** The same calendar position a year earlier; month ends stay month ends (29 Feb → 28 Feb). */
export function shiftYear(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const target = year + years;
  const last = daysInMonth(target, month);
  const isMonthEnd = day === daysInMonth(year, month);
  return isoDate(target, month, isMonthEnd ? last : Math.min(day, last));
}

function ratioPoint(point: Point, numerator: Point, denominator: Point, value: number): Point {
  return {
    ...point,
    value,
    qualifier: combineQualifiers([
      { qualifier: numerator.qualifier, effect: 1 },
      { qualifier: denominator.qualifier, effect: -1 },
    ]),
    status: combineStatuses([numerator.status, denominator.status]),
    sources: [...new Set([...denominator.sources, ...numerator.sources])],
  };
}

/**
 * Change against the same period a year earlier: in % for amounts and counts, in percentage points
 * for rates (`points = true`). Periods without a figure a year before are left out, counted in a note.
 */
export function yearOnYear(points: readonly Point[], percentagePoints: boolean): Transformed {
  const byPeriod = new Map(points.map((p) => [`${p.start}|${p.end}`, p]));
  const out: Point[] = [];
  let missing = 0;
  for (const point of points) {
    const prior = byPeriod.get(`${shiftYear(point.start, -1)}|${shiftYear(point.end, -1)}`);
    if (!prior || (!percentagePoints && prior.value <= 0)) {
      missing += 1;
      continue;
    }
    out.push(ratioPoint(point, point, prior, percentagePoints ? point.value - prior.value : (point.value / prior.value - 1) * 100));
  }
  return { points: out, notes: missing ? [{ code: "no_prior_period", count: missing }] : [] };
}

/**
 * Change against the previous period: the point that ends the day before this one starts and is as
 * long (a combined January–February is compared with nothing). In % or percentage points.
 */
export function periodOnPeriod(points: readonly Point[], percentagePoints: boolean): Transformed {
  const byEnd = new Map(points.map((p) => [p.end, p]));
  const out: Point[] = [];
  let missing = 0;
  for (const point of points) {
    const prior = byEnd.get(addDays(point.start, -1));
    const sameLength = prior && Boolean(prior.combined) === Boolean(point.combined) && sameUnits(prior, point);
    if (!prior || !sameLength || (!percentagePoints && prior.value <= 0)) {
      missing += 1;
      continue;
    }
    out.push(ratioPoint(point, point, prior, percentagePoints ? point.value - prior.value : (point.value / prior.value - 1) * 100));
  }
  return { points: out, notes: missing ? [{ code: "no_prior_period", count: missing }] : [] };
}

/** Same number of calendar months (or days, for periods that are not whole months). */
function sameUnits(a: Point, b: Point): boolean {
  const months = (p: Point) => {
    const s = splitIsoDate(p.start);
    const e = splitIsoDate(p.end);
    return s.day === 1 && e.day === daysInMonth(e.year, e.month) ? (e.year - s.year) * 12 + e.month - s.month + 1 : undefined;
  };
  const ma = months(a);
  const mb = months(b);
  return ma !== undefined && mb !== undefined ? ma === mb : daysBetween(a.start, a.end) === daysBetween(b.start, b.end);
}

/**
 * Index: each value over the base point's value, × 100. `base` finds the base point: a period label's
 * dates, or the first point (for launch-based indexes, the caller passes the points from launch on).
 */
export function indexTo(points: readonly Point[], isBase: (point: Point) => boolean, baseLabel: string): Transformed {
  const base = points.find(isBase);
  if (!base || base.value === 0) return { points: [], notes: [{ code: "no_base", base: baseLabel }] };
  return { points: points.map((point) => ratioPoint(point, point, base, (point.value / base.value) * 100)), notes: [] };
}

/** Per km² of the zone's planned area as of each period's end (an area can grow with an expansion). */
export function perSquareKilometre(points: readonly Point[], areaAt: (date: IsoDate) => number | undefined): Transformed {
  const out: Point[] = [];
  for (const point of points) {
    const area = areaAt(point.end);
    if (area && area > 0) out.push({ ...point, value: point.value / area });
  }
  return { points: out, notes: out.length < points.length ? [{ code: "no_area" }] : [] };
}

/** Share of the parent zone's value for the same period, in %. */
export function shareOfParent(points: readonly Point[], parent: readonly Point[]): Transformed {
  const byPeriod = new Map(parent.map((p) => [`${p.start}|${p.end}`, p]));
  const out: Point[] = [];
  let missing = 0;
  for (const point of points) {
    const whole = byPeriod.get(`${point.start}|${point.end}`);
    if (!whole || whole.value <= 0) {
      missing += 1;
      continue;
    }
    out.push(ratioPoint(point, point, whole, (point.value / whole.value) * 100));
  }
  return { points: out, notes: missing ? [{ code: "no_parent_value", count: missing }] : [] };
}

/**
 * The planned area of a zone on a date: the latest published area (a level) on or before it, plus any
 * area added by expansions after that and on or before the date; else the zone's recorded area.
 */
export function areaHistory(
  levels: readonly { date: IsoDate; km2: number }[],
  additions: readonly { date: IsoDate; km2: number }[],
  fallback: number | null,
): (date: IsoDate) => number | undefined {
  const sortedLevels = [...levels].sort((a, b) => (a.date < b.date ? -1 : 1));
  return (date) => {
    const level = [...sortedLevels].reverse().find((l) => l.date <= date);
    if (!level) return fallback ?? undefined;
    const added = additions.filter((a) => a.date > level.date && a.date <= date).reduce((sum, a) => sum + a.km2, 0);
    return level.km2 + added;
  };
}
