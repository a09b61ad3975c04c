// A token that changes whenever the data changes (an import, an added, edited or removed event), for caching what is
// drawn from the data: charts by URL, and anything else keyed on "data since the last change".
import type { PrismaClient } from "../generated/client.ts";
import { z } from "zod";
import { boundedMemo } from "../../memo.ts";
import { int, isoDate, text } from "../columns.ts";
import { rawQuery } from "../raw.ts";
import { READ_LSN_COLUMN, READ_POSITION_SQL } from "../read-routing.ts";

export async function dataVersion(prisma: PrismaClient): Promise<string> {
  return (await dataState(prisma)).version;
}

/** The version token and the day the data last changed (the last import), for "data as of". */
export async function dataState(prisma: PrismaClient): Promise<{ version: string; asOf: string | null }> {
  const rows = await rawQuery(
    prisma,
    "data version",
    `SELECT (SELECT coalesce(max(id), 0) FROM imports WHERE NOT dry_run)::int AS imports,
            -- the count as well: removing an event other than the latest leaves max(updated_at) as it was
            (SELECT to_char(max(updated_at), 'YYYYMMDDHH24MISSMS') || '-' || count(*) FROM events) AS events,
            (SELECT to_char(max(created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM imports WHERE NOT dry_run) AS as_of,
            -- with read replicas: what is read under this version in the request is at least as new (lib/db/read-routing.ts)
            ${READ_POSITION_SQL} AS ${READ_LSN_COLUMN}`,
    z.object({ imports: int, events: text.nullable(), as_of: isoDate.nullable() }),
  );
  const row = rows[0];
  return { version: `${row?.imports ?? 0}.${row?.events ?? "0"}`, asOf: row?.as_of ?? null };
}

// Whole-table answers, a few per data version: an older version's answers are evicted as new ones come.
const byVersion = boundedMemo<unknown>(200);

/**
 * `compute()` once per data version: what is read from the whole table (coverage, counts, the latest
 * figures) is recomputed only after an import or an event change. Per database client, so two
 * databases in one process never share an answer; the version is read from the database, so several
 * app instances agree on it.
 */
export async function cachedByDataVersion<T>(prisma: PrismaClient, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion(prisma);
  return byVersion(prisma, `${version}|${key}`, compute) as Promise<T>;
}
