// What a comparison chart shows, decided once for the page's interactive chart and for the exported
// images: title and subtitle, one drawable series per zone (colours, labels, points on a date or
// months-since-launch axis), numbered events, the table of the same numbers, notes and sources. Pure.
import type { BuiltSeries, OutputUnit } from "./build-series.ts";
import { monthsSince } from "./build-series.ts";
import type { CompareData, ZoneSeries } from "./compare.ts";
import { eventTitle, localName, shortZoneName } from "./figures.ts";
import { unitName } from "./units.ts";
import { countWordZh, formatDate, formatDateAt, formatPeriod, formatSeriesValue, type Locale, type SeriesUnit } from "./format.ts";
import { DASHES, zoneColors } from "./palette.ts";
import { granularityOf } from "./periods.ts";
import type { Derivation, Frequency, RateOrigin } from "./series.ts";
import { ratesDiffer, shiftYear, type Transform } from "./transforms.ts";
import { lttb, MAX_DRAWN_POINTS } from "./downsample.ts";
import type { BaseUnit, Basis, Qualifier, Status } from "./vocabulary.ts";

export type ModelPoint = {
  x: number;
  start: string;
  end: string;
  periodText: string;
  value: number;
  valueText: string;
  qualifier: Qualifier;
  status: Status;
  sources: number[];
  note?: string;
  /** A level implied by a published rate (drawn hollow and dashed; never a stored figure). */
  implied?: boolean;
  /** On a year-on-year point: a published rate or one computed from two levels. */
  rateOrigin?: RateOrigin;
  /** Where a published and a computed rate differ by more than RATE_GAP_PP: the computed one. */
  computedText?: string;
  /** The change on a year earlier published with a level. */
  publishedYoyText?: string;
};
export type ModelSeries = {
  key: string;
  label: string;
  color: string;
  dash: string;
  basis: Basis;
  points: ModelPoint[];
  emptyReason?: string;
  /** When the points drawn are a downsample: how many the series has (the table keeps them all). */
  downsampledFrom?: number;
};
export type ModelEvent = {
  n: number;
  x: number;
  row: number;
  zone: string;
  zoneLabel: string;
  color: string;
  dateText: string;
  title: string;
};
export type ModelSource = { n: number; id: number; title: string; url: string | null; publishedOn: string | null };
export type TableRow = { key: string; periodText: string; cells: (ModelPoint | null)[] };

export type ChartModel = {
  /** The language the model's texts are in. */
  locale: Locale;
  title: string;
  subtitle: string;
  unit: SeriesUnit;
  baseUnit: BaseUnit;
  unitText: string;
  countWord: string;
  signed: boolean;
  axis: "date" | "launch";
  /** The horizontal extent drawn: the points with a margin; events outside it are not shown. */
  domain: [number, number] | null;
  series: ModelSeries[];
  events: ModelEvent[];
  table: TableRow[];
  sources: ModelSource[];
  notes: { zone: string; text: string }[];
  asOf: string | null;
};

/** What a chart draws of a point (its tooltip formats the value itself). */
export type DrawnPoint = Pick<ModelPoint, "x" | "periodText" | "value" | "qualifier" | "status" | "note" | "implied">;
export type DrawnSeries = Omit<ModelSeries, "points"> & { points: DrawnPoint[] };
/** What drawing a chart needs: the model without its table, sources and notes (which stay on the server). */
export type DrawnChart = Pick<ChartModel, "events" | "domain" | "axis" | "unit" | "baseUnit" | "countWord" | "signed"> & {
  series: DrawnSeries[];
};

function drawnPoint(p: ModelPoint): DrawnPoint {
  const point: DrawnPoint = { x: p.x, periodText: p.periodText, value: p.value, qualifier: p.qualifier, status: p.status };
  if (p.note) point.note = p.note;
  if (p.implied) point.implied = true;
  return point;
}

/**
 * The part of a model a chart component draws, each series thinned to at most `maxPoints` (small charts
 * need fewer than the full-size one): what crosses to the browser, so the page does not carry every
 * figure twice.
 */
export function drawnChart(model: ChartModel, maxPoints = MAX_DRAWN_POINTS): DrawnChart {
  return {
    series: model.series.map((s) => {
      const points =
        s.points.length > maxPoints
          ? lttb(
              s.points,
              maxPoints,
              (p) => p.x,
              (p) => p.value,
            )
          : s.points;
      const downsampledFrom = points.length < s.points.length ? (s.downsampledFrom ?? s.points.length) : s.downsampledFrom;
      return { ...s, points: points.map(drawnPoint), ...(downsampledFrom ? { downsampledFrom } : {}) };
    }),
    events: model.events,
    domain: model.domain,
    axis: model.axis,
    unit: model.unit,
    baseUnit: model.baseUnit,
    countWord: model.countWord,
    signed: model.signed,
  };
}

