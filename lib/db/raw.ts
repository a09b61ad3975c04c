// The one way to run hand-written SQL: named parameters and rows checked at the boundary.
//
// `rawQuery(db, name, sql, Row, params)` writes each `{{param}}` of `sql` as a positional parameter ($1, $2,
// …): a name used twice binds once, and a name in the SQL that `params` lacks, or a parameter the SQL never
// uses, is a programming error thrown before the database is asked. (umami's rawQuery is the model.)
//
// Each row is checked against `Row`, a zod schema of the columns as the driver returns them: a count that
// comes back as a bigint, a numeric as a string, a renamed or missing column is an error naming the query
// and the column — a 500 "internal" with the cause logged, never a wrong number on a page. Schemas check,
// they never transform (their input and output types are one type): the rows are returned as the driver
// gave them, so a checked row and an unchecked one are the same shape. Columns that should reach the app
// in camelCase are named so in the SQL (`i.name_en AS "nameEn"`).
//
// The rule for large results: the first CHECKED_ROWS rows are checked, the rest are not. A column's type
// is the query's, the same on every row, so the first row already catches a bigint, a string or a renamed
// column; what later rows can differ in is only a null where the schema says none. Zod 4 checks a
// thousand of the 10-column series rows in about 0.3 ms and a thousand of the 29-column observation rows
// in about 1 ms (measured on this machine, warm; a fresh process's first calls are 10-20 times slower),
// so results of up to a thousand rows (every page's) are checked whole; checking all of a 5,000-row
// export batch would cost ~5 ms a batch for no new information.
import type { z } from "zod";
import type { Prisma } from "./generated/client.ts";

/** A client or a transaction: what raw SQL runs on. */
export type RawDb = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Values bound to the `{{name}}` placeholders of a query. */
export type RawParams = Readonly<Record<string, unknown>>;

/** How many rows of a result are checked against the row schema (see the module's header). */
export const CHECKED_ROWS = 1000;

/** A query written wrongly (parameters) or a row the schema does not describe: a programming error, a 500. */
export class RawQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RawQueryError";
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The SQL with `{{name}}` written as `$n`, and the values in that order. Throws on an unknown or unused name. */
export function bindNamed(name: string, sql: string, params: RawParams): { text: string; values: unknown[] } {
  if (/\$\d/.test(sql)) throw new RawQueryError(`Query '${name}': write parameters as {{name}}, not $n`);
  const order = new Map<string, number>();
  const values: unknown[] = [];
  const text = sql.replace(PLACEHOLDER, (_match, key: string) => {
    let n = order.get(key);
    if (n === undefined) {
      if (!Object.hasOwn(params, key)) throw new RawQueryError(`Query '${name}': no value for parameter '${key}'`);
      values.push(params[key]);
      n = values.length;
      order.set(key, n);
    }
    return `$${n}`;
  });
  const unused = Object.keys(params).filter((key) => !order.has(key));
  if (unused.length)
    throw new RawQueryError(`Query '${name}': parameter${unused.length > 1 ? "s" : ""} ${unused.map((k) => `'${k}'`).join(", ")} not used`);
  return { text, values };
}

/** Throws a RawQueryError naming the query, the row and each column that does not fit `schema`. */
function checkRows(name: string, rows: readonly unknown[], schema: z.ZodType): void {
  const checked = Math.min(rows.length, CHECKED_ROWS);
  for (let i = 0; i < checked; i++) {
    const result = schema.safeParse(rows[i]);
    if (result.success) continue;
    const problems = result.error.issues.map((issue) => {
      const column = issue.path.length ? issue.path.map(String).join(".") : "(row)";
      return `column '${column}': ${issue.message}`;
    });
    throw new RawQueryError(`Query '${name}' returned a row (${i + 1}) its schema does not describe: ${problems.join("; ")}`);
  }
}

/** Runs `sql` with named parameters and returns its rows, checked against `row` (see the module's header). */
export async function rawQuery<T>(db: RawDb, name: string, sql: string, row: z.ZodType<T, T>, params: RawParams = {}): Promise<T[]> {
  const { text, values } = bindNamed(name, sql, params);
  const rows = await db.$queryRawUnsafe<unknown[]>(text, ...values);
  checkRows(name, rows, row);
  return rows as T[];
}

/** Runs a statement that returns no rows (an UPDATE, a DELETE) with named parameters; the number of rows it changed. */
export async function rawExecute(db: RawDb, name: string, sql: string, params: RawParams = {}): Promise<number> {
  const { text, values } = bindNamed(name, sql, params);
  return db.$executeRawUnsafe(text, ...values);
}
