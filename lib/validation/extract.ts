// The body of POST /api/extract: a text and its source. The source's publication date may be known only to the
// month or the year (a page that shows "2024-04" or "2024"): `publishedOn` takes YYYY, YYYY-MM or YYYY-MM-DD.
import { z } from "zod";
import { parsePartialDate, type DatePrecision, type IsoDate } from "../domain/dates.ts";
import { AppError } from "../errors.ts";

export type PublishedPrecision = DatePrecision;
export type Published = { publishedOn: IsoDate; publishedPrecision: PublishedPrecision };

export const PUBLISHED_FORMAT = "YYYY, YYYY-MM or YYYY-MM-DD";

/**
 * `2021-01-25`, `2024-04`, `2024`: the date the finder reads 今年 and "last year" against — the day itself, else the
 * last day of the month or year (a total "as of" publication ends no later than that) — with how much of it the
 * source states. Null where the text is no such date (2024-13, 2023-02-29, 24-04-01).
 */
export function parsePublished(text: string): Published | null {
  const date = parsePartialDate(text);
  if (!date) return null;
  return { publishedOn: date.precision === "day" ? date.start : date.end, publishedPrecision: date.precision };
}

export const ExtractBodySchema = z.object({
  text: z.string().trim().min(1, "is empty").max(200_000, "is longer than 200,000 characters"),
  source: z
    .object({
      title: z.string().trim().min(1, "is empty").max(500),
      url: z.string().trim().max(2000).nullish(),
      publishedOn: z.string({ error: `is required: ${PUBLISHED_FORMAT}` }),
    })
    .transform(({ title, url, publishedOn }, ctx) => {
      const published = parsePublished(publishedOn);
      if (!published) {
        ctx.addIssue({ code: "custom", path: ["publishedOn"], message: `must be ${PUBLISHED_FORMAT} (a real date)` });
        return z.NEVER;
      }
      return { title, url: url ?? null, ...published };
    }),
});
export type ExtractBody = z.infer<typeof ExtractBodySchema>;

/** Checks the body; a 400 names the field (`source.publishedOn: must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)`). */
export function parseExtractBody(body: unknown): ExtractBody {
  const result = ExtractBodySchema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
  const message = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new AppError("bad_request", message, { field: problems[0]?.field ?? "body", errors: problems });
}
