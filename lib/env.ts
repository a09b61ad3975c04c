// The environment, validated once. A bad value stops the app at start with the variable's name
// (next.config.ts imports this module, so `next build` and `next start` fail fast too).
import path from "node:path";
import { z } from "zod";
import { UnavailableError } from "./errors.ts";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A share between 0 and 1, written as 0.05 or 5%. */
function share(fallback: number) {
  return z.preprocess((value) => {
    const text = emptyToUndefined(value);
    return typeof text === "string" && text.trim().endsWith("%") ? Number(text.trim().slice(0, -1)) / 100 : text;
  }, z.coerce.number("must be a number such as 0.1 or 10%").min(0, "must be between 0 and 1 (or 0% and 100%)").max(1, "must be between 0 and 1 (or 0% and 100%)").default(fallback));
}

const EnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must be a postgresql:// URL, e.g. postgresql://postgres@127.0.0.1:5432/ftz_monitor")
      .optional(),
  ),
  DATABASE_READ_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((text) => text.split(",").map((url) => url.trim()))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^postgres(ql)?:\/\/[^\s,]+$/,
              "must be one or more postgresql:// URLs of read replicas, comma-separated, e.g. postgresql://postgres@replica-1:5432/ftz_monitor",
            ),
        ),
      )
      .optional(),
  ),
  FTZ_DB_CONNECT_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int("must be a whole number of milliseconds").min(100, "must be at least 100 ms").default(5000),
  ),
  FTZ_DB_STATEMENT_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int("must be a whole number of milliseconds").min(100, "must be at least 100 ms").default(10_000),
  ),
  FTZ_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  FTZ_ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, "must be at least 16 characters (use a long random string)").optional(),
  ),
  FTZ_IMPORT_MAX_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int("must be a whole number of bytes")
      .positive("must be a positive number of bytes")
      .default(100 * 1024 * 1024),
  ),
  FTZ_IMPORT_MAX_UNPACKED_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int("must be a whole number of bytes")
      .positive("must be a positive number of bytes")
      .default(128 * 1024 * 1024),
  ),
  FTZ_IMPORT_MAX_SHEET_ROWS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int("must be a whole number of rows").positive("must be a positive number of rows").default(250_000),
  ),
  FTZ_PUBLIC_REPORTS: z.preprocess(emptyToUndefined, z.enum(["true", "false"], "must be true or false").default("true")),
  FTZ_SEED: z.preprocess(emptyToUndefined, z.enum(["true", "false"], "must be true or false").default("true")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535, "must be a TCP port").default(3000)),
  FTZ_TARGET_TOLERANCE: share(0.05),
  FTZ_ALERT_BEHIND: share(0.1),
  FTZ_ALERT_YOY_FALL: share(0.1),
  FTZ_ALERT_STALE_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int("must be a whole number of days")
      .min(0, "must be 0 or more days")
      .max(366, "must be at most 366 days")
      .default(45),
  ),
  ALERT_WEBHOOK_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  ),
});

export type DatabaseTimeouts = { connectMs: number; statementMs: number };

export type Env = {
  /** PostgreSQL server URL; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Read replicas of that server (DATABASE_READ_URL); empty when reads go to the primary. */
  databaseReadUrls: string[];
  /** How long to wait for a PostgreSQL connection, and for one statement (imports excepted), in ms. */
  databaseTimeouts: DatabaseTimeouts;
  /** Absolute path of the PGlite data directory (used only without DATABASE_URL). */
  dataDir: string;
  adminToken: string | undefined;
  importMaxBytes: number;
  /** What one uploaded workbook may unpack to and how many rows one of its sheets may declare. */
  workbookLimits: { unpackedBytes: number; sheetRows: number };
  seed: boolean;
  /** Whether visitors may save reports without signing in. */
  publicReports: boolean;
  port: number;
  monitor: {
    /** Within ± this share of the pro-rated target a zone is on track. */
    tolerance: number;
    thresholds: { behind: number; yoyFall: number; staleDays: number };
    webhookUrl: string | undefined;
  };
};

export class EnvError extends UnavailableError {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default). Throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    // The variable's name (a list's entry is named by its variable: DATABASE_READ_URL).
    throw new EnvError(result.error.issues.map((issue) => `${String(issue.path[0] ?? "")} ${issue.message}`));
  }
  const env = result.data;
  if (env.DATABASE_READ_URL && !env.DATABASE_URL)
    throw new EnvError([
      "DATABASE_READ_URL needs DATABASE_URL: read replicas serve the reads of a PostgreSQL primary, not of the embedded database",
    ]);
  return {
    databaseUrl: env.DATABASE_URL,
    databaseReadUrls: env.DATABASE_READ_URL ?? [],
    databaseTimeouts: { connectMs: env.FTZ_DB_CONNECT_TIMEOUT_MS, statementMs: env.FTZ_DB_STATEMENT_TIMEOUT_MS },
    dataDir: path.resolve(cwd, env.FTZ_DATA_DIR),
    adminToken: env.FTZ_ADMIN_TOKEN,
    importMaxBytes: env.FTZ_IMPORT_MAX_BYTES,
    workbookLimits: { unpackedBytes: env.FTZ_IMPORT_MAX_UNPACKED_BYTES, sheetRows: env.FTZ_IMPORT_MAX_SHEET_ROWS },
    seed: env.FTZ_SEED === "true",
    publicReports: env.FTZ_PUBLIC_REPORTS === "true",
    port: env.PORT,
    monitor: {
      tolerance: env.FTZ_TARGET_TOLERANCE,
      thresholds: { behind: env.FTZ_ALERT_BEHIND, yoyFall: env.FTZ_ALERT_YOY_FALL, staleDays: env.FTZ_ALERT_STALE_DAYS },
      webhookUrl: env.ALERT_WEBHOOK_URL,
    },
  };
}

let cached: Env | undefined;

/** The process's environment, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
