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
