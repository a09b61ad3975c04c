// The parameters of a chart image URL: the compare view's, plus language, size and pixel density.
import { z } from "zod";
import { CompareViewSchema } from "./compare.ts";
import { LangParam } from "./series.ts";

export const ChartParamsSchema = CompareViewSchema.extend({
  lang: LangParam.optional(),
  width: z.coerce
    .number()
    .int("must be a whole number of pixels")
    .min(400, "must be at least 400")
    .max(2400, "must be at most 2400")
    .default(1000),
  height: z.coerce
    .number()
    .int("must be a whole number of pixels")
    .min(300, "must be at least 300")
    .max(1600, "must be at most 1600")
    .default(600),
  scale: z.coerce
    .number()
    .refine((n) => [1, 2, 3, 4].includes(n), "must be 1, 2, 3 or 4")
    .default(2),
});

export type ChartParams = z.infer<typeof ChartParamsSchema>;
