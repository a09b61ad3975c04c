// Indicator pages: every indicator with its coverage, and one indicator's zones and sources.
import type { PrismaClient } from "../generated/client.ts";
import type { Basis } from "../../domain/vocabulary.ts";

export type IndicatorSummary = {
  code: string;
  name_en: string;
  name_zh: string | null;
  unit: string;
  kind: string;
  category: string | null;
  description: string | null;
  figures: number;
  zones: number;
  first: string | null;
  last: string | null;
};

export async function listIndicatorSummaries(prisma: PrismaClient): Promise<IndicatorSummary[]> {
  const rows = await prisma.$queryRawUnsafe<IndicatorSummary[]>(`
    SELECT i.code, i.name_en, i.name_zh, i.unit::text AS unit, i.kind::text AS kind, i.category, i.description,
           count(o.id)::int AS figures, count(DISTINCT o.zone_id)::int AS zones,
           to_char(min(o.period_end), 'YYYY-MM-DD') AS first, to_char(max(o.period_end), 'YYYY-MM-DD') AS last
      FROM indicators i LEFT JOIN observations o ON o.indicator_id = i.id
     GROUP BY i.id ORDER BY i.category NULLS LAST, i.code`);
  return rows.map((r) => ({ ...r, unit: r.unit === "percent" ? "%" : r.unit }));
}

export type IndicatorZoneCoverage = {
  zone: string;
  name_en: string;
  name_zh: string | null;
  kind: string;
  figures: number;
  bases: Basis[];
  first: string;
  last: string;
};
export type IndicatorSource = { id: number; title: string; url: string | null; published_on: string | null; figures: number };

export async function getIndicatorDetail(prisma: PrismaClient, code: string) {
  const summary = (await listIndicatorSummaries(prisma)).find((i) => i.code === code);
  if (!summary) return undefined;
  const [zones, sources] = await Promise.all([
    prisma.$queryRawUnsafe<IndicatorZoneCoverage[]>(
      `SELECT z.code AS zone, z.name_en, z.name_zh, z.kind::text AS kind, count(*)::int AS figures,
              array_agg(DISTINCT o.basis::text) AS bases,
              to_char(min(o.period_end), 'YYYY-MM-DD') AS first, to_char(max(o.period_end), 'YYYY-MM-DD') AS last
         FROM observations o JOIN zones z ON z.id = o.zone_id JOIN indicators i ON i.id = o.indicator_id
        WHERE i.code = $1 GROUP BY z.id ORDER BY count(*) DESC, z.code`,
      code,
    ),
    prisma.$queryRawUnsafe<IndicatorSource[]>(
      `SELECT s.id, s.title, s.url, to_char(s.published_on, 'YYYY-MM-DD') AS published_on, count(*)::int AS figures
         FROM observations o JOIN sources s ON s.id = o.source_id JOIN indicators i ON i.id = o.indicator_id
        WHERE i.code = $1 GROUP BY s.id ORDER BY s.published_on DESC NULLS LAST, s.title`,
      code,
    ),
  ]);
  return { summary, zones, sources };
}
