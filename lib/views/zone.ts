// The view model of a zone page: one panel per indicator (a chart of the zone and its areas on the basis with
// the most points, or a figure card when a single figure is all there is), the other bases a click away, the
// planned area today and the count of indicators per category. Pure: the page reads the data and renders this.
import { chartModel, type ChartModel, type ModelPoint, type ModelSeries, type ModelWords } from "../domain/chart-model.ts";
import { compare, type CompareData } from "../domain/compare.ts";
import { qualifierMark, type Locale } from "../domain/format.ts";
import { areaHistory } from "../domain/transforms.ts";
import { BASES, type Basis } from "../domain/vocabulary.ts";
import type { IsoDate } from "../domain/dates.ts";
import { viewQuery } from "../validation/compare.ts";

export type ZonePanel = {
  key: string;
  model: ChartModel;
  /** The only figure drawn, when there is one: shown as a figure card, not a chart with one dot. */
  single: { series: ModelSeries; point: ModelPoint } | null;
  /** The other bases this indicator has figures on, each with how many points it would draw. */
  otherBases: { label: string; href: string }[];
  /** The zone's own latest published figure ("≥ CNY 500 bn (2021)"). */
  latest: string | null;
  query: string;
  compareHref: string;
  dataHref: string;
};

export type ZonePanelOptions = {
  code: string;
  /** Only the indicators of this category ("" for all). */
  category: string;
  /** Draw the zone's areas beside it. */
  showAreas: boolean;
  locale: Locale;
  words: ModelWords;
  /** The page's one numbering of events, shared by the timeline and every chart. */
  eventNumbers: ReadonlyMap<string, number>;
};

const categoryOf = (d: CompareData) => d.indicator.category ?? "other";

export function zonePanels(datasets: readonly CompareData[], options: ZonePanelOptions): ZonePanel[] {
  const { code, category, showAreas, locale, words, eventNumbers } = options;
  return datasets
    .filter((d) => !category || categoryOf(d) === category)
    .slice()
    .sort(
      (a, b) => (a.indicator.category ?? "").localeCompare(b.indicator.category ?? "") || a.indicator.code.localeCompare(b.indicator.code),
    )
    .flatMap((dataset) => {
      const zones = dataset.zones.filter((z, i) => z.observations.length > 0 && (i === 0 || showAreas));
      if (zones.length === 0) return [];
      const data = { ...dataset, zones };
      const comparison = compare(data, { transform: "level" });
      if ("problem" in comparison) return [];
      const { basis } = comparison.basis;
      const model = chartModel(data, comparison.series, comparison.unit, { transform: "level", axis: "date", eventNumbers }, locale, words);
      const own = model.series
        .find((s) => s.key === code)
        ?.points.filter((p) => !p.implied)
        .at(-1);
      const codes = zones.map((z) => z.code);
      const query = viewQuery({ indicator: dataset.indicator.code, zones: codes, basis });
      const drawn = model.series.filter((s) => s.points.length > 0);
      const only = drawn.length === 1 ? drawn[0] : undefined;
      const single = only?.points.length === 1 && only.points[0] ? { series: only, point: only.points[0] } : null;
      const otherBases = BASES.filter((b: Basis) => b !== basis && (comparison.basis.points[b] ?? 0) > 0).map((b) => ({
        label: `${words.basis[b]} (${comparison.basis.points[b]})`,
        href: `/compare?${viewQuery({ indicator: dataset.indicator.code, zones: codes, basis: b })}`,
      }));
      return [
        {
          key: dataset.indicator.code,
          model,
          single,
          otherBases,
          latest: own ? `${qualifierMark(own.qualifier, locale)}${own.valueText} (${own.periodText})` : null,
          query,
          compareHref: `/compare?${query}`,
          dataHref: `/data?zone=${codes.join(",")}&indicator=${dataset.indicator.code}`,
        },
      ];
    });
}

/**
 * The zone's planned area on `today`: the latest published area plus what expansions added since (the zone
 * table's area is the one at launch), with the date of the latest of those figures; else the zone table's area.
 */
export function plannedArea(
  datasets: readonly CompareData[],
  code: string,
  today: IsoDate,
  fallbackKm2: number | null,
): { km2: number; asOf: IsoDate | undefined } | undefined {
  const zone = datasets[0]?.zones.find((z) => z.code === code);
  if (zone) {
    const km2 = areaHistory(zone.areaLevels, zone.areaAdditions, zone.areaKm2)(today);
    const asOf = [...zone.areaLevels, ...zone.areaAdditions]
      .map((l) => l.date)
      .sort()
      .at(-1);
    if (km2) return { km2, asOf };
  }
  return fallbackKm2 ? { km2: fallbackKm2, asOf: undefined } : undefined;
}

/** How many of the zone's indicators each category holds (an indicator without one counts as "other"). */
export function categoryCounts(datasets: readonly CompareData[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of datasets) counts.set(categoryOf(d), (counts.get(categoryOf(d)) ?? 0) + 1);
  return counts;
}
