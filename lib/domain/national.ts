// The national picture: every pilot FTZ with its launch, batch, planned area, areas and its latest figure
// on the key indicators, each figure with its period, basis and source. Pure: the figures come in as
// arguments. Ranking never hides a period: the view says how many periods a sorted column mixes, and
// offers the figures of the one period most zones share instead. A share of the province is taken as
// published or computed from the zone's and the province's figures of the same indicator, period and basis.
import type { Indicator, Zone } from "./catalog.ts";
import type { IsoDate } from "./dates.ts";
import { shortZoneName, type SourceRef } from "./figures.ts";
import { batchOf, type PeerGroup } from "./peer-groups.ts";
import { areaHistory } from "./transforms.ts";
import type { Basis, Granularity, Qualifier, Status } from "./vocabulary.ts";

export type NationalFigure = {
  zone: string;
  indicator: string;
  basis: Basis;
  start: IsoDate;
  end: IsoDate;
  granularity: Granularity;
  value: number;
  qualifier: Qualifier;
  status: Status;
  source: SourceRef;
  quote: string | null;
};

export type NationalZone = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  launch: IsoDate | null;
  areaKm2: number | null;
  province: Pick<Zone, "code" | "nameEn" | "nameZh"> | null;
  areas: { code: string; nameEn: string; nameZh: string | null; areaKm2: number | null }[];
  /** How many figures the database holds for the zone, on any indicator. */
  figureCount: number;
};

export type NationalIndicator = Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit" | "comparable">;

export type NationalData = {
  zones: NationalZone[];
  indicators: NationalIndicator[];
  /** Figures of the key indicators for the FTZs and their provinces, plus planned areas and area shares. */
  figures: NationalFigure[];
};

export const TRADE = "import_export";
export const TRADE_SHARE = "import_export_share_of_province";
export const AREA = "area_size";
export const AREA_ADDED = "area_added";
export const AREA_SHARE = "area_share_of_province";
export const FDI_SHARE = "fdi_share_of_province";

/** The indicators of the national table, in column order. */
export const NATIONAL_INDICATORS = [
  "new_enterprises",
  "actual_use_foreign_capital",
  TRADE,
  TRADE_SHARE,
  "institutional_innovation_results",
] as const;

/** Highlighted wherever FTZs are listed. */
export const HIGHLIGHTED = ["anhui-ftz", "zhejiang-ftz"] as const;

/** A cell: a published figure, or a share computed from the zone's and its province's published figures. */
export type NationalCell = {
  figure: NationalFigure;
  computed?: { zone: NationalFigure; province: NationalFigure; published?: NationalFigure };
};

export type PeriodKey = { basis: Basis; start: IsoDate; end: IsoDate; granularity: Granularity };

export type Framing = {
  zone: string;
  /** The zone's share of the province's imports and exports (published, or computed). */
  trade?: NationalCell;
  /** The zone's share of the province's land area, as published, when it is. */
  area?: NationalFigure;
  /** A bound above the area share to write "with under X% of the area" (0.06 → 0.1). */
  areaBound?: number;
  /** The zone's imports and exports per km² of its planned area, for the trade figure's period. */
  perKm2?: { value: number; trade: NationalFigure; areaKm2: number };
  /** Every share computable from same-period figures of the zone and its province (trade, foreign capital). */
  computed: NationalCell[];
};

export type NationalRow = {
  zone: NationalZone;
  batch: PeerGroup | undefined;
  /** The planned area today: the latest published level plus the areas added since, else the zone's recorded area. */
  plannedArea: { km2: number; figure?: NationalFigure; added: NationalFigure[] } | null;
  highlighted: boolean;
  cells: Partial<Record<string, NationalCell>>;
  framing?: Framing;
};

export type NationalOptions = { sort?: string; descending?: boolean; samePeriod?: boolean };

export type NationalView = {
  rows: NationalRow[];
  indicators: NationalIndicator[];
  sort: string;
  descending: boolean;
  /** For a sorted indicator column: how many different periods (with basis) its figures cover. */
  sortedPeriods: number;
  /** The period most zones have a figure for, on the sorted indicator (at least two zones). */
  sharedPeriod?: PeriodKey & { zones: number };
  /** True when the sorted column shows only the figures of the shared period. */
  samePeriod: boolean;
};

