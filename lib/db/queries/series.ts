// What a comparison chart needs from the database: the indicator, each zone with its launch, area
// history and parent, their figures of that indicator (and the parents' for shares), the sources
// and the zones' events.
import { compare, type CompareData, type Comparison } from "../../domain/compare.ts";
import { unknownCodeError } from "../../errors.ts";
import type { SeriesParams } from "../../validation/series.ts";
import type { SeriesObservation } from "../../domain/series.ts";
import type { PrismaClient } from "../generated/client.ts";
import type { Basis, Qualifier, Status } from "../../domain/vocabulary.ts";
import { toIsoDate } from "../../domain/dates.ts";

/** The indicators that give a zone's planned area and what expansions added to it. */
export const AREA_INDICATOR = "area_size";
export const AREA_ADDED_INDICATOR = "area_added";

export type { CompareData as SeriesData } from "../../domain/compare.ts";

/** A figure as the series queries select it (o.zone_id, s, e, basis, value, qualifier, status, source_id, yoy_pct). */
export type ObsRow = {
  zone_id: number;
  indicator: string;
  s: string;
  e: string;
  basis: Basis;
  value: number;
  qualifier: Qualifier;
  status: Status;
  source_id: number;
  yoy_pct: number | null;
};

export const toObservation = (r: Omit<ObsRow, "zone_id" | "indicator">): SeriesObservation => ({
  start: r.s,
  end: r.e,
  basis: r.basis,
  value: r.value,
  qualifier: r.qualifier,
  status: r.status,
  sourceId: r.source_id,
  yoyPct: r.yoy_pct,
});

/** Loads everything for one indicator and the given zones (in the order given). Undefined when the indicator or a zone is unknown. */
export async function getSeriesData(
  prisma: PrismaClient,
  indicatorCode: string,
  zoneCodes: readonly string[],
): Promise<CompareData | { missing: { indicator?: string; zones: string[] } }> {
  // Two round trips: the indicator (with the area indicators) and the zones, then the figures, their
  // sources and the zones' events together.
  const [indicators, zones] = await Promise.all([
    prisma.indicator.findMany({ where: { code: { in: [indicatorCode, AREA_INDICATOR, AREA_ADDED_INDICATOR] } } }),
    prisma.zone.findMany({ where: { code: { in: [...zoneCodes] } }, include: { parent: { select: { code: true, id: true } } } }),
  ]);
  const indicator = indicators.find((i) => i.code === indicatorCode);
  const missingZones = zoneCodes.filter((code) => !zones.some((z) => z.code === code));
  if (!indicator || missingZones.length) return { missing: { ...(indicator ? {} : { indicator: indicatorCode }), zones: missingZones } };

  const zoneIds = zones.map((z) => z.id);
  const withParents = [...new Set([...zoneIds, ...zones.map((z) => z.parentId).filter((id): id is number => id !== null)])];
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const [found, sources, events] = await Promise.all([
    // The indicator's figures of the zones and their parents (for shares), and the zones' areas; the
    // parents' area rows come along and are not used.
    prisma.$queryRawUnsafe<(Omit<ObsRow, "indicator"> & { indicator_id: number })[]>(
      `SELECT o.zone_id, o.indicator_id, to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e,
              o.basis::text AS basis, o.value, o.qualifier::text AS qualifier, o.status::text AS status, o.source_id, o.yoy_pct
         FROM observations o
        WHERE o.indicator_id = ANY($1::int[]) AND o.zone_id = ANY($2::int[])
        ORDER BY o.period_end, o.period_start`,
      indicators.map((i) => i.id),
      withParents,
    ),
    prisma.$queryRawUnsafe<{ id: number; title: string; url: string | null; published_on: string | null }[]>(
      `SELECT s.id, s.title, s.url, to_char(s.published_on, 'YYYY-MM-DD') AS published_on FROM sources s
        WHERE s.id IN (SELECT o.source_id FROM observations o WHERE o.indicator_id = $1 AND o.zone_id = ANY($2::int[]))
        ORDER BY s.id`,
      indicator.id,
      withParents,
    ),
    prisma.event.findMany({
      where: { zoneId: { in: zoneIds } },
      include: { zone: { select: { code: true } } },
      orderBy: { occurredOn: "asc" },
    }),
  ]);
  const rows: ObsRow[] = found.map(({ indicator_id, ...r }) => ({ ...r, indicator: codeOf.get(indicator_id) ?? "" }));
  const byCode = new Map(zones.map((z) => [z.code, z]));
  return {
    indicator: {
      code: indicator.code,
      nameEn: indicator.nameEn,
      nameZh: indicator.nameZh,
      unit: indicator.unit,
      kind: indicator.kind,
      category: indicator.category,
      description: indicator.description,
      comparable: indicator.comparable,
    },
    zones: zoneCodes.map((code) => {
      const zone = byCode.get(code)!;
      const of = (zoneId: number | null, indicatorCode: string) =>
        rows.filter((r) => r.zone_id === zoneId && r.indicator === indicatorCode);
      return {
        code: zone.code,
        nameEn: zone.nameEn,
        nameZh: zone.nameZh,
        kind: zone.kind,
        parentCode: zone.parent?.code ?? null,
        launch: toIsoDate(zone.establishedOn),
        areaKm2: zone.areaKm2,
        areaLevels: of(zone.id, AREA_INDICATOR).map((r) => ({ date: r.e, km2: r.value })),
        areaAdditions: of(zone.id, AREA_ADDED_INDICATOR).map((r) => ({ date: r.e, km2: r.value })),
        observations: of(zone.id, indicatorCode).map(toObservation),
        parentObservations: zone.parentId === null ? [] : of(zone.parentId, indicatorCode).map(toObservation),
      };
    }),
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url, publishedOn: s.published_on })),
    events: events.map((e) => ({
      zone: e.zone.code,
      date: toIsoDate(e.occurredOn),
      precision: e.datePrecision,
      kind: e.kind,
      titleEn: e.titleEn,
      titleZh: e.titleZh,
      sourceId: e.sourceId,
    })),
  };
}

