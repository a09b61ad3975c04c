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
  const { publishedYoy: _published, ...rest } = point;
  return {
    ...rest,
    value,
    qualifier: combineQualifiers([
      { qualifier: numerator.qualifier, effect: 1 },
      { qualifier: denominator.qualifier, effect: -1 },
    ]),
    status: combineStatuses([numerator.status, denominator.status]),
    sources: [...new Set([...denominator.sources, ...numerator.sources])],
  };
}

/** Published and computed rates further apart than this (in percentage points) are both shown, with why. */
export const RATE_GAP_PP = 0.5;

/**
 * Change against the same period a year earlier: in % for amounts and counts, in percentage points
 * for rates (`percentagePoints = true`). A rate published with the figure wins over one computed from
 * two levels (published rates are on a comparable basis, 按可比口径); where both exist, the point keeps
 * the other too. Periods with neither are left out, counted in a note.
 */
export function yearOnYear(points: readonly Point[], percentagePoints: boolean): Transformed {
  const byPeriod = new Map(points.map((p) => [`${p.start}|${p.end}`, p]));
  const out: Point[] = [];
  let missing = 0;
  for (const point of points) {
    if (point.impliedBy) continue;
    const prior = byPeriod.get(`${shiftYear(point.start, -1)}|${shiftYear(point.end, -1)}`);
    const computable = prior && !prior.impliedBy && (percentagePoints || prior.value > 0);
    // A published rate is a change in percent: for a rate indicator the change is in points, not comparable.
    const published = percentagePoints ? undefined : point.publishedYoy;
    if (published !== undefined) {
      const computed = computable ? (point.value / prior.value - 1) * 100 : undefined;
      const { publishedYoy: _p, ...rest } = point;
      // The rate as published: exact whatever the level's qualifier.
      out.push({
        ...rest,
        value: published,
        qualifier: "exact",
        rate: { origin: "published", ...(computed !== undefined ? { computed } : {}) },
      });
      continue;
    }
    if (!computable) {
      missing += 1;
      continue;
    }
    const value = percentagePoints ? point.value - prior.value : (point.value / prior.value - 1) * 100;
    out.push({ ...ratioPoint(point, point, prior, value), rate: { origin: "computed" } });
  }
  return { points: out, notes: missing ? [{ code: "no_prior_period", count: missing }] : [] };
}

/** Whether a point's published and computed rates differ enough to show both. */
export function ratesDiffer(point: Pick<Point, "value" | "rate">): boolean {
  return (
    point.rate?.origin === "published" && point.rate.computed !== undefined && Math.abs(point.value - point.rate.computed) > RATE_GAP_PP
  );
}

/** What a level implies a year earlier from a rate: approximate when exact (the rate is rounded), bounds kept. */
function impliedQualifier(qualifier: Point["qualifier"]): Point["qualifier"] {
  return qualifier === "exact" ? "approx" : qualifier;
}

/** How many significant digits a published value has: 3,422 → 4, 292.2 billion → 4, 5,406.4 亿 → 5. */
export function significantDigits(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 1;
  for (let p = 1; p < 16; p += 1) if (Number(value.toPrecision(p)) === value) return p;
  return 15;
}

/**
 * The levels a year earlier that published rates imply (value ÷ (1 + rate)), for the periods that have
 * no figure of their own. Never stored; each names the rate and the figure it came from.
 */
export function impliedPriorLevels(points: readonly Point[]): Point[] {
  const have = new Set(points.map((p) => `${p.start}|${p.end}`));
  const implied: Point[] = [];
  for (const point of points) {
    if (point.publishedYoy === undefined || point.publishedYoy <= -100) continue;
    const start = shiftYear(point.start, -1);
    const end = shiftYear(point.end, -1);
    const key = `${start}|${end}`;
    if (have.has(key)) continue;
    have.add(key);
    implied.push({
      start,
      end,
      // No more precision than the figure it comes from (3,422 at +1.8% → about 3,361, not 3,361.4931).
      value: Number((point.value / (1 + point.publishedYoy / 100)).toPrecision(Math.max(2, significantDigits(point.value)))),
      qualifier: impliedQualifier(point.qualifier),
      status: point.status,
      sources: point.sources,
      derivation: "implied",
      impliedBy: { rate: point.publishedYoy, end: point.end },
    });
  }
  return [...points, ...implied].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : 1));
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