const periodId = (f: { basis: Basis; start: IsoDate; end: IsoDate }) => `${f.basis}|${f.start}|${f.end}`;

const bySeriesEnd = (a: NationalFigure, b: NationalFigure) =>
  a.end.localeCompare(b.end) || BASIS_ORDER.indexOf(b.basis) - BASIS_ORDER.indexOf(a.basis) || a.start.localeCompare(b.start);
// At the same end, a single period beats a running total (as on the overview).
const BASIS_ORDER: readonly Basis[] = ["period", "ytd", "cumulative", "point"];

function latest<T extends NationalFigure>(figures: readonly T[]): T | undefined {
  return [...figures].sort(bySeriesEnd).at(-1);
}

function combineQualifiers(a: Qualifier, b: Qualifier): Qualifier {
  return a === "exact" && b === "exact" ? "exact" : "approx";
}

/** The levels whose share of the province can be computed, and the indicator of the published share. */
export const SHARES = [
  { level: TRADE, share: TRADE_SHARE },
  { level: "actual_use_foreign_capital", share: FDI_SHARE },
] as const;

/**
 * Every share of the province computable from the zone's and its province's published figures of the same
 * indicator, period and basis; each with the published share of that period, when there is one, beside it.
 */
export function computedShares(
  zone: NationalZone,
  figures: readonly NationalFigure[],
  level: string = TRADE,
  share: string = TRADE_SHARE,
): NationalCell[] {
  const provinceCode = zone.province?.code;
  if (!provinceCode) return [];
  const provinceByPeriod = new Map(figures.filter((f) => f.zone === provinceCode && f.indicator === level).map((f) => [periodId(f), f]));
  const publishedByPeriod = new Map(figures.filter((f) => f.zone === zone.code && f.indicator === share).map((f) => [periodId(f), f]));
  return figures
    .filter((f) => f.zone === zone.code && f.indicator === level)
    .flatMap((own): NationalCell[] => {
      const province = provinceByPeriod.get(periodId(own));
      if (!province || province.value <= 0) return [];
      const published = publishedByPeriod.get(periodId(own));
      return [
        {
          figure: {
            ...own,
            indicator: share,
            value: (own.value / province.value) * 100,
            qualifier: combineQualifiers(own.qualifier, province.qualifier),
            status: own.status !== "ok" ? own.status : province.status,
            // A computed figure has no source of its own: the cell names both.
            source: own.source,
            quote: null,
          },
          computed: { zone: own, province, ...(published ? { published } : {}) },
        },
      ];
    });
}

/** The zone's share of its province: the published figures, and computed ones for the periods none was published for. */
export function shareCells(
  zone: NationalZone,
  figures: readonly NationalFigure[],
  level: string = TRADE,
  share: string = TRADE_SHARE,
): NationalCell[] {
  const published = figures.filter((f) => f.zone === zone.code && f.indicator === share).map((figure) => ({ figure }));
  return [...published, ...computedShares(zone, figures, level, share).filter((cell) => !cell.computed?.published)];
}

/** Every cell a zone has for an indicator (a share includes the computed ones). */
function cellsOf(
  zone: NationalZone,
  indicator: string,
  figures: readonly NationalFigure[],
  byZone: Map<string, NationalFigure[]>,
): NationalCell[] {
  if (indicator === TRADE_SHARE) return shareCells(zone, figures);
  return (byZone.get(zone.code) ?? []).filter((f) => f.indicator === indicator).map((figure) => ({ figure }));
}

function latestCell(cells: readonly NationalCell[]): NationalCell | undefined {
  // A published share and a computed one of the same period: the published one (shareCells keeps it first).
  return [...cells].sort((a, b) => bySeriesEnd(a.figure, b.figure) || (a.computed ? 0 : 1) - (b.computed ? 0 : 1)).at(-1);
}

/** A round bound above a small share, for "under X%": the next of 1, 2, 5 × 10ⁿ above it (0.06 → 0.1, 0.1 → 0.2, 12 → 20). */
export function upperBound(value: number): number {
  if (!(value > 0)) return 0;
  let magnitude = 10 ** Math.floor(Math.log10(value));
  for (;;) {
    for (const step of [1, 2, 5]) {
      const bound = Number((step * magnitude).toPrecision(6));
      if (bound > value) return bound;
    }
    magnitude *= 10;
  }
}

