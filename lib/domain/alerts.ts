// Alerts computed from the data: behind the pro-rated target, a year-on-year fall, an overdue
// release, an implausible figure. Pure. Each alert has a key that names the situation it reports, so
// the same situation found again after the next import is the same alert — never a second one.
import { addDays, daysBetween, daysInMonth, endOfMonth, splitIsoDate, type IsoDate } from "./dates.ts";
import type { Progress } from "./monitor.ts";
import { yearEarlier } from "./monitor.ts";
import type { AlertKind, Basis } from "./vocabulary.ts";

export type AlertThresholds = {
  /** Behind by more than this share of the pro-rated target (0.1 = 10%). */
  behind: number;
  /** A fall on a year earlier larger than this (0.1 = 10%). */
  yoyFall: number;
  /** Days after the end of the next expected period before a release is overdue. */
  staleDays: number;
};

export const DEFAULT_THRESHOLDS: AlertThresholds = { behind: 0.1, yoyFall: 0.1, staleDays: 45 };

/** One alert as found in the data. `since` is the date the situation began; `magnitude` is signed. */
export type AlertFinding = {
  key: string;
  kind: AlertKind;
  zone: string;
  indicator: string;
  basis: Basis | null;
  magnitude: number;
  since: IsoDate;
  /** The facts a message is written from (periods, values, targets, warning kinds). */
  details: Record<string, string | number | null>;
};

export function behindAlert(
  zone: string,
  indicator: string,
  year: number,
  progress: Progress,
  thresholds: AlertThresholds,
): AlertFinding | null {
  if (progress.status !== "behind" || progress.ratio === null || !progress.actual || progress.expected === null) return null;
  const shortfall = 1 - progress.ratio;
  if (shortfall <= thresholds.behind) return null;
  return {
    key: `behind:${zone}:${indicator}:${year}`,
    kind: "behind",
    zone,
    indicator,
    basis: null,
    magnitude: progress.ratio - 1,
    since: progress.actual.through,
    details: {
      year,
      actual: progress.actual.value,
      expected: progress.expected,
      target: progress.target,
      through: progress.actual.through,
    },
  };
}

export type SeriesFigure = { start: IsoDate; end: IsoDate; value: number; /** published with the figure, in % */ yoyPct?: number | null };
export type SeriesFigures = {
  zone: string;
  indicator: string;
  basis: Basis;
  percent: boolean;
  figures: readonly SeriesFigure[];
  /** The end of the zone's newest figure of this indicator on any basis and of any length. */
  newestEnd?: IsoDate;
};

/**
 * The latest figure of a series against the same period a year earlier: the change published with it
 * when there is one (it wins, being on a comparable basis), else computed from the figure a year before.
 */
export function yoyFallAlert(series: SeriesFigures, thresholds: AlertThresholds): AlertFinding | null {
  if (series.percent || (series.basis !== "period" && series.basis !== "ytd")) return null;
  const latest = [...series.figures].sort((a, b) => b.end.localeCompare(a.end))[0];
  if (!latest || latest.value < 0) return null;
  const before = series.figures.find((f) => f.start === yearEarlier(latest.start) && f.end === yearEarlier(latest.end));
  const published = latest.yoyPct ?? null;
  if (published === null && (!before || before.value <= 0)) return null;
  const change = published !== null ? published / 100 : latest.value / (before as SeriesFigure).value - 1;
  if (change >= -thresholds.yoyFall) return null;
  return {
    key: `yoy_fall:${series.zone}:${series.indicator}:${series.basis}:${latest.start}:${latest.end}`,
    kind: "yoy_fall",
    zone: series.zone,
    indicator: series.indicator,
    basis: series.basis,
    magnitude: change,
    since: latest.end,
    details: {
      start: latest.start,
      end: latest.end,
      value: latest.value,
      before: before?.value ?? null,
      rate: published !== null ? "published" : "computed",
    },
  };
}

function addMonthsToEnd(end: IsoDate, months: number): IsoDate {
  const { year, month } = splitIsoDate(end);
  const index = year * 12 + (month - 1) + months;
  return endOfMonth(Math.floor(index / 12), (index % 12) + 1);
}

export type Cadence = 1 | 3 | 12;

/**
 * The release cadence of a series in months (1, 3 or 12), read from its last two figures ending on
 * month ends a month, a quarter or a year apart; undefined when the series has no regular cadence.
 */
