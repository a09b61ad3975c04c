// The data explorer's page of observations: filtered, sorted and paged in the database (never all rows
// to the browser), with the total and the counts of each facet under the other filters.
import type { DataView } from "../../validation/data.ts";
import type { ObservationFilter } from "../../validation/observations.ts";
import type { Observation, Vintage } from "../../domain/figures.ts";
import type { PrismaClient } from "../generated/client.ts";
import { buildWhere, CountRow, RawRowSchema, SELECT, toObservation } from "./observations.ts";
import { z } from "zod";
import { int, isoDate, isoInstant, num, qualifier, status, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";
import { cachedByDataVersion } from "./version.ts";

export type Facet = { value: string; nameEn: string; nameZh: string | null; n: number };
export type ObservationTable = {
  rows: Observation[];
  total: number;
  page: number;
  size: number;
  facets: { zone: Facet[]; indicator: Facet[]; basis: Facet[]; status: Facet[] };
};

const ORDER: Record<string, string> = {
  zone: "z.code",
  indicator: "i.code",
  period: "o.period_end",
  value: "o.value",
  published_on: "s.published_on",
  updated_at: "o.updated_at",
};

function orderBy(sort: string | undefined): string {
  const [column = "period", direction = "desc"] = (sort ?? "period:desc").split(":");
  const dir = direction === "asc" ? "ASC" : "DESC";
  // Only a nullable column needs NULLS LAST; on the others it would stop the (period_end, id) index
  // from serving the default order, and every page would sort the whole table.
  const nulls = column === "published_on" ? " NULLS LAST" : "";
  return `${ORDER[column] ?? "o.period_end"} ${dir}${nulls}, o.id ${dir}`;
}

const FacetRow = z.object({ value: text, nameEn: text, nameZh: text.nullable(), n: int }) satisfies z.ZodType<Facet>;

/** A row of the vintages query: a vintage's columns, flat. */
const VintageRow = z.object({
  value: num,
  publishedValue: num,
  publishedUnit: text,
  qualifier,
  yoyPct: num.nullable(),
  status,
  sourceTitle: text,
  sourceUrl: text.nullable(),
  publishedOn: isoDate.nullable(),
  quote: text.nullable(),
  recordedAt: isoInstant,
  supersededAt: isoInstant,
  importId: int.nullable(),
  supersededByImportId: int.nullable(),
});

function toVintage({ sourceTitle, sourceUrl, publishedOn, ...row }: z.infer<typeof VintageRow>): Vintage {
  return { ...row, source: { title: sourceTitle, url: sourceUrl, publishedOn } };
}

async function facet(
  prisma: PrismaClient,
  filter: ObservationFilter & { q?: string | undefined },
  dimension: "zone" | "indicator" | "basis" | "status",
): Promise<Facet[]> {
  const { [dimension]: _omit, ...others } = filter;
  const where = await buildWhere(prisma, others);
  const select = {
    zone: 'z.code AS value, z.name_en AS "nameEn", z.name_zh AS "nameZh"',
    indicator: 'i.code AS value, i.name_en AS "nameEn", i.name_zh AS "nameZh"',
    basis: 'o.basis::text AS value, o.basis::text AS "nameEn", NULL AS "nameZh"',
    status: 'o.status::text AS value, o.status::text AS "nameEn", NULL AS "nameZh"',
  }[dimension];
  return rawQuery(
    prisma,
    `observations.facet-${dimension}`,
    `SELECT ${select}, count(*)::int AS n
       FROM observations o JOIN zones z ON z.id = o.zone_id JOIN indicators i ON i.id = o.indicator_id
      WHERE ${where.sql}
      GROUP BY 1, 2, 3 ORDER BY n DESC, 1`,
    FacetRow,
    where.params,
  );
}

export async function getObservationTable(prisma: PrismaClient, view: DataView): Promise<ObservationTable> {
  const { sort, page = 1, size = 25, hide: _hide, open: _open, ...filter } = view;
  const where = await buildWhere(prisma, filter);
  const offset = (page - 1) * size;
  // The count and the facets depend only on the filter: computed once per filter and data version.
  const [rows, counted] = await Promise.all([
    rawQuery(
      prisma,
      "observations.table",
      `${SELECT} WHERE ${where.sql} ORDER BY ${orderBy(sort)} LIMIT {{size}} OFFSET {{offset}}`,
      RawRowSchema,
      { ...where.params, size, offset },
    ),
    cachedByDataVersion(prisma, `data-facets:${JSON.stringify(filter)}`, async () => {
      const [total, zone, indicator, basis, status] = await Promise.all([
        rawQuery(
          prisma,
          "observations.table-count",
          `SELECT count(*)::int AS n FROM observations o WHERE ${where.sql}`,
          CountRow,
          where.params,
        ),
        facet(prisma, filter, "zone"),
        facet(prisma, filter, "indicator"),
        facet(prisma, filter, "basis"),
        facet(prisma, filter, "status"),
      ]);
      return { total: total[0]?.n ?? 0, facets: { zone, indicator, basis, status } };
    }),
  ]);
  return { rows: rows.map(toObservation), total: counted.total, page, size, facets: counted.facets };
}

/** One observation and its earlier values, newest first. */
export async function getObservationHistory(
  prisma: PrismaClient,
  id: number,
): Promise<{ observation: Observation; vintages: Vintage[] } | undefined> {
  const rows = await rawQuery(prisma, "observations.one", `${SELECT} WHERE o.id = {{id}}`, RawRowSchema, { id });
  const row = rows[0];
  if (!row) return undefined;
  const vintages = await rawQuery(
    prisma,
    "observations.vintages",
    `SELECT v.value, v.published_value AS "publishedValue", v.published_unit AS "publishedUnit", v.qualifier::text AS qualifier,
            v.yoy_pct AS "yoyPct", v.status::text AS status,
            s.title AS "sourceTitle", s.url AS "sourceUrl", to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn", v.quote,
            to_char(v.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt",
            to_char(v.superseded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "supersededAt",
            v.import_id AS "importId", v.superseded_by_import_id AS "supersededByImportId"
       FROM observation_vintages v JOIN sources s ON s.id = v.source_id
      WHERE v.observation_id = {{id}} ORDER BY v.superseded_at DESC, v.id DESC`,
    VintageRow,
    { id },
  );
  return { observation: toObservation(row), vintages: vintages.map(toVintage) };
}

/** The years figures end in, for the period filter (a scan of the whole table: once per data version). */
export async function listYears(prisma: PrismaClient): Promise<number[]> {
  return cachedByDataVersion(prisma, "years", async () => {
    const rows = await rawQuery(
      prisma,
      "observations.years",
      `SELECT DISTINCT extract(year FROM period_end)::int AS year FROM observations ORDER BY year`,
      z.object({ year: int }),
    );
    return rows.map((r) => r.year);
  });
}
