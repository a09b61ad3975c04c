// A comparison: one indicator, several zones, one request (basis, frequency, transformation, range).
// Builds each zone's series and decides what is wrong with the request as a whole. Pure.
import { buildSeries, type BuiltSeries, type OutputUnit, type SeriesRequest } from "./build-series.ts";
import type { IsoDate } from "./dates.ts";
import type { SeriesError, SeriesObservation } from "./series.ts";
import type { Indicator } from "./catalog.ts";
import { areaHistory } from "./transforms.ts";
import { BASES, type Basis, type ZoneKind } from "./vocabulary.ts";

/** The indicator a comparison is of: everything but the names figures are found under. */
export type CompareIndicator = Omit<Indicator, "aliases">;

export type CompareZone = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  kind: ZoneKind;
  parentCode: string | null;
  launch: IsoDate | null;
  areaKm2: number | null;
  areaLevels: { date: IsoDate; km2: number }[];
  areaAdditions: { date: IsoDate; km2: number }[];
  observations: SeriesObservation[];
  parentObservations: SeriesObservation[];
};

export type CompareSource = { id: number; title: string; url: string | null; publishedOn: IsoDate | null };
export type CompareEvent = {
  zone: string;
  date: IsoDate;
  precision: "year" | "month" | "day";
  kind: string;
  titleEn: string;
  titleZh: string | null;
  sourceId: number | null;
};
export type CompareData = { indicator: CompareIndicator; zones: CompareZone[]; sources: CompareSource[]; events: CompareEvent[] };

export type ZoneSeries = {
  zone: Omit<CompareZone, "observations" | "parentObservations" | "areaLevels" | "areaAdditions">;
  series: BuiltSeries;
};

/** A request the data cannot answer as asked, with what to change; the API answers it with 400. */
export type CompareProblem = { error: SeriesError; zone?: string };

/** The basis a comparison is drawn on, whether it was chosen for the reader, and the points each basis gives. */
export type BasisChoice = { basis: Basis; auto: boolean; points: Partial<Record<Basis, number>> };

export type Comparison = { unit: OutputUnit; series: ZoneSeries[]; basis: BasisChoice } | { problem: CompareProblem };

type Built = { unit: OutputUnit; series: ZoneSeries[]; points: number; zones: number } | { problem: CompareProblem };

/** Every zone's series on one basis. */
function onBasis(data: CompareData, request: SeriesRequest & { basis: Basis }): Built {
  const series: ZoneSeries[] = [];
  let unit: OutputUnit = data.indicator.unit;
  for (const zone of data.zones) {
    const result = buildSeries(
      {
        kind: data.indicator.kind,
        unit: data.indicator.unit,
        observations: zone.observations,
        launch: zone.launch,
        areaAt: areaHistory(zone.areaLevels, zone.areaAdditions, zone.areaKm2),
        ...(zone.parentCode ? { parent: zone.parentObservations } : {}),
      },
      request,
    );
    if (!result.ok) {
      if (result.error.code === "no_data") {
        series.push({ zone: strip(zone), series: { basis: request.basis, freq: request.freq ?? null, unit, points: [], notes: [] } });
        continue;
      }
      return { problem: { error: result.error, zone: zone.code } };
    }
    unit = result.series.unit;
    series.push({ zone: strip(zone), series: result.series });
  }
  const published = (s: ZoneSeries) => s.series.points.filter((p) => !p.impliedBy).length;
  return {
    unit,
    series,
    points: series.reduce((sum, s) => sum + published(s), 0),
    zones: series.filter((s) => published(s) > 0).length,
  };
}

/**
 * One indicator for several zones. An explicit basis means exactly that basis; without one, the basis
 * that gives the most points for these zones (then the one that covers more of them, then the order of
 * BASES) — running totals counted as the single periods they give at the chosen frequency. The answer
 * says which basis it drew and how many points each of the others would give.
 */
export function compare(data: CompareData, request: SeriesRequest): Comparison {
  const present = BASES.filter((b) => data.zones.some((z) => z.observations.some((o) => o.basis === b)));
  const candidates: Basis[] = request.basis ? [...new Set([request.basis, ...present])] : present.length ? present : ["period"];
  const built = new Map(candidates.map((basis) => [basis, onBasis(data, { ...request, basis })]));
  const points: Partial<Record<Basis, number>> = {};
  for (const [basis, result] of built) if (!("problem" in result)) points[basis] = result.points;
  let chosen: Basis | undefined = request.basis;
  if (!chosen) {
    let best: { basis: Basis; points: number; zones: number } | undefined;
    for (const [basis, result] of built) {
      if ("problem" in result) continue;
      if (!best || result.points > best.points || (result.points === best.points && result.zones > best.zones))
        best = { basis, points: result.points, zones: result.zones };
    }
    chosen = best?.basis ?? candidates[0] ?? "period";
  }
  const result = built.get(chosen) ?? onBasis(data, { ...request, basis: chosen });
  if ("problem" in result) return result;
  return { unit: result.unit, series: result.series, basis: { basis: chosen, auto: !request.basis, points } };
}

function strip(zone: CompareZone): ZoneSeries["zone"] {
  const { observations: _o, parentObservations: _p, areaLevels: _l, areaAdditions: _a, ...rest } = zone;
  return rest;
}

/**
 * The indicator a comparison of these zones shows first: among those comparable across zones, the one
 * whose figures on one basis are most evenly shared by all the zones (the most figures for the zone
 * with the fewest); its basis is then chosen as `compare` does.
 */
export function pickDefault(
  counts: readonly { zone: string; indicator: string; basis: Basis; n: number }[],
  zones: readonly string[],
  notComparable: ReadonlySet<string> = new Set(),
): { indicator: string; basis: Basis } | undefined {
  const totals = new Map<string, Map<string, number>>();
  for (const row of counts) {
    if (!zones.includes(row.zone) || notComparable.has(row.indicator)) continue;
    const key = `${row.indicator}|${row.basis}`;
    const perZone = totals.get(key) ?? new Map<string, number>();
    perZone.set(row.zone, (perZone.get(row.zone) ?? 0) + row.n);
    totals.set(key, perZone);
  }
  let best: { key: string; min: number; sum: number } | undefined;
  for (const [key, perZone] of totals) {
    const min = Math.min(...zones.map((z) => perZone.get(z) ?? 0));
    const sum = [...perZone.values()].reduce((a, b) => a + b, 0);
    if (!best || min > best.min || (min === best.min && sum > best.sum) || (min === best.min && sum === best.sum && key < best.key))
      best = { key, min, sum };
  }
  if (!best) return undefined;
  const [indicator, basis] = best.key.split("|") as [string, Basis];
  return { indicator, basis };
}