/** Loads and builds a comparison; unknown codes are a 400 naming the parameter. */
export async function loadComparison(prisma: PrismaClient, params: SeriesParams): Promise<{ data: CompareData; comparison: Comparison }> {
  const data = await getSeriesData(prisma, params.indicator, params.zones);
  if ("missing" in data) {
    if (data.missing.indicator) {
      const codes = (await prisma.indicator.findMany({ select: { code: true } })).map((i) => i.code);
      throw unknownCodeError("indicator", "indicator", data.missing.indicator, codes);
    }
    const codes = (await prisma.zone.findMany({ select: { code: true } })).map((z) => z.code);
    const first = data.missing.zones[0] ?? "";
    throw unknownCodeError("zones", "zone", first, codes);
  }
  const { indicator: _i, zones: _z, ...request } = params;
  return { data, comparison: compare(data, request) };
}

/** The sentences the figures of a comparison were read from, by source: for the Sources sheet of exports. */
export async function sourceQuotes(
  prisma: PrismaClient,
  indicatorCode: string,
  zoneCodes: readonly string[],
): Promise<Map<number, string[]>> {
  const rows = await prisma.$queryRawUnsafe<{ source_id: number; quotes: (string | null)[] }[]>(
    `SELECT o.source_id, array_agg(DISTINCT o.quote) AS quotes
       FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN zones z ON z.id = o.zone_id
      WHERE i.code = $1 AND z.code = ANY($2::text[])
      GROUP BY o.source_id`,
    indicatorCode,
    [...zoneCodes],
  );
  return new Map(rows.map((r) => [r.source_id, r.quotes.filter((q): q is string => Boolean(q))]));
}