/** The model with only its latest `rows` table rows (a compact table that links to the whole one). */
export function latestRows(model: ChartModel, rows: number): ChartModel {
  return model.table.length > rows ? { ...model, table: model.table.slice(-rows) } : model;
}

export type ModelWords = {
  basis: Record<Basis, string>;
  freq: Record<Frequency | "auto", string>;
  transform: Record<Transform, string>;
  unit: { pp: string; index: string; per_km2: string };
  derivation: Record<Exclude<Derivation, "implied">, string>;
  /** "implied by the published +26.9% (2021)" */
  impliedBy: (rate: string, period: string) => string;
  rate: { published: string; computed: string; both: (published: string, computed: string) => string };
  combined: string;
  noFigures: string;
  noLaunch: string;
  baseLabel: (base: string) => string;
  describeNote: (note: BuiltSeries["notes"][number]) => string;
};

export type ModelView = {
  transform: Transform;
  freq?: Frequency;
  base?: string;
  axis: "date" | "launch";
  /** Numbers to give events (by zone, date and title), so a page can number them once for all its charts. */
  eventNumbers?: ReadonlyMap<string, number>;
  /** The day the data was last updated, printed as "data as of" on exports. */
  asOf?: string | null;
};

export const eventKey = (event: { zone: string; date: string; titleEn: string }) => `${event.zone}|${event.date}|${event.titleEn}`;

/**
 * Several charts of one document numbered as one list of sources: each source keeps one number wherever it
 * is cited, in the order sources are first cited (a report's footnotes then name each source once).
 */
export function numberSourcesAcross(models: readonly ChartModel[]): ChartModel[] {
  const numbers = new Map<number, number>();
  return models.map((model) => ({
    ...model,
    sources: model.sources.map((s) => {
      if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
      return { ...s, n: numbers.get(s.id) ?? s.n };
    }),
  }));
}

