// The national page's URL: sort column and direction, the same-period choice and the grid's indicator.
// Lenient like the other pages' views: an unknown value falls back to the default, never an error page.
import { z } from "zod";

export const NationalQuerySchema = z.object({
  sort: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional()
    .catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  same: z.enum(["1"]).optional().catch(undefined),
  map: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional()
    .catch(undefined),
});
export type NationalQuery = z.infer<typeof NationalQuerySchema>;

export function parseNationalQuery(raw: Record<string, string | string[] | undefined>): NationalQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return NationalQuerySchema.parse({ sort: first(raw.sort), dir: first(raw.dir), same: first(raw.same), map: first(raw.map) });
}
