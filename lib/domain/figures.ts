// Plain shapes of what pages show: zones and figures as the database gives them, no Prisma types.
import type { Indicator, Zone } from "./catalog.ts";
import type { IsoDate } from "./dates.ts";
import type { Locale } from "./format.ts";
import type { Basis, Granularity, Qualifier, Status, ZoneKind } from "./vocabulary.ts";

export type ZoneSummary = Omit<Zone, "note" | "aliases">;

export type SourceRef = { title: string; url: string | null; publishedOn: IsoDate | null };

export type Figure = {
  id: number;
  zoneCode: string;
  indicator: Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit" | "category">;
  period: { label: string; start: IsoDate; end: IsoDate; granularity: Granularity };
  basis: Basis;
  value: number;
  qualifier: Qualifier;
  status: Status;
  source: SourceRef;
  quote: string | null;
};

const KIND_RANK: Record<ZoneKind, number> = { ftz: 0, area: 1, province: 2, port: 3, city: 4, country: 5, group: 6 };

/** The two zones the tool is built around: the overview compares them like for like. */
export const HEADLINE_PAIR = ["anhui-ftz", "zhejiang-ftz"] as const;

// The two zones the tool is built around come first, in this order, wherever zones are listed.
const FIRST = [...HEADLINE_PAIR, "anhui", "zhejiang"];

/**
 * The zones that belong with the headline pair on the overview: the pair's provinces and every zone
 * under them (areas, cities, ports), in reading order. Other zones are on their own pages.
 */
export function headlineFamily<T extends Pick<ZoneSummary, "code" | "kind" | "parentCode">>(zones: readonly T[]): T[] {
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const roots = new Set(HEADLINE_PAIR.map((code) => byCode.get(code)?.parentCode ?? code));
  const inFamily = (zone: T): boolean => {
    for (let z: T | undefined = zone, depth = 0; z && depth < 10; z = z.parentCode ? byCode.get(z.parentCode) : undefined, depth++)
      if (roots.has(z.code)) return true;
    return false;
  };
  return orderZones(zones.filter(inFamily));
}
const firstRank = (code: string) => (FIRST.includes(code) ? FIRST.indexOf(code) : FIRST.length);

/**
 * Zones in reading order: each FTZ followed by its areas (depth first), then provinces, ports, cities,
 * countries and groups. Zones whose parent comes first keep their parent's place.
 */
export function orderZones<T extends Pick<ZoneSummary, "code" | "kind" | "parentCode">>(zones: readonly T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  for (const zone of zones) {
    const list = byParent.get(zone.parentCode) ?? [];
    list.push(zone);
    byParent.set(zone.parentCode, list);
  }
  const codes = new Set(zones.map((z) => z.code));
  const ordered: T[] = [];
  const visit = (zone: T) => {
    ordered.push(zone);
    for (const child of (byParent.get(zone.code) ?? []).filter((c) => c.kind === "area").sort((a, b) => a.code.localeCompare(b.code)))
      visit(child);
  };
  const tops = zones
    .filter((z) => !(z.kind === "area" && z.parentCode && codes.has(z.parentCode)))
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || firstRank(a.code) - firstRank(b.code) || a.code.localeCompare(b.code));
  tops.forEach(visit);
  return ordered;
}

/**
 * One observation as the data explorer lists it: the figure with its zone and indicator by name, what was
 * published (value, unit, year-on-year change), its source and whether it was revised. The API's rows and
 * the CSV/XLSX columns are this in the data format's snake_case (lib/export/observation-rows.ts).
 */
export type Observation = {
  id: number;
  zone: Pick<Zone, "code" | "nameEn" | "nameZh">;
  /** The indicator's base unit is the unit of `value`. */
  indicator: Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit">;
  period: Figure["period"];
  basis: Basis;
  value: number;
  publishedValue: number;
  publishedUnit: string;
  qualifier: Qualifier;
  /** The change on the same period a year earlier as published with the figure, in percent. */
  yoyPct: number | null;
  status: Status;
  source: SourceRef & { id: number };
  quote: string | null;
  note: string | null;
  revised: boolean;
  /** An instant, `YYYY-MM-DDTHH:MM:SSZ` (UTC), as are the vintage's. */
  updatedAt: string;
};

/** An earlier value of a revised observation: what was published then, and when it was replaced. */
export type Vintage = Pick<Observation, "value" | "publishedValue" | "publishedUnit" | "qualifier" | "yoyPct" | "status" | "quote"> & {
  source: SourceRef;
  recordedAt: string;
  supersededAt: string;
  importId: number | null;
  supersededByImportId: number | null;
};

/**
 * A zone's name short enough for legends and table cells: "China (Anhui) Pilot Free Trade Zone" →
 * "Anhui FTZ", "中国（安徽）自由贸易试验区" → "安徽自贸试验区"; other names as they are.
 */
export function shortZoneName(name: string): string {
  const en = /^China \((.+)\) Pilot Free[- ]Trade Zone$/.exec(name);
  if (en) return `${en[1]} FTZ`;
  const zh = /^中国（(.+)）自由贸易试验区$/.exec(name);
  if (zh) return `${zh[1]}自贸试验区`;
  return name;
}

/** A name from the database (a zone's, an indicator's) in the reader's language, falling back to English. */
export function localName(item: { nameEn: string; nameZh: string | null }, locale: Locale): string {
  return locale === "zh" && item.nameZh ? item.nameZh : item.nameEn;
}

/** An event's title in the reader's language, falling back to English. */
export function eventTitle(event: { titleEn: string; titleZh: string | null }, locale: Locale): string {
  return locale === "zh" && event.titleZh ? event.titleZh : event.titleEn;
}

/** A zone's name in the reader's language, short or full. */
export function zoneName(zone: { nameEn: string; nameZh: string | null }, locale: Locale, short = false): string {
  const name = localName(zone, locale);
  return short ? shortZoneName(name) : name;
}
