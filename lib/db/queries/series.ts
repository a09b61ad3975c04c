// What a comparison chart needs from the database: the indicator, each zone with its launch, area
// history and parent, their figures of that indicator (and the parents' for shares), the sources
// and the zones' events.
import { compare, type CompareData, type CompareIndicator, type CompareSource, type Comparison } from "../../domain/compare.ts";
import { unknownCodeError } from "../../errors.ts";
import type { SeriesParams } from "../../validation/series.ts";
import type { SeriesObservation } from "../../domain/series.ts";
import type { PrismaClient } from "../generated/client.ts";
import { toIsoDate } from "../../domain/dates.ts";
import { z } from "zod";
import { basis, int, isoDate, num, qualifier, status, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";

/** The indicators that give a zone's planned area and what expansions added to it. */
export const AREA_INDICATOR = "area_size";
export const AREA_ADDED_INDICATOR = "area_added";

export type { CompareData as SeriesData } from "../../domain/compare.ts";

/** A figure as the series queries select it: OBS_COLUMNS, with the indicator's id. */
export const ObsRowSchema = z.object({
  zone_id: int,
  indicator_id: int,
  s: isoDate,
  e: isoDate,
  basis,
  value: num,
  qualifier,
  status,
  source_id: int,
  yoy_pct: num.nullable(),
});
export type ObsRow = z.infer<typeof ObsRowSchema>;

/** The columns of ObsRow, from observations `o`. */
export const OBS_COLUMNS = `o.zone_id, o.indicator_id, to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e,
       o.basis::text AS basis, o.value, o.qualifier::text AS qualifier, o.status::text AS status, o.source_id, o.yoy_pct`;

/** A source as comparisons cite it: `id, title, url, to_char(published_on, 'YYYY-MM-DD') AS "publishedOn"`. */
export const SourceRow = z.object({
  id: int,
  title: text,
  url: text.nullable(),
  publishedOn: isoDate.nullable(),
}) satisfies z.ZodType<CompareSource>;

/** The indicator as a comparison carries it (from Prisma's model, which has more). */
export function compareIndicator(indicator: CompareIndicator): CompareIndicator {
  const { code, nameEn, nameZh, unit, kind, category, description, comparable } = indicator;
  return { code, nameEn, nameZh, unit, kind, category, description, comparable };
}

export const toObservation = (r: Omit<ObsRow, "zone_id" | "indicator_id">): SeriesObservation => ({
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
    rawQuery(
      prisma,
      "series.figures",
      `SELECT ${OBS_COLUMNS}
         FROM observations o
        WHERE o.indicator_id = ANY({{indicators}}::int[]) AND o.zone_id = ANY({{zones}}::int[])
        ORDER BY o.period_end, o.period_start`,
      ObsRowSchema,
      { indicators: indicators.map((i) => i.id), zones: withParents },
    ),
    rawQuery(
      prisma,
      "series.sources",
      `SELECT s.id, s.title, s.url, to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn" FROM sources s
        WHERE s.id IN (SELECT o.source_id FROM observations o WHERE o.indicator_id = {{indicator}} AND o.zone_id = ANY({{zones}}::int[]))
        ORDER BY s.id`,
      SourceRow,
      { indicator: indicator.id, zones: withParents },
    ),
    prisma.event.findMany({
      where: { zoneId: { in: zoneIds } },
      include: { zone: { select: { code: true } } },
      orderBy: { occurredOn: "asc" },
    }),
  ]);
  const rows = found.map((r) => ({ ...r, indicator: codeOf.get(r.indicator_id) ?? "" }));
  const byCode = new Map(zones.map((z) => [z.code, z]));
  return {
    indicator: compareIndicator(indicator),
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
    sources,
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
  const rows = await rawQuery(
    prisma,
    "series.quotes",
    `SELECT o.source_id, array_agg(DISTINCT o.quote) AS quotes
       FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN zones z ON z.id = o.zone_id
      WHERE i.code = {{indicator}} AND z.code = ANY({{zones}}::text[])
      GROUP BY o.source_id`,
    z.object({ source_id: int, quotes: z.array(text.nullable()) }),
    { indicator: indicatorCode, zones: [...zoneCodes] },
  );
  return new Map(rows.map((r) => [r.source_id, r.quotes.filter((q): q is string => Boolean(q))]));
}
