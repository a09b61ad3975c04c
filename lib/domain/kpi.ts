// Key figures of the overview: for a zone and indicator, the latest figure, its change on the same
// period a year earlier, and the comparable figures before it for a sparkline. Pure.
import type { Indicator } from "./catalog.ts";
import type { IsoDate } from "./dates.ts";
import { combineQualifiers } from "./qualifiers.ts";
import { shiftYear } from "./transforms.ts";
import type { Basis, Granularity, Qualifier, Status } from "./vocabulary.ts";

/** The indicators the overview shows first, in this order, where a zone has figures for them. */
export const CORE_INDICATORS = [
  "new_enterprises",
  "signed_projects_investment",
  "actual_use_foreign_capital",
  "import_export",
  "institutional_innovation_results",
  "port_cargo_throughput",
  "port_container_throughput",
  "signed_projects_count",
] as const;

export type KpiPoint = { start: IsoDate; end: IsoDate; value: number; qualifier: Qualifier; status: Status };

export type YearOnYear = {
  value: number;
  unit: "percent" | "pp";
  qualifier: Qualifier;
  /** Published with the figure (it wins), or computed from the figure a year earlier. */
  origin: "published" | "computed";
  priorEnd: IsoDate | null;
};

/**
 * The change of the latest point on a year earlier: the rate published with it when there is one (on a
 * comparable basis, 按可比口径), else computed from the point a year earlier (same span); null when neither.
 */
export function yearOnYearOf(
  latest: KpiPoint & { yoyPct?: number | null },
  history: readonly KpiPoint[],
  basis: Basis,
  isRate: boolean,
): YearOnYear | null {
  if (!isRate && latest.yoyPct !== undefined && latest.yoyPct !== null)
    return { value: latest.yoyPct, unit: "percent", qualifier: "exact", origin: "published", priorEnd: null };
  if (basis === "cumulative") return null;
  const start = shiftYear(latest.start, -1);
  const end = shiftYear(latest.end, -1);
  const prior = history.find((p) => p.start === start && p.end === end);
  if (!prior || (!isRate && prior.value <= 0)) return null;
  return {
    value: isRate ? latest.value - prior.value : (latest.value / prior.value - 1) * 100,
    unit: isRate ? "pp" : "percent",
    qualifier: combineQualifiers([
      { qualifier: latest.qualifier, effect: 1 },
      { qualifier: prior.qualifier, effect: -1 },
    ]),
    origin: "computed",
    priorEnd: prior.end,
  };
}

/** Which indicators a zone's cards show: the core ones it has, then its best-covered others, at most `max`. */
export function pickKpiIndicators(available: ReadonlyMap<string, number>, max = 6): string[] {
  const core = CORE_INDICATORS.filter((code) => available.has(code));
  const others = [...available.entries()]
    .filter(([code]) => !(CORE_INDICATORS as readonly string[]).includes(code) && code !== "area_size" && code !== "area_added")
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code]) => code);
  // A zone with enough core figures shows them and one more; a zone with few is filled with its others.
  const limit = core.length >= 3 ? Math.min(max, core.length + 1) : max;
  return [...core, ...others].slice(0, limit);
}

/** A zone and indicator on the overview: the latest figure, its source, and the comparable figures before it. */
export type OverviewFigure = {
  zone: string;
  indicator: Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit" | "kind">;
  basis: Basis;
  granularity: Granularity;
  latest: KpiPoint & { yoyPct: number | null };
  source: { title: string; url: string | null; publishedOn: IsoDate | null };
  quote: string | null;
  /** Comparable figures, oldest first, the latest included (at most 25). */
  history: KpiPoint[];
};