export function cadenceOf(figures: readonly SeriesFigure[]): Cadence | undefined {
  const sorted = [...figures].sort((a, b) => a.end.localeCompare(b.end));
  const [a, b] = sorted.slice(-2);
  if (!a || !b) return undefined;
  const monthEnd = (d: IsoDate) => splitIsoDate(d).day === daysInMonth(splitIsoDate(d).year, splitIsoDate(d).month);
  if (!monthEnd(a.end) || !monthEnd(b.end)) return undefined;
  if (addMonthsToEnd(a.end, 1) === b.end) return 1;
  if (addMonthsToEnd(a.end, 3) === b.end) return 3;
  if (addMonthsToEnd(a.end, 12) === b.end) return 12;
  return undefined;
}

/** When the release after the latest figure is due: the next period's end plus the grace days. */
export function nextReleaseDue(latestEnd: IsoDate, cadence: Cadence, staleDays: number): IsoDate {
  return addDays(addMonthsToEnd(latestEnd, cadence), staleDays);
}

/**
 * A monthly, quarterly or annual series whose next figure is overdue on `today` — and only when no
 * figure of the zone and indicator on any basis covers a later period (a quarter published after the
 * last annual figure is news, whatever the annual series says).
 */
export function staleAlert(series: SeriesFigures, today: IsoDate, thresholds: AlertThresholds): AlertFinding | null {
  const cadence = cadenceOf(series.figures);
  // Year-to-date totals are released monthly or quarterly: two a year apart are a sparse series, not a cadence.
  if (!cadence || (series.basis === "ytd" && cadence === 12)) return null;
  const latest = [...series.figures].sort((a, b) => b.end.localeCompare(a.end))[0];
  if (!latest) return null;
  if (series.newestEnd && series.newestEnd > latest.end) return null;
  const due = nextReleaseDue(latest.end, cadence, thresholds.staleDays);
  if (today <= due) return null;
  return {
    key: `stale:${series.zone}:${series.indicator}:${series.basis}:${latest.end}`,
    kind: "stale",
    zone: series.zone,
    indicator: series.indicator,
    basis: series.basis,
    magnitude: daysBetween(due, today),
    since: due,
    details: { latestEnd: latest.end, cadence: cadence === 1 ? "month" : cadence === 3 ? "quarter" : "year", due },
  };
}

export type ImplausibleFigure = {
  zone: string;
  indicator: string;
  basis: Basis;
  start: IsoDate;
  end: IsoDate;
  value: number;
  /** magnitude: about 10⁴ or 10⁸ times its neighbour; down: a cumulative or year-to-date total fell. */
  warning: "magnitude" | "down";
  neighbourEnd: IsoDate | null;
  neighbourValue: number | null;
};

export function plausibilityAlert(figure: ImplausibleFigure): AlertFinding {
  const ratio = figure.neighbourValue ? figure.value / figure.neighbourValue : 1;
  return {
    key: `plausibility:${figure.warning}:${figure.zone}:${figure.indicator}:${figure.basis}:${figure.start}:${figure.end}`,
    kind: "plausibility",
    zone: figure.zone,
    indicator: figure.indicator,
    basis: figure.basis,
    magnitude: figure.warning === "magnitude" ? Math.round(Math.log10(Math.abs(ratio))) : ratio - 1,
    since: figure.end,
    details: {
      warning: figure.warning,
      start: figure.start,
      end: figure.end,
      value: figure.value,
      neighbourEnd: figure.neighbourEnd,
      neighbourValue: figure.neighbourValue,
    },
  };
}

/** One finding per key (the first wins): what is stored and sent is unique by key. */
export function uniqueByKey(findings: readonly AlertFinding[]): AlertFinding[] {
  const seen = new Map<string, AlertFinding>();
  for (const finding of findings) if (!seen.has(finding.key)) seen.set(finding.key, finding);
  return [...seen.values()];
}

export type StoredAlert = { key: string; resolved: boolean; notified: boolean };

/**
 * What a refresh does: the findings not stored yet are new (and to be sent), stored alerts no longer
 * found are resolved, resolved ones found again reopen (without being sent again).
 */
export function reconcileAlerts(
  stored: readonly StoredAlert[],
  findings: readonly AlertFinding[],
): { insert: AlertFinding[]; keep: AlertFinding[]; reopen: string[]; resolve: string[] } {
  const byKey = new Map(stored.map((alert) => [alert.key, alert]));
  const found = new Set(findings.map((f) => f.key));
  const unique = uniqueByKey(findings);
  return {
    insert: unique.filter((f) => !byKey.has(f.key)),
    keep: unique.filter((f) => byKey.has(f.key)),
    reopen: unique.filter((f) => byKey.get(f.key)?.resolved).map((f) => f.key),
    resolve: stored.filter((a) => !a.resolved && !found.has(a.key)).map((a) => a.key),
  };
}
