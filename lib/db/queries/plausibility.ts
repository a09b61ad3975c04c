// Figures that look wrong beside their neighbours in the same series: a 万/亿 slip (the rule is
// lib/domain/plausibility.ts) or a cumulative or year-to-date total that goes down. Read by the
// importer (its warnings) and by monitoring (its alerts).
import { SLIP_EXPONENTS, SLIP_TOLERANCE } from "../../domain/plausibility.ts";
import { z } from "zod";
import { baseUnit, basis, int, isoDate, num } from "../columns.ts";
import { rawQuery, type RawDb } from "../raw.ts";

// The slip test in SQL, built from the domain's one definition so the query and magnitudeSlip() agree.
function slipSql(value: string, neighbour: string): string {
  return `(${SLIP_EXPONENTS.map((e) => `abs(abs(log(${value} / ${neighbour})) - ${e}) < ${SLIP_TOLERANCE}`).join(" OR ")})`;
}

export const PlausibilityRowSchema = z.object({
  zone_id: int,
  indicator_id: int,
  basis,
  s: isoDate,
  e: isoDate,
  value: num,
  prev_value: num.nullable(),
  prev_end: isoDate.nullable(),
  next_value: num.nullable(),
  next_end: isoDate.nullable(),
  unit: baseUnit,
  /** The file row of the import that last wrote the figure (observations.import_row). */
  row: int.nullable(),
});
export type PlausibilityRow = z.infer<typeof PlausibilityRowSchema>;

/**
 * Figures that look wrong beside their neighbours in the same series: 10⁴ or 10⁸ times off (a 万/亿
 * slip), or a cumulative or year-to-date total that goes down. "import": the rows import {{importId}} wrote
 * (a fall is reported on the later row, and on the earlier one only when the later was there
 * before); "all": every figure in the database, each fall once, on its later row.
 */
export function implausibleSql(scope: "import" | "all"): string {
  const mine = scope === "import";
  // Both tests leave percentages out: the series of percent indicators are not read at all, and each series
  // takes its indicator's unit once, not row by row.
  return `WITH touched AS MATERIALIZED (
       SELECT t.zone_id, t.indicator_id, t.basis, i.unit::text AS unit
         FROM (SELECT DISTINCT zone_id, indicator_id, basis FROM observations ${mine ? "WHERE import_id = {{importId}}" : ""}) t
         JOIN indicators i ON i.id = t.indicator_id AND i.unit <> 'percent'
        ORDER BY t.zone_id, t.indicator_id, t.basis
     ), series AS (
       SELECT o.id, o.import_id, o.import_row, o.zone_id, o.indicator_id, o.basis, o.period_start, o.period_end, o.value, t.unit,
              CASE o.basis
                WHEN 'period' THEN o.granularity::text ||
                  CASE WHEN o.granularity IN ('interval', 'day') THEN ':' || (o.period_end - o.period_start) ELSE '' END
                WHEN 'cumulative' THEN 'c:' || o.period_start
                WHEN 'ytd' THEN 'y:' || extract(year FROM o.period_end)
                ELSE 'p'
              END AS class
         FROM observations o
         JOIN touched t ON t.zone_id = o.zone_id AND t.indicator_id = o.indicator_id AND t.basis = o.basis
     ), ordered AS (
       SELECT s.*, lag(value) OVER w AS prev_value, lag(period_end) OVER w AS prev_end,
              lead(value) OVER w AS next_value, lead(period_end) OVER w AS next_end, lead(import_id) OVER w AS next_import
         FROM series s
       WINDOW w AS (PARTITION BY zone_id, indicator_id, basis, class ORDER BY period_end)
     )
     SELECT zone_id, indicator_id, basis::text AS basis, to_char(period_start, 'YYYY-MM-DD') AS s,
            to_char(period_end, 'YYYY-MM-DD') AS e, value, prev_value, to_char(prev_end, 'YYYY-MM-DD') AS prev_end,
            next_value, to_char(next_end, 'YYYY-MM-DD') AS next_end, unit, import_row AS row
       FROM ordered
      WHERE ${mine ? "import_id = {{importId}} AND" : ""} (
            (value > 0 AND (
               (prev_value > 0 AND ${slipSql("value", "prev_value")})
            OR (prev_value IS NULL AND next_value > 0 AND ${slipSql("value", "next_value")})))
         OR (basis IN ('cumulative', 'ytd')
             AND (value < prev_value ${mine ? "OR (value > next_value AND next_import IS DISTINCT FROM {{importId}})" : ""})))`;
}

/** Rows this import wrote that look wrong beside their neighbours (see implausibleSql). */
export async function findImplausible(tx: RawDb, importId: number): Promise<PlausibilityRow[]> {
  return rawQuery(tx, "plausibility.import", implausibleSql("import"), PlausibilityRowSchema, { importId });
}
