// Which statements a read replica may answer, and WAL positions as PostgreSQL writes them (lib/db/read-routing.ts).
import { describe, expect, it } from "vitest";
import { formatLsn, isReadOnlyStatement, parseLsn } from "@/lib/db/read-routing";
import { laterPosition, readAfterOf } from "@/lib/read-context";

describe("isReadOnlyStatement", () => {
  it.each([
    'SELECT "public"."zones"."id" FROM "public"."zones" WHERE 1=1',
    "  with t as (select 1) select * from t",
    "-- the version\nSELECT max(updated_at) FROM events",
    "/* prisma */ SELECT count(*) FROM observations",
    "SELECT to_char(max(updated_at), 'YYYY') FROM events",
  ])("a replica may answer %j", (sql) => {
    expect(isReadOnlyStatement(sql)).toBe(true);
  });

  it.each([
    'INSERT INTO "public"."reports" ("title") VALUES ($1) RETURNING "id"',
    "UPDATE alerts SET magnitude = 1",
    "DELETE FROM events WHERE id = $1",
    "WITH moved AS (DELETE FROM staging RETURNING *) SELECT count(*) FROM moved",
    "SELECT * FROM zones FOR UPDATE",
    "SELECT id FROM imports FOR NO KEY UPDATE",
    "SELECT pg_advisory_lock(42)",
    "SELECT pg_try_advisory_xact_lock(42)",
    "SELECT nextval('imports_id_seq')",
    "SELECT set_config('statement_timeout', '0', false)",
    "SET statement_timeout = 0",
    "BEGIN",
    "COPY staging FROM STDIN",
  ])("goes to the primary: %j", (sql) => {
    expect(isReadOnlyStatement(sql)).toBe(false);
  });
});

describe("WAL positions", () => {
  it("orders positions as PostgreSQL does (the high half first) and writes them back the same", () => {
    expect(parseLsn("0/3016060")).toBe(0x3016060n);
    expect(parseLsn("1/0")).toBeGreaterThan(parseLsn("0/FFFFFFFF"));
    expect(formatLsn(parseLsn("A/3016060"))).toBe("A/3016060");
    expect(parseLsn("not a position")).toBe(0n);
    expect(parseLsn(null)).toBe(0n);
  });

  it("takes the later of two positions, and reads the session's cookie", () => {
    expect(laterPosition("0/3016060", "0/2000000")).toBe("0/3016060");
    expect(laterPosition(undefined, "1/0")).toBe("1/0");
    expect(laterPosition(undefined, undefined)).toBeUndefined();
    expect(readAfterOf("ftz-lang=zh; ftz-read-after=0/3016060; x=1")).toBe("0/3016060");
    expect(readAfterOf("ftz-read-after=0/3016060;evil")).toBe("0/3016060");
    // As Next.js sets it: the value URI-encoded.
    expect(readAfterOf("ftz-read-after=0%2F3016060")).toBe("0/3016060");
    expect(readAfterOf("ftz-read-after=DROP")).toBeUndefined();
    expect(readAfterOf(null)).toBeUndefined();
  });
});
