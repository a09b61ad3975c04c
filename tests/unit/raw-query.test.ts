// The raw SQL helper: named parameters bound once each, programming errors thrown before the database is
// asked, and rows that do not fit their schema refused with the query and the column named (issue 12, point 6).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CHECKED_ROWS, bindNamed, rawExecute, rawQuery, RawQueryError, type RawDb } from "@/lib/db/raw";
import { toPublicError } from "@/lib/errors";

/** A database that records what it was asked and answers with `rows`. */
function fakeDb(rows: unknown[]) {
  const calls: { sql: string; values: unknown[] }[] = [];
  const db = {
    $queryRawUnsafe: (sql: string, ...values: unknown[]) => {
      calls.push({ sql, values });
      return Promise.resolve(rows);
    },
    $executeRawUnsafe: (sql: string, ...values: unknown[]) => {
      calls.push({ sql, values });
      return Promise.resolve(rows.length);
    },
  } as unknown as RawDb;
  return { db, calls };
}

const Row = z.object({ code: z.string(), n: z.number().int(), note: z.string().nullable() });

describe("bindNamed", () => {
  it("numbers names in order of first use and binds a name used twice once", () => {
    const bound = bindNamed("t", "SELECT * FROM x WHERE a = {{zone}} AND b > {{ from }} OR c = {{zone}}", {
      from: "2020-01-01",
      zone: "anhui",
    });
    expect(bound).toEqual({ text: "SELECT * FROM x WHERE a = $1 AND b > $2 OR c = $1", values: ["anhui", "2020-01-01"] });
  });

  it("keeps arrays and nulls as one value each", () => {
    expect(bindNamed("t", "a = ANY({{ids}}::int[]) AND ({{kind}}::text IS NULL)", { ids: [3, 4], kind: null }).values).toEqual([
      [3, 4],
      null,
    ]);
  });

  it("refuses a name the parameters lack, a parameter the SQL never uses, and positional $n", () => {
    expect(() => bindNamed("catalog.zones", "a = {{zone}}", {})).toThrow("Query 'catalog.zones': no value for parameter 'zone'");
    expect(() => bindNamed("q", "a = {{zone}}", { zone: 1, year: 2020, kind: "x" })).toThrow(
      "Query 'q': parameters 'year', 'kind' not used",
    );
    expect(() => bindNamed("q", "a = $1", {})).toThrow(RawQueryError);
  });
});

describe("rawQuery", () => {
  it("sends the bound SQL and returns rows that fit", async () => {
    const { db, calls } = fakeDb([{ code: "anhui", n: 3, note: null }]);
    const rows = await rawQuery(db, "q", "SELECT code, n, note FROM zones WHERE code = {{code}}", Row, { code: "anhui" });
    expect(rows).toEqual([{ code: "anhui", n: 3, note: null }]);
    expect(calls).toEqual([{ sql: "SELECT code, n, note FROM zones WHERE code = $1", values: ["anhui"] }]);
  });

  it("does not ask the database when a parameter is missing", async () => {
    const { db, calls } = fakeDb([]);
    await expect(rawQuery(db, "q", "SELECT {{a}}", Row)).rejects.toThrow("no value for parameter 'a'");
    expect(calls).toHaveLength(0);
  });

  it("refuses a bigint count, a numeric as a string and a renamed column, naming the query and the column", async () => {
    await expect(rawQuery(fakeDb([{ code: "a", n: 3n, note: null }]).db, "catalog.zones", "SELECT 1", Row)).rejects.toThrow(
      /Query 'catalog\.zones' returned a row \(1\).*column 'n': .*number/,
    );
    await expect(rawQuery(fakeDb([{ code: "a", n: "3", note: null }]).db, "q", "SELECT 1", Row)).rejects.toThrow(/column 'n'/);
    await expect(rawQuery(fakeDb([{ code: "a", count: 3, note: null }]).db, "q", "SELECT 1", Row)).rejects.toThrow(/column 'n'/);
    await expect(rawQuery(fakeDb([{ code: "a", n: 1.5, note: null }]).db, "q", "SELECT 1", Row)).rejects.toThrow(/column 'n'/);
  });

  it("names the row that does not fit", async () => {
    const rows = [
      { code: "a", n: 1, note: null },
      { code: "b", n: 2, note: 7 },
    ];
    await expect(rawQuery(fakeDb(rows).db, "q", "SELECT 1", Row)).rejects.toThrow(/row \(2\).*column 'note'/);
  });

  it("checks the first CHECKED_ROWS rows of a large result, and returns the rest as they are", async () => {
    const good = Array.from({ length: CHECKED_ROWS }, (_, i) => ({ code: `z${i}`, n: i, note: null }));
    await expect(rawQuery(fakeDb([...good.slice(1), { code: "x", n: 1n, note: null }]).db, "q", "SELECT 1", Row)).rejects.toThrow(
      new RegExp(`row \\(${CHECKED_ROWS}\\)`),
    );
    const late = { code: "late", n: 1, note: null };
    expect(await rawQuery(fakeDb([...good, late]).db, "q", "SELECT 1", Row)).toHaveLength(CHECKED_ROWS + 1);
  });

  it("surfaces as a 500 'internal', never a 4xx or a 503", async () => {
    const error = await rawQuery(fakeDb([{ code: "a", n: 3n, note: null }]).db, "q", "SELECT 1", Row).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RawQueryError);
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(toPublicError(error)).toMatchObject({ status: 500, code: "internal" });
    } finally {
      console.error = original;
    }
  });
});

describe("rawExecute", () => {
  it("binds named parameters and returns the count", async () => {
    const { db, calls } = fakeDb([{}, {}]);
    expect(await rawExecute(db, "u", "UPDATE t SET a = {{a}} WHERE k = ANY({{keys}})", { a: 1, keys: ["x"] })).toBe(2);
    expect(calls).toEqual([{ sql: "UPDATE t SET a = $1 WHERE k = ANY($2)", values: [1, ["x"]] }]);
  });
});
