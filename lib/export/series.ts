// A comparison as the series API returns it (JSON, snake_case, notes in words) and as CSV rows.
import type { OutputUnit } from "../domain/build-series.ts";
import type { ChartModel } from "../domain/chart-model.ts";
import type { BasisChoice, CompareData, ZoneSeries } from "../domain/compare.ts";
import type { Point } from "../domain/series.ts";
import type { Locale } from "../domain/format.ts";
import { periodLabel } from "../domain/periods.ts";
import { ANALYST_MAGNITUDE, baseUnitLabel, inAnalystMagnitude } from "../domain/units.ts";
import { xlsxWords } from "../i18n/export-words.ts";
import { describeNote } from "../i18n/series.ts";
import type { SeriesParams } from "../validation/series.ts";
import type { CsvValue } from "./csv.ts";
import { xlsxBuffer, type XlsxSheet, type XlsxSource } from "./xlsx.ts";
import { BASE_UNITS, type BaseUnit } from "../domain/vocabulary.ts";

const isBaseUnit = (unit: OutputUnit): unit is BaseUnit => (BASE_UNITS as readonly string[]).includes(unit);

export function outputUnitLabel(unit: OutputUnit, baseUnit: BaseUnit): string {
  if (unit === "pp") return "pp";
  if (unit === "index") return "index";
  if (unit === "per_km2") return `${baseUnitLabel(baseUnit)} per km2`;
  return baseUnitLabel(unit);
}

/** Where a point's number comes from, beyond its derivation: a published or computed rate, a level a rate implies. */
function rateFields(p: Point) {
  return {
    published_yoy_pct: p.publishedYoy ?? null,
    rate: p.rate ? p.rate.origin : null,
    computed_yoy_pct: p.rate?.origin === "published" ? (p.rate.computed ?? null) : null,
    implied_by: p.impliedBy ? { yoy_pct: p.impliedBy.rate, end: p.impliedBy.end } : null,
  };
}

export function seriesJson(
  data: CompareData,
  series: ZoneSeries[],
  unit: OutputUnit,
  params: SeriesParams,
  locale: Locale,
  basis: BasisChoice,
) {
  const used = new Set(series.flatMap((s) => s.series.points.flatMap((p) => p.sources)));
  const zones = new Set(params.zones);
  return {
    indicator: {
      code: data.indicator.code,
      name_en: data.indicator.nameEn,
      name_zh: data.indicator.nameZh,
      unit: baseUnitLabel(data.indicator.unit),
      kind: data.indicator.kind,
      category: data.indicator.category,
    },
    request: { ...params },
    // Without a basis in the request, the one with the most points for these zones; the points each basis gives.
    basis: { chosen: basis.basis, auto: basis.auto, points: basis.points },
    unit: outputUnitLabel(unit, data.indicator.unit),
    series: series.map(({ zone, series: s }) => ({
      zone: { code: zone.code, name_en: zone.nameEn, name_zh: zone.nameZh, kind: zone.kind, parent: zone.parentCode, launch: zone.launch },
      basis: s.basis,
      freq: s.freq,
      points: s.points.map((p) => ({
        period: periodLabel(p.start, p.end),
        start: p.start,
        end: p.end,
        value: p.value,
        qualifier: p.qualifier,
        status: p.status,
        source_id: p.sources[p.sources.length - 1] ?? null,
        source_ids: p.sources,
        derivation: p.derivation ?? null,
        ...rateFields(p),
        combined: p.combined ?? false,
        months_since_launch: p.monthsSinceLaunch,
      })),
      notes: s.notes.map((note) => ({ code: note.code, message: describeNote(note, locale) })),
    })),
    sources: data.sources.filter((s) => used.has(s.id)).map((s) => ({ id: s.id, title: s.title, url: s.url, published_on: s.publishedOn })),
    events: data.events
      .filter((e) => zones.has(e.zone))
      .map((e) => ({ zone: e.zone, date: e.date, precision: e.precision, kind: e.kind, title_en: e.titleEn, title_zh: e.titleZh })),
  };
}

export const SERIES_CSV_COLUMNS = [
  "zone",
  "zone_name_en",
  "zone_name_zh",
  "period",
  "start",
  "end",
  "value",
  "unit",
  "qualifier",
  "status",
  "derivation",
  "published_yoy_pct",
  "rate",
  "computed_yoy_pct",
  "months_since_launch",
  "sources",
] as const;

