// What monitoring reads: targets with the figures that measure progress against them, the latest
// figures of every series (for year-on-year falls and overdue releases), and implausible figures.
import type { IsoDate } from "../../domain/dates.ts";
import { progressFor, type MonitorFigure, type MonitorRow, type TargetRow } from "../../domain/monitor.ts";
import type { ImplausibleFigure, SeriesFigure, SeriesFigures } from "../../domain/alerts.ts";
import type { PrismaClient } from "../generated/client.ts";
import { magnitudeSlip } from "../../domain/plausibility.ts";
import { implausibleSql, PlausibilityRowSchema } from "./plausibility.ts";
import type { Basis } from "../../domain/vocabulary.ts";
import { z } from "zod";
import { baseUnit, basis, indicatorKind, int, isoDate, num, qualifier, text, zoneKind } from "../columns.ts";
import { rawQuery } from "../raw.ts";

export type { MonitorRow, TargetRow } from "../../domain/monitor.ts";

const RawTarget = z.object({
  id: int,
  year: int,
  value: num,
  published_value: num,
  published_unit: text,
  zone_id: int,
  indicator_id: int,
  zone: text,
  zone_en: text,
  zone_zh: text.nullable(),
  zone_kind: zoneKind,
  indicator: text,
  indicator_en: text,
  indicator_zh: text.nullable(),
  unit: baseUnit,
  kind: indicatorKind,
  source_title: text.nullable(),
  source_url: text.nullable(),
});

/** Every target (of one year, when given), with its zone, indicator and source. */
export async function listTargets(prisma: PrismaClient, year?: number): Promise<(TargetRow & { zoneId: number; indicatorId: number })[]> {
  const rows = await rawQuery(
    prisma,
    "monitor.targets",
    `SELECT t.id, t.year, t.value, t.published_value, t.published_unit, t.zone_id, t.indicator_id,
            z.code AS zone, z.name_en AS zone_en, z.name_zh AS zone_zh, z.kind::text AS zone_kind,
            i.code AS indicator, i.name_en AS indicator_en, i.name_zh AS indicator_zh, i.unit::text AS unit, i.kind::text AS kind,
            s.title AS source_title, s.url AS source_url
       FROM targets t JOIN zones z ON z.id = t.zone_id JOIN indicators i ON i.id = t.indicator_id
       LEFT JOIN sources s ON s.id = t.source_id
      ${year === undefined ? "" : "WHERE t.year = {{year}}"}
      ORDER BY t.year DESC, z.code, i.code`,
    RawTarget,
    year === undefined ? {} : { year },
  );
  return rows.map((r) => ({
    id: r.id,
    zoneId: r.zone_id,
    indicatorId: r.indicator_id,
    zone: { code: r.zone, nameEn: r.zone_en, nameZh: r.zone_zh, kind: r.zone_kind },
    indicator: { code: r.indicator, nameEn: r.indicator_en, nameZh: r.indicator_zh, unit: r.unit, kind: r.kind },
    year: r.year,
    target: r.value,
    publishedValue: r.published_value,
    publishedUnit: r.published_unit,
    source: r.source_title ? { title: r.source_title, url: r.source_url } : null,
  }));
}

/** The years that have targets, newest first. */
export async function targetYears(prisma: PrismaClient): Promise<number[]> {
  const rows = await rawQuery(
    prisma,
    "monitor.target-years",
    "SELECT DISTINCT year FROM targets ORDER BY year DESC",
    z.object({ year: int }),
  );
  return rows.map((r) => r.year);
}

const RawFigure = z.object({ zone_id: int, indicator_id: int, basis, s: isoDate, e: isoDate, value: num, qualifier });

/** Progress of every target of `year` (all years when undefined) as of `today`. */
export async function loadProgress(
  prisma: PrismaClient,
  options: { year?: number; today: IsoDate; tolerance: number },
): Promise<MonitorRow[]> {
  const targets = await listTargets(prisma, options.year);
  if (targets.length === 0) return [];
  const years = targets.map((t) => t.year);
  const figures = await rawQuery(
    prisma,
    "monitor.progress-figures",
    `SELECT o.zone_id, o.indicator_id, o.basis::text AS basis, to_char(o.period_start, 'YYYY-MM-DD') AS s,
            to_char(o.period_end, 'YYYY-MM-DD') AS e, o.value, o.qualifier::text AS qualifier
       FROM observations o
       JOIN (SELECT DISTINCT zone_id, indicator_id FROM targets) t ON t.zone_id = o.zone_id AND t.indicator_id = o.indicator_id
      WHERE o.period_end >= make_date({{from}}, 1, 1) AND o.period_end <= make_date({{to}}, 12, 31)`,
    RawFigure,
    { from: Math.min(...years) - 1, to: Math.max(...years) },
  );
  const bySeries = new Map<string, MonitorFigure[]>();
  for (const f of figures) {
    const key = `${f.zone_id}|${f.indicator_id}`;
    const list = bySeries.get(key) ?? [];
    list.push({ basis: f.basis, start: f.s, end: f.e, value: f.value, qualifier: f.qualifier });
    bySeries.set(key, list);
  }
  return targets.map(({ zoneId, indicatorId, ...target }) => ({
    ...target,
    progress: progressFor({
      figures: bySeries.get(`${zoneId}|${indicatorId}`) ?? [],
      kind: target.indicator.kind,
      year: target.year,
      target: target.target,
      today: options.today,
      tolerance: options.tolerance,
    }),
  }));
}

