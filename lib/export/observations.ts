// The columns of an observations table leaving the app (CSV now; XLSX later use the same list).
import type { ObservationRow } from "../db/queries/observations.ts";
import type { CsvValue } from "./csv.ts";
import { xlsxBuffer, type XlsxSource } from "./xlsx.ts";

export const OBSERVATION_COLUMNS = [
  "zone",
  "zone_name_en",
  "zone_name_zh",
  "indicator",
  "indicator_name_en",
  "indicator_name_zh",
  "period",
  "period_start",
  "period_end",
  "basis",
  "value",
  "unit",
  "published_value",
  "published_unit",
  "qualifier",
  "yoy_pct",
  "status",
  "source_title",
  "source_url",
  "published_on",
  "quote",
  "note",
  "revised",
  "id",
] as const satisfies readonly (keyof ObservationRow)[];

export function observationCells(row: ObservationRow): CsvValue[] {
  return OBSERVATION_COLUMNS.map((column) => row[column]);
}

/** Observations as a workbook: one row per figure (value in its base unit, with the unit beside it), and the sources with their quotes. */
export async function observationsXlsx(batches: AsyncIterable<ObservationRow[]>): Promise<Buffer> {
  const sources = new Map<string, XlsxSource>();
  async function* rows() {
    for await (const batch of batches) {
      for (const row of batch) {
        const key = `${row.source_id}|${row.quote ?? ""}`;
        if (!sources.has(key))
          sources.set(key, { title: row.source_title, url: row.source_url, publishedOn: row.published_on, quote: row.quote });
        yield observationCells(row);
      }
    }
  }
  const columns = OBSERVATION_COLUMNS.map((column) => ({
    header:
      column === "value"
        ? "value (in unit)"
        : column === "published_value"
          ? "published_value (in published_unit)"
          : column === "yoy_pct"
            ? "yoy_pct (published, %)"
            : column,
    ...(column === "value" || column === "published_value" ? { numFmt: "#,##0.####" } : column === "yoy_pct" ? { numFmt: "0.0#" } : {}),
  }));
  return xlsxBuffer([{ name: "Observations", columns, rows: rows() }], () => [...sources.values()]);
}
