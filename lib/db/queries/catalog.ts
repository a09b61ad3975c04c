// Zones and indicators as the read API lists them, with how many figures each has.
import type { PrismaClient } from "../generated/client.ts";
import { cachedByDataVersion } from "./version.ts";

export type ZoneRow = {
  code: string;
  name_en: string;
  name_zh: string | null;
  kind: string;
  parent: string | null;
  established_on: string | null;
  area_km2: number | null;
  note: string | null;
  observations: number;
};

export type IndicatorRow = {
  code: string;
  name_en: string;
  name_zh: string | null;
  unit: string;
  kind: string;
  category: string | null;
  description: string | null;
  comparable: boolean;
  observations: number;
};

async function listZonesUncached(prisma: PrismaClient): Promise<ZoneRow[]> {
  return prisma.$queryRawUnsafe<ZoneRow[]>(`
    SELECT z.code, z.name_en, z.name_zh, z.kind::text AS kind, p.code AS parent,
           to_char(z.established_on, 'YYYY-MM-DD') AS established_on, z.area_km2, z.note,
           (SELECT count(*)::int FROM observations o WHERE o.zone_id = z.id) AS observations
      FROM zones z LEFT JOIN zones p ON p.id = z.parent_id
     ORDER BY z.code`);
}

async function listIndicatorsUncached(prisma: PrismaClient): Promise<IndicatorRow[]> {
  const rows = await prisma.$queryRawUnsafe<IndicatorRow[]>(`
    SELECT i.code, i.name_en, i.name_zh, i.unit::text AS unit, i.kind::text AS kind, i.category, i.description, i.comparable,
           (SELECT count(*)::int FROM observations o WHERE o.indicator_id = i.id) AS observations
      FROM indicators i
     ORDER BY i.code`);
  return rows.map((row) => ({ ...row, unit: row.unit === "percent" ? "%" : row.unit }));
}

/** Every zone with its parent and number of figures (recomputed after each data change). */
export async function listZones(prisma: PrismaClient) {
  return cachedByDataVersion(prisma, "zones", () => listZonesUncached(prisma));
}

/** Every indicator with its number of figures (recomputed after each data change). */
export async function listIndicators(prisma: PrismaClient) {
  return cachedByDataVersion(prisma, "indicators", () => listIndicatorsUncached(prisma));
}
