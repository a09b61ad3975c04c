// Zod schemas of the columns hand-written SQL returns, for the row schemas of rawQuery (lib/db/raw.ts).
// Enums come back as text (`::text`), dates as ISO text (`to_char(…, 'YYYY-MM-DD')`), counts as int (`::int`).
import { z } from "zod";
import { ALERT_KINDS, BASE_UNITS, BASES, GRANULARITIES, INDICATOR_KINDS, QUALIFIERS, STATUSES, ZONE_KINDS } from "../domain/vocabulary.ts";

/** A row id, a count (`count(*)::int`), a year: a whole number that fits a JavaScript number. */
export const int = z.number().int();
/** A float8 column. */
export const num = z.number();
export const text = z.string();
/** `to_char(date, 'YYYY-MM-DD')`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A timestamp written as `to_char(… AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`. */
export const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

export const basis = z.enum(BASES);
export const qualifier = z.enum(QUALIFIERS);
export const status = z.enum(STATUSES);
export const granularity = z.enum(GRANULARITIES);
export const baseUnit = z.enum(BASE_UNITS);
export const indicatorKind = z.enum(INDICATOR_KINDS);
export const zoneKind = z.enum(ZONE_KINDS);
export const alertKind = z.enum(ALERT_KINDS);

/**
 * A figure with its source, as the overview and the national page select it: basis, s and e (the period),
 * granularity, value, qualifier, status, the source's title, url and published_on, and the quote.
 */
export const sourcedFigure = {
  basis,
  s: isoDate,
  e: isoDate,
  granularity,
  value: num,
  qualifier,
  status,
  title: text,
  url: text.nullable(),
  published_on: isoDate.nullable(),
  quote: text.nullable(),
};