export function seriesCsvRows(data: CompareData, series: ZoneSeries[], unit: OutputUnit): CsvValue[][] {
  const titles = new Map(data.sources.map((s) => [s.id, s.publishedOn ? `${s.title} (${s.publishedOn})` : s.title]));
  const label = outputUnitLabel(unit, data.indicator.unit);
  return series.flatMap(({ zone, series: s }) =>
    s.points.map((p) => {
      const rate = rateFields(p);
      return [
        zone.code,
        zone.nameEn,
        zone.nameZh,
        periodLabel(p.start, p.end),
        p.start,
        p.end,
        p.value,
        label,
        p.qualifier,
        p.status,
        p.derivation ?? "",
        rate.published_yoy_pct,
        rate.rate ?? "",
        rate.computed_yoy_pct,
        p.monthsSinceLaunch,
        p.sources.map((id) => titles.get(id) ?? `#${id}`).join(" | "),
      ];
    }),
  );
}

/** The workbook of a comparison: the numbers as the table shows them (wide, each level also in the
 * magnitude analysts use), every point (long), and the sources; headers and sheets in the reader's language. */
export async function seriesXlsx(
  model: ChartModel,
  data: CompareData,
  series: ZoneSeries[],
  unit: OutputUnit,
  quotes: Map<number, string[]>,
): Promise<Buffer> {
  const words = xlsxWords(model.locale);
  const magnitude = isBaseUnit(unit) ? ANALYST_MAGNITUDE[unit] : null;
  const level = (value: number) => (magnitude && isBaseUnit(unit) ? inAnalystMagnitude(value, unit) : null);
  const wide: XlsxSheet = {
    name: words.sheets.data,
    columns: [
      { header: words.period },
      { header: words.start, width: 11, kind: "date" },
      { header: words.end, width: 11, kind: "date" },
      ...model.series.flatMap((s) => [
        { header: `${s.label} [${model.unitText}]`, kind: "number" as const },
        ...(magnitude ? [{ header: `${s.label} [${magnitude.unit}]`, kind: "number" as const }] : []),
        { header: words.note(s.label) },
      ]),
    ],
    rows: model.table.map((row) => {
      const [start = "", end = ""] = row.key.split("|");
      return [
        row.periodText,
        start,
        end,
        ...row.cells.flatMap((cell) =>
          cell
            ? [
                cell.value,
                ...(magnitude ? [level(cell.value)] : []),
                [words.marks[cell.qualifier], cell.status !== "ok" ? cell.status : "", cell.note ?? ""].filter(Boolean).join("; ") || null,
              ]
            : [null, ...(magnitude ? [null] : []), null],
        ),
      ];
    }),
  };
  const valueAt = SERIES_CSV_COLUMNS.indexOf("value");
  const long: XlsxSheet = {
    name: words.sheets.points,
    columns: SERIES_CSV_COLUMNS.flatMap((code) => {
      const kind = code === "start" || code === "end" ? ("date" as const) : NUMBER_COLUMNS.has(code) ? ("number" as const) : undefined;
      const header = code === "value" ? `${words.header(code)} (${outputUnitLabel(unit, data.indicator.unit)})` : words.header(code);
      const column = { header, ...(kind ? { kind } : {}) };
      return code === "value" && magnitude ? [column, { header: words.inMagnitude(magnitude.unit), kind: "number" as const }] : [column];
    }),
    rows: seriesCsvRows(data, series, unit).map((row) => {
      const cells = row.map((cell) => (typeof cell === "boolean" ? String(cell) : cell));
      const value = cells[valueAt];
      return magnitude
        ? [...cells.slice(0, valueAt + 1), typeof value === "number" ? level(value) : null, ...cells.slice(valueAt + 1)]
        : cells;
    }),
  };
  const sources: XlsxSource[] = model.sources.map((s) => ({
    title: s.title,
    url: s.url,
    publishedOn: s.publishedOn,
    quote: (quotes.get(s.id) ?? []).join(" / ") || null,
  }));
  return xlsxBuffer([wide, long], sources, model.locale);
}

const NUMBER_COLUMNS = new Set<string>(["value", "published_yoy_pct", "computed_yoy_pct", "months_since_launch"]);
