// The id of a stored record as it arrives in a URL: a route segment (/api/observations/123) or part of
// a cursor. Ids are PostgreSQL integers, so anything beyond 2^31 − 1 names no record: it is a 404 (or a
// 400 for a parameter), never a query the database refuses with a 500.
import { z } from "zod";
import { notFoundError } from "../errors.ts";

export const MAX_ID = 2_147_483_647;

/** A positive whole number that fits an id column. */
export function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID;
}

/** A route segment as an id: digits without a leading zero, at most MAX_ID; anything else is not one. */
export const IdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "is not an id")
  .transform(Number)
  .refine(isId, "is not an id");

/** The id a route segment names, or undefined when it names none (the route answers 404). */
export function parseId(segment: string): number | undefined {
  const parsed = IdSchema.safeParse(segment);
  return parsed.success ? parsed.data : undefined;
}

/** The id a route segment names; a segment that names none is the 404 of the record asked for (`noun`). */
export function idOrThrow(segment: string, noun: string): number {
  const id = parseId(segment);
  if (id === undefined) throw notFoundError(noun, segment);
  return id;
}
