// Observations filtered by zone (with or without its areas), indicator, dates, basis, status and
// qualifier; read a page at a time in a stable order (keyset pagination), or all of them in batches.
import type { Observation } from "../../domain/figures.ts";
import { unknownCodeError } from "../../errors.ts";
import type { ObservationFilter } from "../../validation/observations.ts";
import type { PrismaClient } from "../generated/client.ts";
import { z } from "zod";
import { baseUnit, basis, granularity, int, isoDate, isoInstant, num, qualifier, status, text } from "../columns.ts";
import { rawQuery, type RawParams } from "../raw.ts";

type Cursor = { indicatorId: number; zoneId: number; periodEnd: string; id: number };

/** A row of SELECT: an observation's columns, flat, with the ids of its zone and indicator (the page order). */
export const RawRowSchema = z.object({
  id: int,
  indicatorId: int,
  zoneId: int,
  zoneCode: text,
  zoneNameEn: text,
  zoneNameZh: text.nullable(),
  indicatorCode: text,
  indicatorNameEn: text,
  indicatorNameZh: text.nullable(),
  period: text,
  periodStart: isoDate,
  periodEnd: isoDate,
  granularity,
  basis,
  value: num,
  unit: baseUnit,
  publishedValue: num,
  publishedUnit: text,
  qualifier,
  yoyPct: num.nullable(),
  status,
  sourceId: int,
  sourceTitle: text,
  sourceUrl: text.nullable(),
  publishedOn: isoDate.nullable(),
  quote: text.nullable(),
  note: text.nullable(),
  revised: z.boolean(),
  updatedAt: isoInstant,
});
export type RawRow = z.infer<typeof RawRowSchema>;

/** `count(*)::int AS n`. */
export const CountRow = z.object({ n: int });

export function encodeCursor(row: Cursor): string {
  return `${row.indicatorId}.${row.zoneId}.${row.periodEnd}.${row.id}`;
}

function decodeCursor(text: string): Cursor {
  const [indicatorId, zoneId, periodEnd, id] = text.split(".");
  return { indicatorId: Number(indicatorId), zoneId: Number(zoneId), periodEnd: periodEnd ?? "", id: Number(id) };
}

/** Zone codes to ids: `code*` adds every zone below it. Unknown codes are a 400 naming the parameter. */
export async function resolveZones(prisma: PrismaClient, codes: readonly string[]): Promise<number[]> {
  const zones = await prisma.zone.findMany({ select: { id: true, code: true, parentId: true } });
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const ids = new Set<number>();
  for (const raw of codes) {
    const withAreas = raw.endsWith("*");
    const code = (withAreas ? raw.slice(0, -1) : raw).toLowerCase();
    const zone = byCode.get(code);
    if (!zone) {
      throw unknownCodeError("zone", "zone", code, [...byCode.keys()]);
    }
    ids.add(zone.id);
    if (withAreas) {
      let frontier = [zone.id];
      while (frontier.length) {
        const next = zones.filter((z) => z.parentId !== null && frontier.includes(z.parentId) && !ids.has(z.id)).map((z) => z.id);
        next.forEach((id) => ids.add(id));
        frontier = next;
      }
    }
  }
  return [...ids];
}

export async function resolveIndicators(prisma: PrismaClient, codes: readonly string[]): Promise<number[]> {
  const indicators = await prisma.indicator.findMany({ select: { id: true, code: true } });
  const byCode = new Map(indicators.map((i) => [i.code, i.id]));
  return codes.map((raw) => {
    const code = raw.toLowerCase();
    const id = byCode.get(code);
    if (id === undefined) {
      throw unknownCodeError("indicator", "indicator", code, [...byCode.keys()]);
    }
    return id;
  });
}

/** A WHERE clause on observations `o` with its named parameters (rawQuery's `{{name}}`). */
export type Where = { sql: string; params: RawParams };

export async function buildWhere(prisma: PrismaClient, filter: ObservationFilter & { q?: string | undefined }): Promise<Where> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    params[name] = value;
    clauses.push(sql);
  };
  if (filter.zone?.length) add("o.zone_id = ANY({{zones}}::int[])", "zones", await resolveZones(prisma, filter.zone));
  if (filter.indicator?.length)
    add("o.indicator_id = ANY({{indicators}}::int[])", "indicators", await resolveIndicators(prisma, filter.indicator));
  if (filter.from) add("o.period_end >= {{from}}::date", "from", filter.from);
  if (filter.to) add("o.period_end <= {{to}}::date", "to", filter.to);
  // Enum lists travel as text[]: the embedded database's driver cannot send an enum array.
  if (filter.basis?.length) add("o.basis::text = ANY({{bases}}::text[])", "bases", filter.basis);
  if (filter.status?.length) add("o.status::text = ANY({{statuses}}::text[])", "statuses", filter.status);
  if (filter.qualifier?.length) add("o.qualifier::text = ANY({{qualifiers}}::text[])", "qualifiers", filter.qualifier);
  if (filter.q)
    add(
      "(o.quote ILIKE {{q}} OR o.note ILIKE {{q}} OR EXISTS (SELECT 1 FROM sources sq WHERE sq.id = o.source_id AND sq.title ILIKE {{q}}))",
      "q",
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  return { sql: clauses.length ? clauses.join(" AND ") : "true", params };
}

