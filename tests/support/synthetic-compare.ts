// Synthetic comparisons for the export tests (PDF layout, PDF marks, SVG in other renderers): an annual
// flow indicator, zones "Synthetic Zone A/B" and numbered "Synthetic Bulletin" sources, turned into the chart
// model the exports draw. Never real data.
import { chartModel, type ChartModel } from "@/lib/domain/chart-model";
import { compare, type CompareData, type CompareZone, type CompareSource } from "@/lib/domain/compare";
import type { Locale } from "@/lib/domain/format";
import type { SeriesObservation } from "@/lib/domain/series";
import { chartWords } from "@/lib/i18n/chart-words";

/** One annual figure (a whole calendar year) of `value` yuan from source `sourceId`. */
export function annual(year: number, value: number, sourceId: number, yoyPct: number | null = null): SeriesObservation {
  return { start: `${year}-01-01`, end: `${year}-12-31`, value, basis: "period", qualifier: "exact", status: "ok", sourceId, yoyPct };
}

/** Zone "synthetic-a" (甲) or "synthetic-b" (乙), an FTZ without a parent. */
export function syntheticZone(
  letter: "a" | "b",
  observations: SeriesObservation[],
  options: { nameEn?: string; nameZh?: string | null; launch?: string | null } = {},
): CompareZone {
  return {
    code: `synthetic-${letter}`,
    nameEn: options.nameEn ?? `Synthetic Zone ${letter.toUpperCase()}`,
    nameZh: options.nameZh === undefined ? `合成${letter === "a" ? "甲" : "乙"}区` : options.nameZh,
    kind: "ftz",
    parentCode: null,
    launch: options.launch ?? null,
    areaKm2: null,
    areaLevels: [],
    areaAdditions: [],
    observations,
    parentObservations: [],
  };
}

/** Sources 1…n titled "Synthetic Bulletin N" unless `title` says otherwise. */
export function syntheticSources(
  n: number,
  options: { title?: (id: number) => string; url?: (id: number) => string | null; publishedOn?: string | null } = {},
): CompareSource[] {
  return Array.from({ length: n }, (_, i) => i + 1).map((id) => ({
    id,
    title: options.title?.(id) ?? `Synthetic Bulletin ${id}`,
    url: options.url?.(id) ?? null,
    publishedOn: options.publishedOn ?? null,
  }));
}

/** A comparison of the synthetic annual trade indicator (合成贸易额, yuan) for these zones. */
export function syntheticData(zones: CompareZone[], sources: CompareSource[], events: CompareData["events"] = []): CompareData {
  return {
    indicator: {
      code: "synthetic_trade",
      nameEn: "Synthetic trade",
      nameZh: "合成贸易额",
      unit: "CNY",
      kind: "flow",
      category: null,
      description: null,
      comparable: true,
    },
    zones,
    sources,
    events,
  };
}

/** The chart model of a yearly comparison of `data`, as the compare page and the exports build it. */
export function yearlyModel(
  data: CompareData,
  locale: Locale,
  options: { transform?: "level" | "yoy"; axis?: "date" | "launch" } = {},
): ChartModel {
  const transform = options.transform ?? "level";
  const comparison = compare(data, { transform, basis: "period", freq: "year" });
  if ("problem" in comparison) throw new Error(`expected a comparison, got ${comparison.problem.error}`);
  return chartModel(
    data,
    comparison.series,
    comparison.unit,
    { transform, axis: options.axis ?? "date", freq: "year" },
    locale,
    chartWords(locale),
  );
}
