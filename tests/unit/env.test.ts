import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database under .data and port 3000", () => {
    expect(parseEnv({}, "/srv/app")).toEqual({
      databaseUrl: undefined,
      databaseReadUrls: [],
      databaseTimeouts: { connectMs: 5000, statementMs: 10_000 },
      dataDir: path.resolve("/srv/app", ".data/pglite"),
      adminToken: undefined,
      importMaxBytes: 100 * 1024 * 1024,
      workbookLimits: { unpackedBytes: 128 * 1024 * 1024, sheetRows: 250_000 },
      seed: true,
      publicReports: true,
      port: 3000,
      monitor: { tolerance: 0.05, thresholds: { behind: 0.1, yoyFall: 0.1, staleDays: 45 }, webhookUrl: undefined },
    });
  });

  it("reads the monitoring thresholds as shares or percentages, and the webhook URL", () => {
    const env = parseEnv(
      {
        FTZ_TARGET_TOLERANCE: "3%",
        FTZ_ALERT_BEHIND: "0.2",
        FTZ_ALERT_YOY_FALL: " 15% ",
        FTZ_ALERT_STALE_DAYS: "30",
        ALERT_WEBHOOK_URL: "https://hooks.example.org/ftz",
      },
      "/srv",
    );
    expect(env.monitor).toEqual({
      tolerance: 0.03,
      thresholds: { behind: 0.2, yoyFall: 0.15, staleDays: 30 },
      webhookUrl: "https://hooks.example.org/ftz",
    });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }, "/srv").databaseUrl).toBeUndefined();
  });

  it("accepts postgres and postgresql URLs and a custom data directory", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/ftz", FTZ_DATA_DIR: "/var/lib/ftz", PORT: "8080" }, "/srv");
    expect(env).toMatchObject({ databaseUrl: "postgres://u:p@db:5432/ftz", dataDir: "/var/lib/ftz", port: 8080 });
  });

  it("reads one or more read replicas, comma-separated", () => {
    const env = parseEnv(
      { DATABASE_URL: "postgresql://p@primary/ftz", DATABASE_READ_URL: "postgresql://p@replica-1/ftz, postgres://p@replica-2:5433/ftz" },
      "/srv",
    );
    expect(env.databaseReadUrls).toEqual(["postgresql://p@replica-1/ftz", "postgres://p@replica-2:5433/ftz"]);
    expect(parseEnv({ DATABASE_URL: "postgresql://p@primary/ftz", DATABASE_READ_URL: " " }, "/srv").databaseReadUrls).toEqual([]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/ftz" }, "DATABASE_URL must be a postgresql:// URL"],
    [
      { DATABASE_URL: "postgresql://p@primary/ftz", DATABASE_READ_URL: "postgresql://p@replica-1/ftz,http://replica-2/ftz" },
      "DATABASE_READ_URL must be one or more postgresql:// URLs of read replicas, comma-separated",
    ],
    [{ DATABASE_READ_URL: "postgresql://p@replica-1/ftz" }, "DATABASE_READ_URL needs DATABASE_URL"],
    [{ FTZ_ADMIN_TOKEN: "short" }, "FTZ_ADMIN_TOKEN must be at least 16 characters"],
    [{ PORT: "99999" }, "PORT must be a TCP port"],
    [{ FTZ_SEED: "yes" }, "FTZ_SEED must be true or false"],
    [{ FTZ_PUBLIC_REPORTS: "maybe" }, "FTZ_PUBLIC_REPORTS must be true or false"],
    [{ FTZ_IMPORT_MAX_BYTES: "-1" }, "FTZ_IMPORT_MAX_BYTES must be a positive number of bytes"],
    [{ FTZ_IMPORT_MAX_UNPACKED_BYTES: "1.5" }, "FTZ_IMPORT_MAX_UNPACKED_BYTES must be a whole number of bytes"],
    [{ FTZ_DB_CONNECT_TIMEOUT_MS: "10" }, "FTZ_DB_CONNECT_TIMEOUT_MS must be at least 100 ms"],
    [{ FTZ_DB_STATEMENT_TIMEOUT_MS: "2.5" }, "FTZ_DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds"],
    [{ FTZ_IMPORT_MAX_SHEET_ROWS: "0" }, "FTZ_IMPORT_MAX_SHEET_ROWS must be a positive number of rows"],
    [{ FTZ_TARGET_TOLERANCE: "150%" }, "FTZ_TARGET_TOLERANCE must be between 0 and 1"],
    [{ FTZ_ALERT_BEHIND: "lots" }, "FTZ_ALERT_BEHIND must be a number such as 0.1 or 10%"],
    [{ FTZ_ALERT_STALE_DAYS: "1.5" }, "FTZ_ALERT_STALE_DAYS must be a whole number of days"],
    [{ ALERT_WEBHOOK_URL: "ftp://example.org/x" }, "ALERT_WEBHOOK_URL must be an http:// or https:// URL"],
  ])("rejects %j naming the variable", (source, message) => {
    expect(() => parseEnv(source, "/srv")).toThrow(EnvError);
    expect(() => parseEnv(source, "/srv")).toThrow(message);
  });

  it("names every bad variable at once", () => {
    try {
      parseEnv({ DATABASE_URL: "x", PORT: "abc" }, "/srv");
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).issues).toHaveLength(2);
    }
  });
});