export const SELECT = `
  SELECT o.id, o.indicator_id AS "indicatorId", o.zone_id AS "zoneId",
         z.code AS "zoneCode", z.name_en AS "zoneNameEn", z.name_zh AS "zoneNameZh",
         i.code AS "indicatorCode", i.name_en AS "indicatorNameEn", i.name_zh AS "indicatorNameZh",
         o.period, to_char(o.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(o.period_end, 'YYYY-MM-DD') AS "periodEnd",
         o.granularity::text AS granularity, o.basis::text AS basis, o.value, i.unit::text AS unit,
         o.published_value AS "publishedValue", o.published_unit AS "publishedUnit", o.qualifier::text AS qualifier,
         o.yoy_pct AS "yoyPct", o.status::text AS status,
         s.id AS "sourceId", s.title AS "sourceTitle", s.url AS "sourceUrl", to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn",
         o.quote, o.note, EXISTS (SELECT 1 FROM observation_vintages v WHERE v.observation_id = o.id) AS revised,
         to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
    FROM observations o
    JOIN zones z ON z.id = o.zone_id
    JOIN indicators i ON i.id = o.indicator_id
    JOIN sources s ON s.id = o.source_id`;

/** A row of SELECT as the app uses it: zone, indicator, period and source each in one piece. */
export function toObservation(row: RawRow): Observation {
  return {
    id: row.id,
    zone: { code: row.zoneCode, nameEn: row.zoneNameEn, nameZh: row.zoneNameZh },
    indicator: { code: row.indicatorCode, nameEn: row.indicatorNameEn, nameZh: row.indicatorNameZh, unit: row.unit },
    period: { label: row.period, start: row.periodStart, end: row.periodEnd, granularity: row.granularity },
    basis: row.basis,
    value: row.value,
    publishedValue: row.publishedValue,
    publishedUnit: row.publishedUnit,
    qualifier: row.qualifier,
    yoyPct: row.yoyPct,
    status: row.status,
    source: { id: row.sourceId, title: row.sourceTitle, url: row.sourceUrl, publishedOn: row.publishedOn },
    quote: row.quote,
    note: row.note,
    revised: row.revised,
    updatedAt: row.updatedAt,
  };
}

async function readPage(prisma: PrismaClient, where: Where, limit: number, cursor?: Cursor): Promise<RawRow[]> {
  const keyset = cursor
    ? " AND (o.indicator_id, o.zone_id, o.period_end, o.id) > ({{afterIndicator}}::int, {{afterZone}}::int, {{afterEnd}}::date, {{afterId}}::int)"
    : "";
  const after = cursor
    ? { afterIndicator: cursor.indicatorId, afterZone: cursor.zoneId, afterEnd: cursor.periodEnd, afterId: cursor.id }
    : {};
  return rawQuery(
    prisma,
    "observations.page",
    `${SELECT} WHERE ${where.sql}${keyset} ORDER BY o.indicator_id, o.zone_id, o.period_end, o.id LIMIT {{limit}}`,
    RawRowSchema,
    { ...where.params, ...after, limit },
  );
}

export type ObservationPage = { data: Observation[]; nextCursor: string | null };

/** One page of at most `limit` rows, and the cursor of the next page (null on the last). */
export async function getObservationPage(
  prisma: PrismaClient,
  filter: ObservationFilter,
  limit: number,
  cursor?: string,
): Promise<ObservationPage> {
  const where = await buildWhere(prisma, filter);
  const rows = await readPage(prisma, where, limit + 1, cursor ? decodeCursor(cursor) : undefined);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { data: rows.slice(0, limit).map(toObservation), nextCursor: last ? encodeCursor(last) : null };
}

/** Every matching row, in batches, in the same order as the pages. */
export async function* iterateObservations(
  prisma: PrismaClient,
  filter: ObservationFilter,
  batchSize = 5000,
): AsyncGenerator<Observation[]> {
  const where = await buildWhere(prisma, filter);
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await readPage(prisma, where, batchSize, cursor);
    if (rows.length === 0) return;
    yield rows.map(toObservation);
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    cursor = { indicatorId: last.indicatorId, zoneId: last.zoneId, periodEnd: last.periodEnd, id: last.id };
  }
}

export async function countObservations(prisma: PrismaClient, filter: ObservationFilter): Promise<number> {
  const where = await buildWhere(prisma, filter);
  const rows = await rawQuery(
    prisma,
    "observations.count",
    `SELECT count(*)::int AS n FROM observations o WHERE ${where.sql}`,
    CountRow,
    where.params,
  );
  return rows[0]?.n ?? 0;
}
