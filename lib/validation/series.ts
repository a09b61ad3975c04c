// The parameters of a comparison: the series API, the compare page and the chart URLs share them.
import { z } from "zod";
import { parsePeriod } from "../domain/periods.ts";
import { FREQUENCIES } from "../domain/series.ts";
import { TRANSFORMS } from "../domain/transforms.ts";
import { LangParam } from "./lang.ts";
import { dateBound } from "./observations.ts";
import { BASES } from "../domain/vocabulary.ts";

const Code = z.string().regex(/^[a-z0-9_-]+$/i, "must be a code such as anhui-ftz or new_enterprises");

const DateParam = (edge: "start" | "end") =>
  z.string().transform((text, ctx) => {
    const date = dateBound(text, edge);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `'${text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` });
      return z.NEVER;
    }
    return date;
  });

export const SeriesParamsSchema = z.object({
  indicator: Code,
  zones: z.array(Code).min(1, "name at least one zone").max(12, "at most 12 zones in one comparison"),
  transform: z.enum(TRANSFORMS, `must be one of ${TRANSFORMS.join(", ")}`).default("level"),
  base: z
    .string()
    .refine(
      (text) => text === "launch" || text === "first" || parsePeriod(text).ok,
      "must be launch, first, or a period such as 2021, 2021-Q1 or 2021-01/2021-07",
    )
    .optional(),
  freq: z.enum(FREQUENCIES, `must be one of ${FREQUENCIES.join(", ")}`).optional(),
  basis: z.enum(BASES, `must be one of ${BASES.join(", ")}`).optional(),
  from: DateParam("start").optional(),
  to: DateParam("end").optional(),
});

export const SERIES_LIST_PARAMS = ["zones"] as const;

export { LangParam };

export const FormatParam = z.enum(["json", "csv", "xlsx"], "must be json, csv or xlsx");

export const SeriesQuerySchema = SeriesParamsSchema.extend({ format: FormatParam.optional(), lang: LangParam.optional() });

export type SeriesParams = z.infer<typeof SeriesParamsSchema>;
