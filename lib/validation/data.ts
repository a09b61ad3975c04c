// The data explorer's view in the URL: filters, text search, sort, page, page size and hidden columns.
import { z } from "zod";
import { ObservationFilterSchema } from "./observations.ts";

export const SORTABLE = ["zone", "indicator", "period", "value", "published_on", "updated_at"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const DATA_COLUMNS = [
  "zone",
  "indicator",
  "period",
  "basis",
  "value",
  "published",
  "yoy",
  "status",
  "source",
  "updated_at",
] as const;

export const DataViewSchema = ObservationFilterSchema.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  sort: z
    .string()
    .regex(new RegExp(`^(${SORTABLE.join("|")}):(asc|desc)$`), `must be a column (${SORTABLE.join(", ")}) and :asc or :desc`)
    .optional(),
  page: z.coerce.number().int().min(1, "must be 1 or more").max(1_000_000).optional(),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `must be ${PAGE_SIZES.join(", ")}`)
    .optional(),
  hide: z.array(z.enum(DATA_COLUMNS, `must be columns of ${DATA_COLUMNS.join(", ")}`)).optional(),
  open: z.coerce.number().int().positive().optional(),
});

export const DATA_LIST_PARAMS = ["zone", "indicator", "basis", "status", "qualifier", "hide"] as const;

export type DataView = z.infer<typeof DataViewSchema>;
