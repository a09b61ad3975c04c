// The compare view in the URL: the series parameters plus how to draw them. One canonical order of
// parameters, so that equal views have equal links.
import { z } from "zod";
import { SeriesParamsSchema } from "./series.ts";

export const CHART_TYPES = ["line", "bar"] as const;
export const AXES = ["date", "launch"] as const;
/** The chart of a series, or the periods the zones share side by side. */
export const COMPARE_VIEWS = ["chart", "same"] as const;

export const CompareViewSchema = SeriesParamsSchema.extend({
  chart: z.enum(CHART_TYPES, "must be line or bar").default("line"),
  axis: z.enum(AXES, "must be date or launch").default("date"),
  view: z.enum(COMPARE_VIEWS, "must be chart or same").default("chart"),
});

export type CompareView = z.infer<typeof CompareViewSchema>;

export { viewQuery } from "./compare-query.ts";
