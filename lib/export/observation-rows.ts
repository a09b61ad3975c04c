// Observations and their earlier values (vintages) as they leave the app (GET /api/observations, its CSV
// and XLSX, GET /api/observations/:id): flat rows with the data format's snake_case field names, in the
// order of ../shared/DATA-FORMAT.md and docs/api.md. No heavy imports: the data explorer reads a figure's
// vintages from the API in the browser (vintageFromApiRow).
import type { Observation, Vintage } from "../domain/figures.ts";
import { unitCode } from "../domain/units.ts";

export type ObservationApiRow = ReturnType<typeof observationApiRow>;
export type VintageApiRow = ReturnType<typeof vintageApiRow>;

export function observationApiRow(observation: Observation) {
  const { zone, indicator, period, source } = observation;
  return {
    id: observation.id,
    zone: zone.code,
    zone_name_en: zone.nameEn,
    zone_name_zh: zone.nameZh,
    indicator: indicator.code,
    indicator_name_en: indicator.nameEn,
    indicator_name_zh: indicator.nameZh,
    period: period.label,
    period_start: period.start,
    period_end: period.end,
    granularity: period.granularity,
    basis: observation.basis,
    value: observation.value,
    // The base unit as the data format writes it (`%` for percent).
    unit: unitCode(indicator.unit),
    published_value: observation.publishedValue,
    published_unit: observation.publishedUnit,
    qualifier: observation.qualifier,
    yoy_pct: observation.yoyPct,
    status: observation.status,
    source_id: source.id,
    source_title: source.title,
    source_url: source.url,
    published_on: source.publishedOn,
    quote: observation.quote,
    note: observation.note,
    revised: observation.revised,
    updated_at: observation.updatedAt,
  };
}

export function vintageApiRow(vintage: Vintage) {
  return {
    value: vintage.value,
    published_value: vintage.publishedValue,
    published_unit: vintage.publishedUnit,
    qualifier: vintage.qualifier,
    yoy_pct: vintage.yoyPct,
    status: vintage.status,
    source_title: vintage.source.title,
    source_url: vintage.source.url,
    published_on: vintage.source.publishedOn,
    quote: vintage.quote,
    recorded_at: vintage.recordedAt,
    superseded_at: vintage.supersededAt,
    import_id: vintage.importId,
    superseded_by_import_id: vintage.supersededByImportId,
  };
}

/** A vintage as GET /api/observations/:id gives it, back in the app's shape. */
export function vintageFromApiRow(row: VintageApiRow): Vintage {
  return {
    value: row.value,
    publishedValue: row.published_value,
    publishedUnit: row.published_unit,
    qualifier: row.qualifier,
    yoyPct: row.yoy_pct,
    status: row.status,
    source: { title: row.source_title, url: row.source_url, publishedOn: row.published_on },
    quote: row.quote,
    recordedAt: row.recorded_at,
    supersededAt: row.superseded_at,
    importId: row.import_id,
    supersededByImportId: row.superseded_by_import_id,
  };
}

/** GET /api/observations/:id: the figure and every earlier value it replaced, newest first. */
export function observationHistoryApi(history: { observation: Observation; vintages: Vintage[] }) {
  return { observation: observationApiRow(history.observation), vintages: history.vintages.map(vintageApiRow) };
}