function framingOf(
  zone: NationalZone,
  shares: readonly NationalCell[],
  figures: readonly NationalFigure[],
  areaAt: (date: IsoDate) => number | undefined,
) {
  const areaShares = figures.filter((f) => f.zone === zone.code && f.indicator === AREA_SHARE);
  // With a published area share: the trade share nearest to it in time (areas change rarely; ties: the later).
  // Without: the latest trade share.
  const pairs = areaShares.flatMap((area) =>
    shares.map((trade) => ({ area, trade, gap: Math.abs(dayNumber(area.end) - dayNumber(trade.figure.end)) })),
  );
  const best = pairs.sort((x, y) => x.gap - y.gap || bySeriesEnd(y.trade.figure, x.trade.figure))[0];
  const trade = best?.trade ?? latestCell(shares);
  const tradeLevels = figures.filter((f) => f.zone === zone.code && f.indicator === TRADE);
  const tradeLevel =
    trade?.computed?.zone ?? (trade ? tradeLevels.find((f) => periodId(f) === periodId(trade.figure)) : undefined) ?? latest(tradeLevels);
  const km2 = tradeLevel ? areaAt(tradeLevel.end) : undefined;
  const perKm2 = tradeLevel && km2 && km2 > 0 ? { value: tradeLevel.value / km2, trade: tradeLevel, areaKm2: km2 } : undefined;
  const computed = SHARES.flatMap(({ level, share }) => computedShares(zone, figures, level, share));
  if (!trade && !perKm2 && computed.length === 0) return undefined;
  const framing: Framing = { zone: zone.code, ...(trade ? { trade } : {}), ...(perKm2 ? { perKm2 } : {}), computed };
  if (best && trade) {
    framing.area = best.area;
    framing.areaBound = best.area.qualifier === "at_most" ? best.area.value : upperBound(best.area.value);
  }
  return framing;
}

function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The period (with basis) most zones have a cell for; ties go to the later end. Undefined below two zones. */
export function sharedPeriodOf(cellsByZone: ReadonlyMap<string, readonly NationalCell[]>): (PeriodKey & { zones: number }) | undefined {
  const counts = new Map<string, { key: PeriodKey; zones: Set<string> }>();
  for (const [zone, cells] of cellsByZone) {
    for (const { figure } of cells) {
      const id = periodId(figure);
      const entry = counts.get(id) ?? {
        key: { basis: figure.basis, start: figure.start, end: figure.end, granularity: figure.granularity },
        zones: new Set(),
      };
      entry.zones.add(zone);
      counts.set(id, entry);
    }
  }
  const best = [...counts.values()].sort(
    (a, b) => b.zones.size - a.zones.size || b.key.end.localeCompare(a.key.end) || a.key.start.localeCompare(b.key.start),
  )[0];
  return best && best.zones.size >= 2 ? { ...best.key, zones: best.zones.size } : undefined;
}

const nameOf = (row: NationalRow) => shortZoneName(row.zone.nameEn);

