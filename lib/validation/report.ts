// A report as the editor sends it and the database keeps it: a title, notes, a language, and the
// ordered items — each a compare view (its query string), whether to show its chart and its table,
// and a note.
import { z } from "zod";
import { CompareViewSchema } from "./compare.ts";
import { searchParamsUrl } from "./search-params.ts";
import { parseParams } from "./params.ts";
import { AppError } from "../errors.ts";

export const ReportItemSchema = z.object({
  view: z.string().min(1, "is empty").max(2000, "is too long"),
  /** The chart's title when it was added: shown in the editor only (documents take the live title). */
  title: z.string().max(300, "must be at most 300 characters").default(""),
  showChart: z.boolean().default(true),
  showTable: z.boolean().default(true),
  note: z.string().max(4000, "must be at most 4000 characters").default(""),
});

export const ReportSchema = z.object({
  title: z.string().trim().min(1, "is empty: give the report a title").max(200, "must be at most 200 characters"),
  notes: z.string().max(20_000, "must be at most 20000 characters").default(""),
  locale: z.enum(["en", "zh"], "must be en or zh").default("en"),
  items: z.array(ReportItemSchema).min(1, "is empty: add at least one chart or table").max(30, "can hold at most 30 items"),
});

export type ReportItem = z.infer<typeof ReportItemSchema>;
export type ReportInput = z.infer<typeof ReportSchema>;

/** Validates a report body; every item's view must be a valid compare view. Errors name the field. */
export function parseReport(body: unknown): ReportInput {
  // PostgreSQL cannot store a NUL character in JSON text: refused here, not by the database.
  if (JSON.stringify(body).includes("\\u0000"))
    throw new AppError("bad_request", "Report text holds a NUL character (\\0), which cannot be stored: remove it.", { field: "body" });
  const result = ReportSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw new AppError("bad_request", `Report ${field}: ${issue?.message ?? "is invalid"}`, { field });
  }
  result.data.items.forEach((item, index) => {
    try {
      parseParams(searchParamsUrl("/compare", Object.fromEntries(new URLSearchParams(item.view))), CompareViewSchema, ["zones"]);
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError("bad_request", `Report items.${index}.view: ${error.message}`, { field: `items.${index}.view` });
      throw error;
    }
  });
  return result.data;
}
