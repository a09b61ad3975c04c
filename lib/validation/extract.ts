// The body of POST /api/extract: a text and its source.
import { z } from "zod";
import { AppError } from "../errors.ts";

export const ExtractBodySchema = z.object({
  text: z.string().trim().min(1, "is empty").max(200_000, "is longer than 200,000 characters"),
  source: z.object({
    title: z.string().trim().min(1, "is empty").max(500),
    url: z.string().trim().max(2000).nullish(),
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"),
  }),
});
export type ExtractBody = z.infer<typeof ExtractBodySchema>;

/** Checks the body; a 400 names the field (`source.publishedOn: must be YYYY-MM-DD`). */
export function parseExtractBody(body: unknown): ExtractBody {
  const result = ExtractBodySchema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
  const message = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new AppError("bad_request", message, { field: problems[0]?.field ?? "body", errors: problems });
}
