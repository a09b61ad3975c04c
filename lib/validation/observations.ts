// The filters of the observations API and the data explorer, validated.
import { z } from "zod";
import { isValidDate, parsePartialDate } from "../domain/dates.ts";
import { isId } from "./ids.ts";
import { BASES, QUALIFIERS, STATUSES } from "../domain/vocabulary.ts";
import { LangParam } from "./lang.ts";

/** YYYY, YYYY-MM or YYYY-MM-DD, as the first or last day it covers. */
export function dateBound(text: string, edge: "start" | "end"): string | undefined {
  const date = parsePartialDate(text);
  return date ? date[edge] : undefined;
}

const DateParam = (edge: "start" | "end") =>
  z.string().transform((text, ctx) => {
    const date = dateBound(text, edge);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `'${text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` });
      return z.NEVER;
    }
    return date;
  });

/** indicator.zone.period-end.id, as encodeCursor writes it: ids that fit the database, a real date. */
function isCursor(text: string): boolean {
  const match = /^(\d{1,10})\.(\d{1,10})\.(\d{4})-(\d{2})-(\d{2})\.(\d{1,10})$/.exec(text);
  if (!match) return false;
  const [, indicator, zone, year, month, day, id] = match.map(Number) as number[];
  return [indicator, zone, id].every((value) => isId(value ?? 0)) && isValidDate(year ?? 0, month ?? 0, day ?? 0);
}

const list = <T extends string>(values: readonly T[], what: string) =>
  z.array(z.enum(values as unknown as [T, ...T[]], `must be one or more ${what} of: ${values.join(", ")}`));

const Code = z
  .string()
  .regex(/^[a-z0-9_-]+\*?$/i, "must be codes such as anhui-ftz or new_enterprises (a zone code may end in * for the zone and its areas)");

export const ObservationFilterSchema = z.object({
  zone: z.array(Code).optional(),
  indicator: z.array(Code).optional(),
  from: DateParam("start").optional(),
  to: DateParam("end").optional(),
  basis: list(BASES, "bases").optional(),
  status: list(STATUSES, "statuses").optional(),
  qualifier: list(QUALIFIERS, "qualifiers").optional(),
});

export const ObservationQuerySchema = ObservationFilterSchema.extend({
  format: z.enum(["json", "csv", "xlsx"], "must be json, csv or xlsx").optional(),
  /** The language of an XLSX download's headers and sheets. */
  lang: LangParam.optional(),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000").optional(),
  cursor: z.string().refine(isCursor, "must be the next_cursor of a previous page").optional(),
});

export const OBSERVATION_LIST_PARAMS = ["zone", "indicator", "basis", "status", "qualifier"] as const;

export type ObservationFilter = z.infer<typeof ObservationFilterSchema>;

/** The most rows an XLSX download of figures holds: still comfortable in Excel; beyond it, CSV. */
export const XLSX_MAX_ROWS = 200_000;
