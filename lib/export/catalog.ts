// Zones and indicators as they leave the app (GET /api/zones, /api/indicators, their CSV and XLSX): the
// API's snake_case field names, in the order docs/api.md gives them. One mapper per entity.
import { unitCode } from "../domain/units.ts";
import type { IndicatorListing, ZoneListing } from "../db/queries/catalog.ts";

export type ZoneApiRow = ReturnType<typeof zoneApiRow>;
export type IndicatorApiRow = ReturnType<typeof indicatorApiRow>;

export function zoneApiRow(zone: ZoneListing) {
  return {
    code: zone.code,
    name_en: zone.nameEn,
    name_zh: zone.nameZh,
    kind: zone.kind,
    parent: zone.parentCode,
    established_on: zone.establishedOn,
    area_km2: zone.areaKm2,
    note: zone.note,
    observations: zone.observations,
  };
}

export function indicatorApiRow(indicator: IndicatorListing) {
  return {
    code: indicator.code,
    name_en: indicator.nameEn,
    name_zh: indicator.nameZh,
    unit: unitCode(indicator.unit),
    kind: indicator.kind,
    category: indicator.category,
    description: indicator.description,
    comparable: indicator.comparable,
    observations: indicator.observations,
  };
}
