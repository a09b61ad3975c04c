// Query parameters, validated at the edge: unknown names and bad values are 400s that name the parameter.
import { z } from "zod";
import { AppError } from "../errors.ts";

/** Collects a URL's parameters; repeated names and comma-separated values become lists. */
export function collectParams(url: URL, listParams: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = listParams.includes(key)
      ? values
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(Boolean)
      : (values.at(-1) ?? "");
  }
  return out;
}

/** An endpoint that takes no parameters refuses any, as parseParams refuses unknown ones. */
export function refuseParams(url: URL): void {
  if (url.searchParams.size) throw new AppError("bad_request", "This endpoint takes no parameters");
}

/** Parses with a zod object schema; unknown parameters are refused, naming them and the known ones. */
export function parseParams<Schema extends z.ZodObject>(url: URL, schema: Schema, listParams: readonly string[] = []): z.infer<Schema> {
  const raw = collectParams(url, listParams);
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(raw).filter((key) => !known.includes(key));
  if (unknown.length) {
    throw new AppError(
      "bad_request",
      `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}. Known parameters: ${known.join(", ")}`,
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "parameters");
    throw new AppError("bad_request", `Parameter '${name}': ${issue?.message ?? "invalid"}`, { parameter: name });
  }
  return result.data;
}

export const BooleanParam = z
  .enum(["1", "0", "true", "false", "yes", "no"], "must be 1 or 0 (true or false)")
  .transform((value) => value === "1" || value === "true" || value === "yes");
