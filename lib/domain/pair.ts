// The overview's like-for-like pair: for the two zones the tool is built around, every indicator both
// have, each on the latest period they share (same basis, same days, or as of dates within a month);
// where they share none, each zone's latest figure, said to be of different periods. Pure.
import type { Indicator } from "./catalog.ts";
import { CORE_INDICATORS } from "./kpi.ts";
import { samePeriods, type SameFigure, type SamePeriodRow } from "./same-periods.ts";
import type { SeriesObservation } from "./series.ts";

export type PairIndicator = Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit" | "comparable">;

export type PairInput = { indicator: PairIndicator; zones: { code: string; observations: readonly SeriesObservation[] }[] };

export type PairRow =
  | { indicator: PairIndicator; shared: SamePeriodRow; sharedPeriods: number }
  | { indicator: PairIndicator; shared: null; latest: (SameFigure | null)[] };

/** Indicators that describe a zone rather than its performance (its planned area). */
const PROFILE = new Set(["area_size", "area_added"]);

const rank = (code: string) => {
  const i = (CORE_INDICATORS as readonly string[]).indexOf(code);
  return i === -1 ? CORE_INDICATORS.length : i;
};

export function pairRows(inputs: readonly PairInput[]): PairRow[] {
  const rows: PairRow[] = [];
  for (const input of inputs) {
    if (PROFILE.has(input.indicator.code)) continue;
    if (input.zones.some((z) => z.observations.length === 0)) continue;
    const { rows: shared } = samePeriods(input.zones);
    const last = shared.at(-1);
    if (last) rows.push({ indicator: input.indicator, shared: last, sharedPeriods: shared.length });
    else
      rows.push({
        indicator: input.indicator,
        shared: null,
        latest: input.zones.map((z) => {
          const latest = [...z.observations].sort((a, b) => a.end.localeCompare(b.end)).at(-1);
          return latest ? { ...latest, zone: z.code } : null;
        }),
      });
  }
  return rows.sort(
    (a, b) =>
      Number(a.shared === null) - Number(b.shared === null) ||
      rank(a.indicator.code) - rank(b.indicator.code) ||
      a.indicator.code.localeCompare(b.indicator.code),
  );
}
