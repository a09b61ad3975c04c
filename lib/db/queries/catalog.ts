// Zones and indicators as the read API lists them, with how many figures each has.
import { z } from "zod";
import type { Indicator, Zone } from "../../domain/catalog.ts";
import type { PrismaClient } from "../generated/client.ts";
import { baseUnit, indicatorKind, int, isoDate, num, text, zoneKind } from "../columns.ts";
import { rawQuery } from "../raw.ts";
import { cachedByDataVersion } from "./version.ts";

/** A zone with its number of figures. */
export type ZoneListing = Omit<Zone, "aliases"> & { observations: number };
/** An indicator with its number of figures. */
export type IndicatorListing = Omit<Indicator, "aliases"> & { observations: number };

const ZoneListingRow = z.object({
  code: text,
  nameEn: text,
  nameZh: text.nullable(),
  kind: zoneKind,
  parentCode: text.nullable(),
  establishedOn: isoDate.nullable(),
  areaKm2: num.nullable(),
  note: text.nullable(),
  observations: int,
}) satisfies z.ZodType<ZoneListing>;

/** An indicator's columns as INDICATOR_COLUMNS selects them: the domain's Indicator but its aliases. */
export const IndicatorRow = z.object({
  code: text,
  nameEn: text,
  nameZh: text.nullable(),
  unit: baseUnit,
  kind: indicatorKind,
  category: text.nullable(),
  description: text.nullable(),
  comparable: z.boolean(),
}) satisfies z.ZodType<Omit<Indicator, "aliases">>;

/** The columns of IndicatorRow, from indicators `i`. */
export const INDICATOR_COLUMNS = `i.code, i.name_en AS "nameEn", i.name_zh AS "nameZh", i.unit::text AS unit, i.kind::text AS kind,
       i.category, i.description, i.comparable`;

const IndicatorListingRow = IndicatorRow.extend({ observations: int }) satisfies z.ZodType<IndicatorListing>;

async function listZonesUncached(prisma: PrismaClient): Promise<ZoneListing[]> {
  return rawQuery(
    prisma,
    "catalog.zones",
    `SELECT z.code, z.name_en AS "nameEn", z.name_zh AS "nameZh", z.kind::text AS kind, p.code AS "parentCode",
            to_char(z.established_on, 'YYYY-MM-DD') AS "establishedOn", z.area_km2 AS "areaKm2", z.note,
            (SELECT count(*)::int FROM observations o WHERE o.zone_id = z.id) AS observations
       FROM zones z LEFT JOIN zones p ON p.id = z.parent_id
      ORDER BY z.code`,
    ZoneListingRow,
  );
}

async function listIndicatorsUncached(prisma: PrismaClient): Promise<IndicatorListing[]> {
  return rawQuery(
    prisma,
    "catalog.indicators",
    `SELECT ${INDICATOR_COLUMNS}, (SELECT count(*)::int FROM observations o WHERE o.indicator_id = i.id) AS observations
       FROM indicators i
      ORDER BY i.code`,
    IndicatorListingRow,
  );
}

/** Every zone with its parent and number of figures (recomputed after each data change). */
export async function listZones(prisma: PrismaClient) {
  return cachedByDataVersion(prisma, "zones", () => listZonesUncached(prisma));
}

/** Every indicator with its number of figures (recomputed after each data change). */
export async function listIndicators(prisma: PrismaClient) {
  return cachedByDataVersion(prisma, "indicators", () => listIndicatorsUncached(prisma));
}
