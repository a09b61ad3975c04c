// The coverage matrix: for each indicator (row) and zone (column), the years that have figures and on
// which bases. Pure: counts in, a matrix out.
import { BASES, type Basis } from "./vocabulary.ts";

export type CoverageCount = { zone: string; indicator: string; basis: Basis; year: number; n: number };
export type CoverageCell = { figures: number; years: Map<number, Basis[]> };

export type CoverageMatrix = {
  years: number[];
  zones: string[];
  indicators: string[];
  cell: (indicator: string, zone: string) => CoverageCell | undefined;
};

export function coverageMatrix(counts: readonly CoverageCount[], zones: readonly string[]): CoverageMatrix {
  const inZones = counts.filter((c) => zones.includes(c.zone));
  const cells = new Map<string, CoverageCell>();
  for (const c of inZones) {
    const key = `${c.indicator}|${c.zone}`;
    const cell = cells.get(key) ?? { figures: 0, years: new Map<number, Basis[]>() };
    cell.figures += c.n;
    const bases = cell.years.get(c.year) ?? [];
    if (!bases.includes(c.basis)) bases.push(c.basis);
    bases.sort((a, b) => BASES.indexOf(a) - BASES.indexOf(b));
    cell.years.set(c.year, bases);
    cells.set(key, cell);
  }
  const years = inZones.map((c) => c.year);
  const first = years.length ? Math.min(...years) : 0;
  const last = years.length ? Math.max(...years) : -1;
  return {
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    zones: zones.filter((z) => inZones.some((c) => c.zone === z)),
    indicators: [...new Set(inZones.map((c) => c.indicator))],
    cell: (indicator, zone) => cells.get(`${indicator}|${zone}`),
  };
}

export type CoverageGridRow = { zone: string; indicator: string; year: number; bases: Basis[]; figures: number };

/**
 * The coverage as a table a spreadsheet needs no pivot for: every zone and indicator that has figures,
 * every year from the first to the last year of the data, with the bases present — empty where none
 * (the gaps are rows too).
 */
export function coverageGrid(counts: readonly CoverageCount[]): CoverageGridRow[] {
  if (counts.length === 0) return [];
  const years = counts.map((c) => c.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const byKey = new Map<string, Map<number, { bases: Set<Basis>; figures: number }>>();
  for (const c of counts) {
    const key = `${c.zone}|${c.indicator}`;
    const perYear = byKey.get(key) ?? new Map<number, { bases: Set<Basis>; figures: number }>();
    const cell = perYear.get(c.year) ?? { bases: new Set<Basis>(), figures: 0 };
    cell.bases.add(c.basis);
    cell.figures += c.n;
    perYear.set(c.year, cell);
    byKey.set(key, perYear);
  }
  const rows: CoverageGridRow[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const [zone = "", indicator = ""] = key.split("|");
    const perYear = byKey.get(key);
    for (let year = first; year <= last; year += 1) {
      const cell = perYear?.get(year);
      rows.push({ zone, indicator, year, bases: cell ? BASES.filter((b) => cell.bases.has(b)) : [], figures: cell?.figures ?? 0 });
    }
  }
  return rows;
}
