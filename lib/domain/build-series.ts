// One zone's series for one indicator, from its published figures to the points a chart draws:
// basis → single periods (when a frequency is asked of running totals) → frequency → transformation
// → date range. Pure; errors and notes are values that say why.
import { daysBetween, type IsoDate } from "./dates.ts";
import { parsePeriod } from "./periods.ts";
import {
  asPoint,
  deriveFromRunningTotals,
  dominantFrequency,
  selectBasis,
  toFrequency,
  type Frequency,
  type Point,
  type SeriesError,
  type SeriesNote,
  type SeriesObservation,
} from "./series.ts";
import {
  impliedPriorLevels,
  indexTo,
  periodOnPeriod,
  perSquareKilometre,
  shareOfParent,
  yearOnYear,
  type Transform,
} from "./transforms.ts";
import type { BaseUnit, Basis, IndicatorKind } from "./vocabulary.ts";

export type SeriesRequest = {
  basis?: Basis;
  freq?: Frequency;
  transform: Transform;
  /** For `index`: a period label (2021, 2021-Q1, 2021-01/2021-07 …), `launch` (first figure after the zone's launch) or `first`. */
  base?: string;
  from?: IsoDate;
  to?: IsoDate;
};

export type SeriesInput = {
  kind: IndicatorKind;
  unit: BaseUnit;
  observations: readonly SeriesObservation[];
  launch: IsoDate | null;
  areaAt?: (date: IsoDate) => number | undefined;
  /** The parent zone's figures of the same indicator, for `share`. */
  parent?: readonly SeriesObservation[];
};

/** What the values are measured in after the transformation. */
export type OutputUnit = BaseUnit | "pp" | "index" | "per_km2";

export type SeriesPoint = Point & { monthsSinceLaunch: number | null };

export type BuiltSeries = { basis: Basis; freq: Frequency | null; unit: OutputUnit; points: SeriesPoint[]; notes: SeriesNote[] };

export type BuildResult = { ok: true; series: BuiltSeries } | { ok: false; error: SeriesError };

/** The points of one basis at one frequency, before any transformation. */
function levels(
  observations: readonly SeriesObservation[],
  basis: Basis,
  kind: IndicatorKind,
  requestedFreq: Frequency | undefined,
): { points: Point[]; freq: Frequency | null; notes: SeriesNote[] } {
  const published: Point[] = observations.map(asPoint);
  if (basis === "ytd" || basis === "cumulative") {
    if (!requestedFreq) return { points: published, freq: null, notes: [] };
    const derived = deriveFromRunningTotals(observations, basis, requestedFreq);
    return { ...derived, freq: requestedFreq };
  }
  const freq = requestedFreq ?? (basis === "period" ? dominantFrequency(published) : undefined);
  if (!freq) return { points: published, freq: null, notes: [] };
  const converted = toFrequency(published, freq, kind, basis === "point");
  return { ...converted, freq };
}

function outputUnit(unit: BaseUnit, transform: Transform): OutputUnit {
  switch (transform) {
    case "level":
      return unit;
    case "yoy":
    case "pop":
      return unit === "percent" ? "pp" : "percent";
    case "index":
      return "index";
    case "per_km2":
      return "per_km2";
    case "share":
      return "percent";
  }
}

function baseMatcher(
  base: string | undefined,
  launch: IsoDate | null,
): { label: string; isBase: (points: Point[]) => (point: Point) => boolean } {
  if (base === "launch" && launch) {
    return { label: "launch", isBase: (points) => (point) => point === points.find((p) => p.end >= launch) };
  }
  if (base && base !== "first" && base !== "launch") {
    const parsed = parsePeriod(base);
    if (parsed.ok) return { label: base, isBase: () => (point) => point.start === parsed.period.start && point.end === parsed.period.end };
    return { label: base, isBase: () => () => false };
  }
  return { label: "first", isBase: (points) => (point) => point === points[0] };
}

export function monthsSince(launch: IsoDate | null, date: IsoDate): number | null {
  return launch ? Math.round((daysBetween(launch, date) / 30.4375) * 10) / 10 : null;
}

export function buildSeries(input: SeriesInput, request: SeriesRequest): BuildResult {
  const selected = selectBasis(input.observations, request.basis);
  if (!selected.ok) return selected;
  const { basis } = selected;
  const isRate = input.kind === "rate" || input.unit === "percent";
  if (isRate && (request.transform === "per_km2" || request.transform === "share" || request.transform === "index")) {
    return { ok: false, error: { code: "rate_not_scalable", transform: request.transform } };
  }
  if (request.transform === "pop" && (basis === "ytd" || basis === "cumulative") && !request.freq) {
    return { ok: false, error: { code: "pop_running_total", basis } };
  }
  if (request.transform === "share" && !input.parent) return { ok: false, error: { code: "share_without_parent" } };

  const base = levels(selected.observations, basis, input.kind, request.freq);
  const notes: SeriesNote[] = [...base.notes];
  let points = base.points;
  switch (request.transform) {
    case "level":
      points = impliedPriorLevels(points);
      break;
    case "yoy": {
      const result = yearOnYear(points, isRate);
      points = result.points;
      notes.push(...result.notes);
      break;
    }
    case "pop": {
      const result = periodOnPeriod(points, isRate);
      points = result.points;
      notes.push(...result.notes);
      break;
    }
    case "index": {
      const matcher = baseMatcher(request.base, input.launch);
      const result = indexTo(points, matcher.isBase(points), matcher.label);
      points = result.points;
      notes.push(...result.notes);
      break;
    }
    case "per_km2": {
      const result = perSquareKilometre(points, input.areaAt ?? (() => undefined));
      points = result.points;
      notes.push(...result.notes);
      break;
    }
    case "share": {
      const parentSelected = selectBasis(input.parent ?? [], basis);
      const parentLevels = parentSelected.ok ? levels(parentSelected.observations, basis, input.kind, base.freq ?? undefined).points : [];
      const result = shareOfParent(points, parentLevels);
      points = result.points;
      notes.push(...result.notes);
      break;
    }
  }
  const inRange = points.filter((p) => (!request.from || p.end >= request.from) && (!request.to || p.end <= request.to));
  return {
    ok: true,
    series: {
      basis,
      freq: base.freq,
      unit: outputUnit(input.unit, request.transform),
      points: inRange.map((p) => ({ ...p, monthsSinceLaunch: monthsSince(input.launch, p.end) })),
      notes,
    },
  };
}
