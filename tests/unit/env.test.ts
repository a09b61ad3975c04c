import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database under .data and port 3000", () => {
    expect(parseEnv({}, "/srv/app")).toEqual({
      databaseUrl: undefined,
      dataDir: path.resolve("/srv/app", ".data/pglite"),
      adminToken: undefined,
      importMaxBytes: 100 * 1024 * 1024,
      seed: true,
      port: 3000,
    });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }, "/srv").databaseUrl).toBeUndefined();
  });

  it("accepts postgres and postgresql URLs and a custom data directory", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/ftz", FTZ_DATA_DIR: "/var/lib/ftz", PORT: "8080" }, "/srv");
    expect(env).toMatchObject({ databaseUrl: "postgres://u:p@db:5432/ftz", dataDir: "/var/lib/ftz", port: 8080 });
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/ftz" }, "DATABASE_URL must be a postgresql:// URL"],
    [{ FTZ_ADMIN_TOKEN: "short" }, "FTZ_ADMIN_TOKEN must be at least 16 characters"],
    [{ PORT: "99999" }, "PORT must be a TCP port"],
    [{ FTZ_SEED: "yes" }, "FTZ_SEED must be true or false"],
    [{ FTZ_IMPORT_MAX_BYTES: "-1" }, "FTZ_IMPORT_MAX_BYTES must be a positive number of bytes"],
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
