// How many figures exist per zone, indicator, basis and year: for the coverage matrix, the indicator
// pages and the compare page's defaults.
import type { PrismaClient } from "../generated/client.ts";
import { cachedByDataVersion } from "./version.ts";
import { z } from "zod";
import { basis, int, text } from "../columns.ts";
import { rawQuery, type RawParams } from "../raw.ts";

const CoverageRowSchema = z.object({ zone: text, indicator: text, basis, year: int, n: int });
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

async function getCoverageUncached(
  prisma: PrismaClient,
  filter: { zones?: readonly string[]; indicator?: string } = {},
): Promise<CoverageRow[]> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.zones?.length) {
    params.zones = [...filter.zones];
    clauses.push("z.code = ANY({{zones}}::text[])");
  }
  if (filter.indicator) {
    params.indicator = filter.indicator;
    clauses.push("i.code = {{indicator}}");
  }
  return rawQuery(
    prisma,
    "coverage",
    `SELECT z.code AS zone, i.code AS indicator, o.basis::text AS basis, extract(year FROM o.period_end)::int AS year, count(*)::int AS n
       FROM observations o JOIN zones z ON z.id = o.zone_id JOIN indicators i ON i.id = o.indicator_id
      ${clauses.length ? `WHERE ${clauses.join(" AND ")}` : ""}
      GROUP BY z.code, i.code, o.basis, extract(year FROM o.period_end)
      ORDER BY z.code, i.code, year`,
    CoverageRowSchema,
    params satisfies RawParams,
  );
}

/** Figures per zone, indicator, basis and year (recomputed after each data change). */
export async function getCoverage(prisma: PrismaClient, filter: { zones?: readonly string[]; indicator?: string } = {}) {
  return cachedByDataVersion(prisma, `coverage:${JSON.stringify(filter)}`, () => getCoverageUncached(prisma, filter));
}
