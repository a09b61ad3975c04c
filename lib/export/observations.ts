// The columns of an observations table leaving the app, as CSV and as XLSX: the API's rows (observation-rows.ts).
import type { Observation } from "../domain/figures.ts";
import type { CsvValue } from "./csv.ts";
import type { Locale } from "../domain/format.ts";
import { ANALYST_MAGNITUDE, inAnalystMagnitude } from "../domain/units.ts";
import { xlsxWords } from "../i18n/export-words.ts";
import { observationApiRow, type ObservationApiRow } from "./observation-rows.ts";
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
] as const satisfies readonly (keyof ObservationApiRow)[];

export function observationCells(observation: Observation): CsvValue[] {
  const row = observationApiRow(observation);
  return OBSERVATION_COLUMNS.map((column) => row[column]);
}

const NUMBER_COLUMNS = new Set<string>(["value", "published_value", "yoy_pct", "id"]);
const DATE_COLUMNS = new Set<string>(["period_start", "period_end", "published_on", "updated_at"]);

/**
 * Observations as a workbook: one row per figure — the value in its base unit with the unit beside it,
 * then in the magnitude analysts read (亿元, 亿美元, 万吨, 万TEU) where the unit has one, real dates — and
 * the sources with their quotes; headers and sheets in the reader's language.
 */
export async function observationsXlsx(batches: AsyncIterable<Observation[]>, locale: Locale = "en"): Promise<Buffer> {
  const words = xlsxWords(locale);
  const sources = new Map<string, XlsxSource>();
  const unitAt = OBSERVATION_COLUMNS.indexOf("unit");
  async function* rows() {
    for await (const batch of batches) {
      for (const row of batch) {
        const key = `${row.source.id}|${row.quote ?? ""}`;
        if (!sources.has(key))
          sources.set(key, { title: row.source.title, url: row.source.url, publishedOn: row.source.publishedOn, quote: row.quote });
        const cells = observationCells(row);
        const { unit } = row.indicator;
        const level = inAnalystMagnitude(row.value, unit);
        yield [...cells.slice(0, unitAt + 1), level, ANALYST_MAGNITUDE[unit]?.unit ?? null, ...cells.slice(unitAt + 1)];
      }
    }
  }
  const inUnit = (value: string, unit: string) =>
    locale === "zh" ? `${words.header(value)}（${words.header(unit)}）` : `${value} (in ${unit})`;
  const header = (column: string) =>
    column === "value"
      ? inUnit("value", "unit")
      : column === "published_value"
        ? inUnit("published_value", "published_unit")
        : words.header(column);
  const columns = OBSERVATION_COLUMNS.flatMap((column) => {
    const kind = NUMBER_COLUMNS.has(column) ? ("number" as const) : DATE_COLUMNS.has(column) ? ("date" as const) : undefined;
    const own = { header: header(column), ...(kind ? { kind } : {}) };
    return column === "unit"
      ? [
          own,
          { header: words.inMagnitude(locale === "zh" ? "量级单位" : "magnitude unit"), kind: "number" as const },
          { header: locale === "zh" ? "量级单位" : "magnitude unit" },
        ]
      : [own];
  });
  return xlsxBuffer([{ name: words.sheets.observations, columns, rows: rows() }], () => [...sources.values()], locale);
}
