// A comparison: one indicator, several zones, one request (basis, frequency, transformation, range).
// Builds each zone's series and decides what is wrong with the request as a whole. Pure.
import { buildSeries, type BuiltSeries, type OutputUnit, type SeriesRequest } from "./build-series.ts";
import type { IsoDate } from "./dates.ts";
import type { SeriesError, SeriesObservation } from "./series.ts";
import { areaHistory } from "./transforms.ts";
import { BASES, type BaseUnit, type Basis, type IndicatorKind, type ZoneKind } from "./vocabulary.ts";

export type CompareIndicator = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  unit: BaseUnit;
  kind: IndicatorKind;
  category: string | null;
  description: string | null;
};

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

export type Comparison = { unit: OutputUnit; series: ZoneSeries[] } | { problem: CompareProblem };

/** The basis to show when none is chosen: the one most of the zones' figures are on (period first on a tie). */
export function suggestBasis(zones: readonly { observations: readonly { basis: Basis }[] }[]): Basis | undefined {
  const counts = new Map<Basis, number>();
  for (const zone of zones) for (const o of zone.observations) counts.set(o.basis, (counts.get(o.basis) ?? 0) + 1);
  let best: Basis | undefined;
  for (const basis of BASES) if ((counts.get(basis) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = basis;
  return best;
}

export function compare(data: CompareData, request: SeriesRequest): Comparison {
  const series: ZoneSeries[] = [];
  let unit: OutputUnit = data.indicator.unit;
  for (const zone of data.zones) {
    if (!request.basis && zone.observations.length === 0) {
      series.push({ zone: strip(zone), series: { basis: "period", freq: null, unit, points: [], notes: [] } });
      continue;
    }
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
        series.push({
          zone: strip(zone),
          series: { basis: request.basis ?? "period", freq: request.freq ?? null, unit, points: [], notes: [] },
        });
        continue;
      }
      return { problem: { error: result.error, zone: zone.code } };
    }
    unit = result.series.unit;
    series.push({ zone: strip(zone), series: result.series });
  }
  return { unit, series };
}

function strip(zone: CompareZone): ZoneSeries["zone"] {
  const { observations: _o, parentObservations: _p, areaLevels: _l, areaAdditions: _a, ...rest } = zone;
  return rest;
}

/**
 * The indicator and basis a comparison of these zones shows first: the one whose figures on one basis
 * are most evenly shared by all the zones (the most figures for the zone with the fewest).
 */
export function pickDefault(
  counts: readonly { zone: string; indicator: string; basis: Basis; n: number }[],
  zones: readonly string[],
): { indicator: string; basis: Basis } | undefined {
  const totals = new Map<string, Map<string, number>>();
  for (const row of counts) {
    if (!zones.includes(row.zone)) continue;
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
