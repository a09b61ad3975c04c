// Parameters of the monitoring API and page: the target year, alert filters, formats and language.
import { z } from "zod";
import { FormatParam, LangParam } from "./series.ts";
import { ALERT_KINDS } from "../domain/vocabulary.ts";

const Year = z.coerce
  .number("must be a year such as 2025")
  .int("must be a year such as 2025")
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");

export const MonitorParamsSchema = z.object({ year: Year.optional(), format: FormatParam.optional(), lang: LangParam.optional() });

/**
 * The monitor page's parameters: the same year and alert kind as the API, plus which alerts to list. A page
 * is lenient: a bad value is ignored (the page shows the default), where the API answers 400.
 */
export const MonitorPageSchema = z.object({
  year: Year.optional().catch(undefined),
  kind: z.enum(ALERT_KINDS).optional().catch(undefined),
  alerts: z.enum(["acknowledged"]).optional().catch(undefined),
});

export const ALERT_STATES = ["open", "acknowledged", "resolved", "all"] as const;

export const AlertParamsSchema = z.object({
  state: z.enum(ALERT_STATES, "must be open, acknowledged, resolved or all").optional(),
  kind: z.enum(ALERT_KINDS, `must be one of ${ALERT_KINDS.join(", ")}`).optional(),
  zone: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a zone code")
    .optional(),
  format: z.enum(["json", "atom", "csv"], "must be json, atom or csv").optional(),
  lang: LangParam.optional(),
});

/** A target as an admin enters it: the same fields as a row of the data package's targets table. */
export const TargetBodySchema = z.object({
  zone: z.string().trim().min(1, "is empty"),
  indicator: z.string().trim().min(1, "is empty"),
  year: z.union([z.number().int(), z.string().trim()]).transform(String),
  value: z.union([z.number(), z.string().trim().min(1, "is empty")]).transform(String),
  unit: z.string().trim().min(1, "is empty"),
  source_title: z.string().trim().max(500).optional(),
  source_url: z.string().trim().max(2000).optional(),
});
