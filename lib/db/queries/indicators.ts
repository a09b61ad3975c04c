// Indicator pages: every indicator with its coverage, and one indicator's zones and sources.
import { z } from "zod";
import type { Indicator, Zone } from "../../domain/catalog.ts";
import type { CompareSource } from "../../domain/compare.ts";
import type { Basis } from "../../domain/vocabulary.ts";
import type { PrismaClient } from "../generated/client.ts";
import { basis, int, isoDate, text, zoneKind } from "../columns.ts";
import { INDICATOR_COLUMNS, IndicatorRow } from "./catalog.ts";
import { SourceRow } from "./series.ts";
import { rawQuery } from "../raw.ts";

/** An indicator with how many figures and zones it has, and the first and last period end. */
export type IndicatorSummary = Omit<Indicator, "aliases"> & { figures: number; zones: number; first: string | null; last: string | null };

const IndicatorSummaryRow = IndicatorRow.extend({
  figures: int,
  zones: int,
  first: isoDate.nullable(),
  last: isoDate.nullable(),
}) satisfies z.ZodType<IndicatorSummary>;

export async function listIndicatorSummaries(prisma: PrismaClient): Promise<IndicatorSummary[]> {
  return rawQuery(
    prisma,
    "indicators.summaries",
    `SELECT ${INDICATOR_COLUMNS}, count(o.id)::int AS figures, count(DISTINCT o.zone_id)::int AS zones,
            to_char(min(o.period_end), 'YYYY-MM-DD') AS first, to_char(max(o.period_end), 'YYYY-MM-DD') AS last
       FROM indicators i LEFT JOIN observations o ON o.indicator_id = i.id
      GROUP BY i.id ORDER BY i.category NULLS LAST, i.code`,
    IndicatorSummaryRow,
  );
}

/** A zone with figures of the indicator: how many, on which bases, from when to when. */
export type IndicatorZoneCoverage = Pick<Zone, "nameEn" | "nameZh" | "kind"> & {
  zone: string;
  figures: number;
  bases: Basis[];
  first: string;
  last: string;
};
/** A publication the indicator's figures come from, with how many. */
export type IndicatorSource = CompareSource & { figures: number };

const ZoneCoverageRow = z.object({
  zone: text,
  nameEn: text,
  nameZh: text.nullable(),
  kind: zoneKind,
  figures: int,
  bases: z.array(basis),
  first: isoDate,
  last: isoDate,
}) satisfies z.ZodType<IndicatorZoneCoverage>;

const IndicatorSourceRow = SourceRow.extend({ figures: int }) satisfies z.ZodType<IndicatorSource>;

export async function getIndicatorDetail(prisma: PrismaClient, code: string) {
  const summary = (await listIndicatorSummaries(prisma)).find((i) => i.code === code);
  if (!summary) return undefined;
  const [zones, sources] = await Promise.all([
    rawQuery(
      prisma,
      "indicators.zones",
      `SELECT z.code AS zone, z.name_en AS "nameEn", z.name_zh AS "nameZh", z.kind::text AS kind, count(*)::int AS figures,
              array_agg(DISTINCT o.basis::text) AS bases,
              to_char(min(o.period_end), 'YYYY-MM-DD') AS first, to_char(max(o.period_end), 'YYYY-MM-DD') AS last
         FROM observations o JOIN zones z ON z.id = o.zone_id JOIN indicators i ON i.id = o.indicator_id
        WHERE i.code = {{code}} GROUP BY z.id ORDER BY count(*) DESC, z.code`,
      ZoneCoverageRow,
      { code },
    ),
    rawQuery(
      prisma,
      "indicators.sources",
      `SELECT s.id, s.title, s.url, to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn", count(*)::int AS figures
         FROM observations o JOIN sources s ON s.id = o.source_id JOIN indicators i ON i.id = o.indicator_id
        WHERE i.code = {{code}} GROUP BY s.id ORDER BY s.published_on DESC NULLS LAST, s.title`,
      IndicatorSourceRow,
      { code },
    ),
  ]);
  return { summary, zones, sources };
}