function unitText(unit: OutputUnit, baseUnit: BaseUnit, locale: Locale, words: ModelWords): string {
  if (unit === "pp") return words.unit.pp;
  if (unit === "index") return words.unit.index;
  if (unit === "per_km2") return `${unitName(baseUnit, locale)} ${words.unit.per_km2}`;
  return unitName(unit, locale);
}

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function chartModel(
  data: CompareData,
  series: ZoneSeries[],
  unit: OutputUnit,
  view: ModelView,
  locale: Locale,
  words: ModelWords,
): ChartModel {
  const zh = locale === "zh";
  const name = (item: { nameEn: string; nameZh: string | null }) => localName(item, locale);
  const colors = zoneColors(series.map((s) => s.zone.code));
  const signed = view.transform === "yoy" || view.transform === "pop";
  const countWord = zh ? countWordZh(data.indicator.code) : "";
  const sourceNumbers = new Map<number, number>();
  const number = (id: number) => {
    if (!sourceNumbers.has(id)) sourceNumbers.set(id, sourceNumbers.size + 1);
    return sourceNumbers.get(id) as number;
  };

  const modelSeries: ModelSeries[] = series.map(({ zone, series: s }, index) => {
    const points: ModelPoint[] = [];
    for (const p of s.points) {
      const displayBasis: Basis = p.derivation === "from_ytd" || p.derivation === "from_cumulative" ? "period" : s.basis;
      // A flow over a period sits in the middle of it (2021 between the 2021 and 2022 ticks); a level
      // or a running total sits on the day it is as of.
      const x = view.axis === "launch" ? p.monthsSinceLaunch : displayBasis === "period" ? (time(p.start) + time(p.end)) / 2 : time(p.end);
      if (x === null) continue;
      const rateText = (rate: number) => formatSeriesValue(rate, "percent", "percent", locale, { signed: true });
      const periodOf = (start: string, end: string) =>
        formatPeriod({ start, end, granularity: granularityOf(start, end) }, displayBasis, locale);
      const impliedNote = p.impliedBy ? words.impliedBy(rateText(p.impliedBy.rate), periodOf(shiftYear(p.start, 1), p.impliedBy.end)) : "";
      const differ = ratesDiffer(p);
      const rateNote = !p.rate
        ? ""
        : differ && p.rate.computed !== undefined
          ? words.rate.both(rateText(p.value), rateText(p.rate.computed))
          : words.rate[p.rate.origin];
      const derivationNote = p.derivation && p.derivation !== "implied" ? words.derivation[p.derivation] : "";
      const notes = [impliedNote, derivationNote, p.combined ? words.combined : "", rateNote].filter(Boolean);
      p.sources.forEach(number);
      points.push({
        x,
        start: p.start,
        end: p.end,
        periodText: periodOf(p.start, p.end),
        value: p.value,
        valueText: formatSeriesValue(p.value, unit, data.indicator.unit, locale, { signed, countWord }),
        qualifier: p.qualifier,
        status: p.status,
        sources: p.sources,
        ...(notes.length ? { note: notes.join("; ") } : {}),
        ...(p.impliedBy ? { implied: true } : {}),
        ...(p.rate ? { rateOrigin: p.rate.origin } : {}),
        ...(differ && p.rate?.computed !== undefined ? { computedText: rateText(p.rate.computed) } : {}),
        ...(p.publishedYoy !== undefined && view.transform === "level" ? { publishedYoyText: rateText(p.publishedYoy) } : {}),
      });
    }
    const emptyReason = points.length
      ? undefined
      : view.axis === "launch" && s.points.length && !zone.launch
        ? words.noLaunch
        : words.noFigures;
    return {
      key: zone.code,
      label: shortZoneName(name(zone)),
      color: colors[index] ?? "#000",
      dash: DASHES[Math.floor(index / 4) % DASHES.length] ?? "",
      basis: s.basis,
      points,
      ...(emptyReason ? { emptyReason } : {}),
    };
  });

  const launches = new Map(series.map((s) => [s.zone.code, s.zone.launch]));
  const colorOf = new Map(modelSeries.map((s) => [s.key, s.color]));
  const labelOf = new Map(modelSeries.map((s) => [s.key, s.label]));
  const xs = modelSeries.flatMap((s) => s.points.map((p) => p.x));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const pad = view.axis === "date" ? Math.max((maxX - minX) * 0.04, 45 * 86_400_000) : Math.max((maxX - minX) * 0.04, 1);
  const domain: [number, number] | null = xs.length ? [minX - pad, maxX + pad] : null;
  const events: ModelEvent[] = [];
  for (const event of data.events) {
    if (!colorOf.has(event.zone) || !domain) continue;
    const x = view.axis === "launch" ? monthsSince(launches.get(event.zone) ?? null, event.date) : time(event.date);
    if (x === null || x < domain[0] || x > domain[1]) continue;
    // Labels of events close together go on separate rows so their numbers do not overlap.
    const previous = events.at(-1);
    const close = previous && Math.abs(x - previous.x) < (domain[1] - domain[0]) * 0.03;
    events.push({
      n: view.eventNumbers?.get(eventKey(event)) ?? events.length + 1,
      x,
      row: close ? (previous.row + 1) % 3 : 0,
      zone: event.zone,
      zoneLabel: labelOf.get(event.zone) ?? event.zone,
      color: colorOf.get(event.zone) ?? "#000",
      dateText: formatDateAt(event.date, event.precision, locale),
      title: eventTitle(event, locale),
    });
  }

  const rows = new Map<string, TableRow>();
  modelSeries.forEach((s, column) => {
    for (const p of s.points) {
      const key = `${p.start}|${p.end}`;
      const row = rows.get(key) ?? { key, periodText: p.periodText, cells: modelSeries.map(() => null) };
      row.cells[column] = p;
      rows.set(key, row);
    }
  });
  const table = [...rows.values()].sort(
    (a, b) => (a.key.split("|")[1] ?? "").localeCompare(b.key.split("|")[1] ?? "") || a.key.localeCompare(b.key),
  );

  const first = series[0]?.series;
  const parts = [
    first ? words.basis[first.basis] : "",
    first?.freq ? words.freq[first.freq] : words.freq.auto,
    view.transform === "index" ? `${words.transform.index} · ${words.baseLabel(view.base ?? "first")}` : words.transform[view.transform],
    unitText(unit, data.indicator.unit, locale, words),
  ].filter(Boolean);
  const sources = data.sources
    .filter((s) => sourceNumbers.has(s.id))
    .map((s) => ({ n: sourceNumbers.get(s.id) as number, id: s.id, title: s.title, url: s.url, publishedOn: s.publishedOn }))
    .sort((a, b) => a.n - b.n);
  // "Data as of": the newest publication among the figures drawn; the last import when none is dated.
  const asOf =
    sources
      .map((s) => s.publishedOn)
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ??
    view.asOf ??
    null;
  return {
    locale,
    title: name(data.indicator),
    subtitle: parts.join(" · "),
    unit,
    baseUnit: data.indicator.unit,
    unitText: unitText(unit, data.indicator.unit, locale, words),
    countWord,
    signed,
    axis: view.axis,
    domain,
    series: modelSeries.map((s) =>
      s.points.length > MAX_DRAWN_POINTS
        ? {
            ...s,
            points: lttb(
              s.points,
              MAX_DRAWN_POINTS,
              (p) => p.x,
              (p) => p.value,
            ),
            downsampledFrom: s.points.length,
          }
        : s,
    ),
    events,
    table,
    sources,
    notes: series.flatMap(({ zone, series: s }) =>
      s.notes.map((note) => ({ zone: shortZoneName(name(zone)), text: words.describeNote(note) })),
    ),
    asOf: asOf ? formatDate(asOf, locale) : null,
  };
}
