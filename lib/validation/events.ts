// Events at the edge: the list's query parameters, and an event as an admin sends it. The body has the
// columns of the data package's `events` table, so the importer's row mapping checks it (zone, date,
// kind, source) with the same messages; here only its shape and lengths are checked.
import { z } from "zod";
import { AppError } from "../errors.ts";
import { FormatParam } from "./series.ts";
import { EVENT_KINDS } from "../domain/vocabulary.ts";
import { LangParam } from "./lang.ts";

export const EventListParamsSchema = z.object({
  zone: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, "must be a zone code such as anhui-ftz")
    .optional(),
  kind: z.enum(EVENT_KINDS, `must be one of ${EVENT_KINDS.join(", ")}`).optional(),
  format: FormatParam.optional(),
  lang: LangParam.optional(),
});
export type EventListParams = z.infer<typeof EventListParamsSchema>;

/** The fields of an event body, in the order of the `events` table's columns. */
export const EVENT_FIELDS = [
  "zone",
  "date",
  "kind",
  "category",
  "title_en",
  "title_zh",
  "description",
  "source_title",
  "source_url",
  "published_on",
  "quote",
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

const text = (max: number) =>
  z
    .string("must be text")
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? "");

const EventBodySchema = z.strictObject(
  {
    zone: text(200),
    // A year alone may come as a number.
    date: z
      .union([z.string(), z.number()], "must be text: YYYY, YYYY-MM or YYYY-MM-DD")
      .nullish()
      .transform((value) => (value === null || value === undefined ? "" : String(value))),
    kind: text(40),
    category: text(100),
    title_en: text(500),
    title_zh: text(500),
    description: text(10_000),
    source_title: text(500),
    source_url: text(2000),
    published_on: text(40),
    quote: text(10_000),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}; the fields are ${EVENT_FIELDS.join(", ")}`
        : issue.code === "invalid_type"
          ? "must be a JSON object"
          : undefined,
  },
);

/** An event as text cells, keyed by the `events` table's columns ("" for a field left out). */
export type EventFields = Record<EventField, string>;

export type FieldProblem = { field: string; message: string };

/** A 400 naming the field(s): "Event date: '2024-13' is not a date: …". */
export function eventBodyError(problems: readonly FieldProblem[]): AppError {
  const message = problems.map((p, i) => `${i === 0 ? "Event " : ""}${p.field}: ${p.message}`).join("; ");
  return new AppError("bad_request", message || "Event: the body is invalid", { field: problems[0]?.field ?? "body", errors: problems });
}

/** Checks an event body's shape; what the fields mean is checked by the importer's mapping. */
export function parseEventBody(body: unknown): EventFields {
  const result = EventBodySchema.safeParse(body);
  if (!result.success)
    throw eventBodyError(result.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message })));
  return result.data;
}