// `basis` here is the series' class, `<basis>:<kind of period>`.
const RawLatest = z.object({
  zone: text,
  indicator: text,
  basis: text,
  unit: baseUnit,
  s: isoDate,
  e: isoDate,
  value: num,
  newest: isoDate,
  yoy_pct: num.nullable(),
});

/**
 * For every series (zone, indicator, basis and, for single periods, their length): its last two
 * figures and those of about a year before the last — what year-on-year falls and overdue releases
 * are read from.
 */
export async function latestSeriesFigures(prisma: PrismaClient): Promise<SeriesFigures[]> {
  const rows = await rawQuery(
    prisma,
    "monitor.latest-series",
    `WITH classed AS (
       SELECT o.zone_id, o.indicator_id, o.basis, o.period_start, o.period_end, o.value, o.yoy_pct,
              CASE o.basis WHEN 'period' THEN o.granularity::text ELSE o.basis::text END AS class
         FROM observations o WHERE o.basis IN ('period', 'ytd')
     ), newest AS (
       SELECT zone_id, indicator_id, max(period_end) AS newest FROM observations GROUP BY zone_id, indicator_id
     ), ranked AS (
       SELECT c.*, row_number() OVER (PARTITION BY zone_id, indicator_id, basis, class ORDER BY period_end DESC, period_start DESC) AS rn,
              max(period_end) OVER (PARTITION BY zone_id, indicator_id, basis, class) AS last_end
         FROM classed c
     )
     SELECT z.code AS zone, i.code AS indicator, r.basis::text || ':' || r.class AS basis, i.unit::text AS unit,
            to_char(r.period_start, 'YYYY-MM-DD') AS s, to_char(r.period_end, 'YYYY-MM-DD') AS e, r.value,
            to_char(n.newest, 'YYYY-MM-DD') AS newest, r.yoy_pct
       FROM ranked r JOIN zones z ON z.id = r.zone_id JOIN indicators i ON i.id = r.indicator_id
       JOIN newest n ON n.zone_id = r.zone_id AND n.indicator_id = r.indicator_id
      WHERE r.rn <= 2 OR r.period_end BETWEEN r.last_end - 400 AND r.last_end - 330
      ORDER BY z.code, i.code, basis, r.period_end`,
    RawLatest,
  );
  const series = new Map<string, SeriesFigures & { figures: SeriesFigure[] }>();
  for (const row of rows) {
    const key = `${row.zone}|${row.indicator}|${row.basis}`;
    let entry = series.get(key);
    if (!entry) {
      entry = {
        zone: row.zone,
        indicator: row.indicator,
        basis: row.basis.split(":")[0] as Basis,
        percent: row.unit === "percent",
        figures: [],
        newestEnd: row.newest,
      };
      series.set(key, entry);
    }
    entry.figures.push({ start: row.s, end: row.e, value: row.value, yoyPct: row.yoy_pct });
  }
  return [...series.values()];
}

/** Figures that look wrong beside their neighbours, across all the data. */
export async function implausibleFigures(prisma: PrismaClient): Promise<ImplausibleFigure[]> {
  const rows = await rawQuery(
    prisma,
    "monitor.implausible",
    `WITH found AS (${implausibleSql("all")})
     SELECT f.*, z.code AS zone, i.code AS indicator FROM found f JOIN zones z ON z.id = f.zone_id JOIN indicators i ON i.id = f.indicator_id`,
    PlausibilityRowSchema.extend({ zone: text, indicator: text }),
  );
  return rows.map((r) => {
    const magnitude = magnitudeSlip(r.value, r.prev_value ?? r.next_value, r.unit === "percent") !== null;
    const useNext = r.prev_value === null;
    return {
      zone: r.zone,
      indicator: r.indicator,
      basis: r.basis,
      start: r.s,
      end: r.e,
      value: r.value,
      warning: magnitude ? "magnitude" : "down",
      neighbourEnd: useNext ? r.next_end : r.prev_end,
      neighbourValue: useNext ? r.next_value : r.prev_value,
    };
  });
}