/** The national table: rows (FTZs), sorted as asked, with what the reader must know about the sorted periods. */
export function buildNationalView(data: NationalData, options: NationalOptions = {}): NationalView {
  const indicators = NATIONAL_INDICATORS.map((code) => data.indicators.find((i) => i.code === code)).filter(
    (i): i is NationalIndicator => i !== undefined,
  );
  const byZone = new Map<string, NationalFigure[]>();
  for (const f of data.figures) byZone.set(f.zone, [...(byZone.get(f.zone) ?? []), f]);

  const allCells = new Map<string, Map<string, NationalCell[]>>();
  for (const indicator of indicators) {
    allCells.set(indicator.code, new Map(data.zones.map((zone) => [zone.code, cellsOf(zone, indicator.code, data.figures, byZone)])));
  }

  const sortIndicator = indicators.find((i) => i.code === options.sort);
  // Never ranked: an indicator each zone counts its own way sorts nothing.
  const sortable = sortIndicator?.comparable ? sortIndicator : undefined;
  const sort = sortable ? sortable.code : options.sort === "launch" || options.sort === "area" ? options.sort : "name";
  const descending = sort === "name" ? false : (options.descending ?? (sortable ? true : false));
  const sharedPeriod = sortable ? sharedPeriodOf(allCells.get(sortable.code) ?? new Map()) : undefined;
  const samePeriod = Boolean(options.samePeriod && sharedPeriod);

  const rows: NationalRow[] = data.zones.map((zone) => {
    const own = byZone.get(zone.code) ?? [];
    const levels = own.filter((f) => f.indicator === AREA && f.basis === "point");
    const additions = own.filter((f) => f.indicator === AREA_ADDED);
    const areaAt = areaHistory(
      levels.map((f) => ({ date: f.end, km2: f.value })),
      additions.map((f) => ({ date: f.end, km2: f.value })),
      zone.areaKm2,
    );
    const areaFigure = latest(levels);
    const today = areaAt("9999-12-31");
    const plannedArea =
      today === undefined
        ? null
        : {
            km2: today,
            ...(areaFigure ? { figure: areaFigure } : {}),
            added: additions.filter((a) => !areaFigure || a.end > areaFigure.end),
          };
    const cells: Partial<Record<string, NationalCell>> = {};
    for (const indicator of indicators) {
      const list = allCells.get(indicator.code)?.get(zone.code) ?? [];
      const chosen =
        samePeriod && sharedPeriod && indicator.code === sortable?.code
          ? list.find((c) => periodId(c.figure) === periodId(sharedPeriod))
          : latestCell(list);
      if (chosen) cells[indicator.code] = chosen;
    }
    const framing = framingOf(zone, allCells.get(TRADE_SHARE)?.get(zone.code) ?? shareCells(zone, data.figures), data.figures, areaAt);
    return {
      zone,
      batch: batchOf(zone.code),
      plannedArea,
      highlighted: (HIGHLIGHTED as readonly string[]).includes(zone.code),
      cells,
      ...(framing ? { framing } : {}),
    };
  });

  const key = (row: NationalRow): number | string | undefined => {
    if (sort === "launch") return row.zone.launch ?? undefined;
    if (sort === "area") return row.plannedArea?.km2;
    if (sortable) return row.cells[sortable.code]?.figure.value;
    return nameOf(row);
  };
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Zones without a figure go last, whichever the direction.
    if (ka === undefined || kb === undefined) return ka === kb ? nameOf(a).localeCompare(nameOf(b)) : ka === undefined ? 1 : -1;
    const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
    return (descending ? -order : order) || nameOf(a).localeCompare(nameOf(b));
  });

  const sortedPeriods = sortable
    ? new Set(rows.flatMap((r) => (r.cells[sortable.code] ? [periodId(r.cells[sortable.code]!.figure)] : []))).size
    : 0;
  return { rows, indicators, sort, descending, sortedPeriods, ...(sharedPeriod ? { sharedPeriod } : {}), samePeriod };
}

export const NATIONAL_EXPORT_COLUMNS = [
  "zone",
  "name_en",
  "name_zh",
  "province",
  "launched",
  "batch",
  "planned_area_km2",
  "indicator",
  "basis",
  "period_start",
  "period_end",
  "value",
  "unit",
  "qualifier",
  "status",
  "computed_from",
  "source_title",
  "source_url",
  "published_on",
] as const;

/** The national table as long rows, one per zone and key indicator (a zone without figures keeps one row). */
export function nationalExportRows(view: NationalView): (string | number | null)[][] {
  return view.rows.flatMap((row) => {
    const head = [
      row.zone.code,
      row.zone.nameEn,
      row.zone.nameZh,
      row.zone.province?.code ?? null,
      row.zone.launch,
      row.batch?.nameEn ?? null,
      row.plannedArea ? Number(row.plannedArea.km2.toPrecision(12)) : null,
    ];
    const cells = view.indicators.flatMap((indicator) => {
      const cell = row.cells[indicator.code];
      if (!cell) return [];
      const { figure, computed } = cell;
      return [
        [
          ...head,
          indicator.code,
          figure.basis,
          figure.start,
          figure.end,
          Number(figure.value.toPrecision(12)),
          indicator.unit,
          figure.qualifier,
          figure.status,
          computed ? `${computed.zone.zone} ${computed.zone.indicator} ÷ ${computed.province.zone} ${computed.province.indicator}` : null,
          computed ? `${computed.zone.source.title} ÷ ${computed.province.source.title}` : figure.source.title,
          computed ? null : figure.source.url,
          computed ? null : figure.source.publishedOn,
        ],
      ];
    });
    return cells.length > 0 ? cells : [[...head, ...NATIONAL_EXPORT_COLUMNS.slice(head.length).map(() => null)]];
  });
}
