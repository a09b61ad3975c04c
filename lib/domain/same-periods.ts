// Like-for-like: the periods that at least two zones have published a figure for on the same basis,
// side by side, and the figures only one zone has. Nothing is dropped for being part-year (H1,
// Jan–Sep) or for being a running total: a single period (or year-to-date span) matches on its exact
// days; a cumulative total or a level matches when the dates they are as of lie within a month of each
// other (each zone's cumulative total runs from its own launch). Pure.
import { daysBetween, type IsoDate } from "./dates.ts";
import type { SeriesObservation } from "./series.ts";
import type { Basis } from "./vocabulary.ts";

/** Cumulative totals and levels are the same period when the dates they are as of are at most this far apart. */
export const AS_OF_TOLERANCE_DAYS = 31;

/** How a row's figures line up: the same days, or as of dates within the tolerance. */
export type MatchKind = "same_days" | "as_of_within";

export type SameFigure = SeriesObservation & { zone: string };

export type SamePeriodRow = {
  key: string;
  /** `period` also stands for year-to-date spans: January to the same day is the same stretch of days. */
  basis: Basis;
  match: MatchKind;
  /** The row's span: the days for single periods; the earliest and latest as-of dates for running totals and levels. */
  start: IsoDate;
  end: IsoDate;
  /** One cell per zone, in the order asked; null where that zone has no figure. */
  cells: (SameFigure | null)[];
};

export type SamePeriods = { rows: SamePeriodRow[]; onlyOne: SameFigure[] };

const spanBasis = (basis: Basis): Basis => (basis === "ytd" ? "period" : basis);
const byEnd = (a: SameFigure, b: SameFigure) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.zone < b.zone ? -1 : 1);

/** Figures of the same days (a single period, or January to the same day). */
function sameDays(figures: readonly SameFigure[], zones: readonly string[]): { rows: SamePeriodRow[]; rest: SameFigure[] } {
  const groups = new Map<string, SameFigure[]>();
  for (const f of figures) {
    const key = `period|${f.start}|${f.end}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rows: SamePeriodRow[] = [];
  const rest: SameFigure[] = [];
  for (const [key, group] of groups) {
    const cells = zones.map((zone) => pick(group.filter((f) => f.zone === zone)));
    if (cells.filter(Boolean).length < 2) {
      rest.push(...group);
      continue;
    }
    const first = group[0] as SameFigure;
    rows.push({ key, basis: "period", match: "same_days", start: first.start, end: first.end, cells });
  }
  return { rows, rest };
}

/** Where a zone has two figures for one cell (a period published as such and as year-to-date), the period one. */
function pick(candidates: readonly SameFigure[]): SameFigure | null {
  return [...candidates].sort((a, b) => (a.basis === b.basis ? a.sourceId - b.sourceId : a.basis === "period" ? -1 : 1))[0] ?? null;
}

/**
 * Running totals or levels as of dates close together: from the earliest unmatched figure, each other
 * zone's unmatched figure closest to it within the tolerance.
 */
function asOfWithin(figures: readonly SameFigure[], zones: readonly string[], basis: Basis): { rows: SamePeriodRow[]; rest: SameFigure[] } {
  const open = [...figures].sort(byEnd);
  const used = new Set<SameFigure>();
  const rows: SamePeriodRow[] = [];
  const rest: SameFigure[] = [];
  for (const anchor of open) {
    if (used.has(anchor)) continue;
    const cells = zones.map((zone) => {
      if (zone === anchor.zone) return anchor;
      let best: SameFigure | null = null;
      for (const f of open) {
        if (used.has(f) || f.zone !== zone) continue;
        const gap = daysBetween(anchor.end, f.end);
        if (gap < 0 || gap > AS_OF_TOLERANCE_DAYS) continue;
        if (!best || gap < daysBetween(anchor.end, best.end)) best = f;
      }
      return best;
    });
    const matched = cells.filter((c): c is SameFigure => c !== null);
    if (matched.length < 2) {
      used.add(anchor);
      rest.push(anchor);
      continue;
    }
    for (const f of matched) used.add(f);
    const ends = matched.map((f) => f.end).sort();
    rows.push({
      key: `${basis}|${ends[0]}|${ends.at(-1)}`,
      basis,
      match: "as_of_within",
      start: ends[0] as IsoDate,
      end: ends.at(-1) as IsoDate,
      cells,
    });
  }
  return { rows, rest };
}

/** The periods zones share on the same basis, oldest first, and the figures only one zone has. */
export function samePeriods(zones: readonly { code: string; observations: readonly SeriesObservation[] }[]): SamePeriods {
  const codes = zones.map((z) => z.code);
  const all: SameFigure[] = zones.flatMap((z) => z.observations.map((o) => ({ ...o, zone: z.code })));
  const spans = sameDays(
    all.filter((f) => spanBasis(f.basis) === "period"),
    codes,
  );
  const cumulative = asOfWithin(
    all.filter((f) => f.basis === "cumulative"),
    codes,
    "cumulative",
  );
  const levels = asOfWithin(
    all.filter((f) => f.basis === "point"),
    codes,
    "point",
  );
  const rows = [...spans.rows, ...cumulative.rows, ...levels.rows].sort(
    (a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start) || a.basis.localeCompare(b.basis),
  );
  const onlyOne = [...spans.rest, ...cumulative.rest, ...levels.rest].sort(byEnd);
  return { rows, onlyOne };
}
