// The overview's key figures: for every zone and indicator, the latest figure with its source, and the
// comparable figures before it (same basis, same kind of period) for the change on a year earlier and
// the sparkline. Two queries, whatever the number of figures.
import type { SourceRef } from "../../domain/figures.ts";
import type { KpiPoint, OverviewFigure } from "../../domain/kpi.ts";
import type { PairInput } from "../../domain/pair.ts";
import type { SeriesObservation } from "../../domain/series.ts";
import { OBS_COLUMNS, ObsRowSchema, SourceRow, toObservation } from "./series.ts";
import type { PrismaClient } from "../generated/client.ts";
import { cachedByDataVersion } from "./version.ts";
import { z } from "zod";
import { baseUnit, indicatorKind, int, isoDate, num, qualifier, sourcedFigure, status, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";

export type { OverviewFigure };

// Figures are comparable when they have the same basis and the same kind of period: the same length
// for single periods, the same end of year for year-to-date totals, the same start for cumulative ones.
const CLASS = `CASE o.basis
  WHEN 'period' THEN o.granularity::text || CASE WHEN o.granularity IN ('interval', 'day') THEN ':' || (o.period_end - o.period_start) ELSE '' END
  WHEN 'ytd' THEN to_char(o.period_end, 'MM-DD')
  WHEN 'cumulative' THEN o.period_start::text
  ELSE 'point' END`;

const LatestRow = z.object({
  zone_id: int,
  indicator_id: int,
  zone: text,
  indicator: text,
  name_en: text,
  name_zh: text.nullable(),
  unit: baseUnit,
  kind: indicatorKind,
  ...sourcedFigure,
  class: text,
  yoy_pct: num.nullable(),
});

const HistoryRow = z.object({ zone_id: int, indicator_id: int, s: isoDate, e: isoDate, value: num, qualifier, status });

async function getOverviewFiguresUncached(prisma: PrismaClient): Promise<OverviewFigure[]> {
  const latest = await rawQuery(
    prisma,
    "overview.latest",
    `SELECT DISTINCT ON (o.zone_id, o.indicator_id)
           o.zone_id, o.indicator_id, z.code AS zone, i.code AS indicator, i.name_en, i.name_zh, i.unit::text AS unit, i.kind::text AS kind,
           o.basis::text AS basis, o.granularity::text AS granularity, ${CLASS} AS class,
           to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e, o.value,
           o.qualifier::text AS qualifier, o.status::text AS status, src.title, src.url,
           to_char(src.published_on, 'YYYY-MM-DD') AS published_on, o.quote, o.yoy_pct
      FROM observations o
      JOIN zones z ON z.id = o.zone_id
      JOIN indicators i ON i.id = o.indicator_id
      JOIN sources src ON src.id = o.source_id
     ORDER BY o.zone_id, o.indicator_id, o.period_end DESC,
              array_position(ARRAY['period', 'ytd', 'cumulative', 'point']::text[], o.basis::text), o.period_start DESC`,
    LatestRow,
  );
  if (latest.length === 0) return [];
  const history = await rawQuery(
    prisma,
    "overview.history",
    `WITH wanted AS (
       SELECT * FROM unnest({{zones}}::int[], {{indicators}}::int[], {{bases}}::text[], {{classes}}::text[]) AS w(zone_id, indicator_id, basis, class)
     ), ranked AS (
       SELECT o.zone_id, o.indicator_id, o.period_start, o.period_end, o.value, o.qualifier, o.status,
              row_number() OVER (PARTITION BY o.zone_id, o.indicator_id ORDER BY o.period_end DESC) AS rn
         FROM observations o
         JOIN wanted w ON w.zone_id = o.zone_id AND w.indicator_id = o.indicator_id AND w.basis = o.basis::text AND w.class = ${CLASS}
     )
     SELECT zone_id, indicator_id, to_char(period_start, 'YYYY-MM-DD') AS s, to_char(period_end, 'YYYY-MM-DD') AS e, value,
            qualifier::text AS qualifier, status::text AS status
       FROM ranked WHERE rn <= 25 ORDER BY period_end`,
    HistoryRow,
    {
      zones: latest.map((r) => r.zone_id),
      indicators: latest.map((r) => r.indicator_id),
      bases: latest.map((r) => r.basis),
      classes: latest.map((r) => r.class),
    },
  );
  const byKey = new Map<string, KpiPoint[]>();
  for (const h of history) {
    const key = `${h.zone_id}|${h.indicator_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { start: h.s, end: h.e, value: h.value, qualifier: h.qualifier, status: h.status }]);
  }
  return latest.map((r) => ({
    zone: r.zone,
    indicator: { code: r.indicator, nameEn: r.name_en, nameZh: r.name_zh, unit: r.unit, kind: r.kind },
    basis: r.basis,
    granularity: r.granularity,
    latest: { start: r.s, end: r.e, value: r.value, qualifier: r.qualifier, status: r.status, yoyPct: r.yoy_pct },
    source: { title: r.title, url: r.url, publishedOn: r.published_on },
    quote: r.quote,
    history: byKey.get(`${r.zone_id}|${r.indicator_id}`) ?? [],
  }));
}

/** The overview's latest figures (recomputed after each data change). */
export async function getOverviewFigures(prisma: PrismaClient) {
  return cachedByDataVersion(prisma, "overview", () => getOverviewFiguresUncached(prisma));
}

/** How many figures and sources the database holds (recomputed after each data change). */
export async function getTotals(prisma: PrismaClient): Promise<{ figures: number; sources: number }> {
  return cachedByDataVersion(prisma, "totals", async () => {
    const [figures, sources] = await Promise.all([prisma.observation.count(), prisma.source.count()]);
    return { figures, sources };
  });
}

export type PairData = { inputs: PairInput[]; sources: Map<number, SourceRef> };

const PairObsRow = ObsRowSchema.extend({
  zone: text,
  code: text,
  name_en: text,
  name_zh: text.nullable(),
  unit: baseUnit,
  comparable: z.boolean(),
});

/** Every figure of the given zones, by indicator (for the like-for-like pair), with the sources they cite. */
export async function getPairData(prisma: PrismaClient, zoneCodes: readonly string[]): Promise<PairData> {
  return cachedByDataVersion(prisma, `pair:${zoneCodes.join(",")}`, async () => {
    const rows = await rawQuery(
      prisma,
      "overview.pair",
      `SELECT z.code AS zone, i.code, i.name_en, i.name_zh, i.unit::text AS unit, i.comparable, ${OBS_COLUMNS}
         FROM observations o JOIN zones z ON z.id = o.zone_id JOIN indicators i ON i.id = o.indicator_id
        WHERE z.code = ANY({{zones}}::text[])
        ORDER BY i.code, o.period_end, o.period_start`,
      PairObsRow,
      { zones: [...zoneCodes] },
    );
    const sources = await rawQuery(
      prisma,
      "overview.pair-sources",
      `SELECT id, title, url, to_char(published_on, 'YYYY-MM-DD') AS "publishedOn" FROM sources WHERE id = ANY({{ids}}::int[])`,
      SourceRow,
      { ids: [...new Set(rows.map((r) => r.source_id))] },
    );
    type Building = { indicator: PairInput["indicator"]; zones: { code: string; observations: SeriesObservation[] }[] };
    const byIndicator = new Map<string, Building>();
    for (const r of rows) {
      const input: Building = byIndicator.get(r.code) ?? {
        indicator: { code: r.code, nameEn: r.name_en, nameZh: r.name_zh, unit: r.unit, comparable: r.comparable },
        zones: zoneCodes.map((code) => ({ code, observations: [] })),
      };
      input.zones.find((z) => z.code === r.zone)?.observations.push(toObservation(r));
      byIndicator.set(r.code, input);
    }
    return {
      inputs: [...byIndicator.values()],
      sources: new Map(sources.map(({ id, ...source }) => [id, source])),
    };
  });
}
