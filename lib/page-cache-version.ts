// The version of everything a page shows, read from the database in one small query on every page request
// (lib/page-cache.ts): the data version (imports, events; lib/db/queries/version.ts) plus what changes without an
// import — targets, alerts (what they say, acknowledged, resolved) and saved reports. Each part is an aggregate that
// moves whenever a row is added, changed or removed; the database holds it, so every app instance agrees.
// It also says where it was read (READ_LSN_COLUMN): with read replicas, what is read under it is at least as new.
import { z } from "zod";
import type { PrismaClient } from "./db/generated/client.ts";
import { rawQuery } from "./db/raw.ts";
import { READ_LSN_COLUMN, READ_POSITION_SQL } from "./db/read-routing.ts";

const PAGE_VERSION_SQL = `SELECT concat_ws('.',
  (SELECT coalesce(max(id), 0) FROM imports WHERE NOT dry_run),
  (SELECT concat(count(*), '-', to_char(max(updated_at), 'YYYYMMDDHH24MISSMS')) FROM events),
  (SELECT concat(count(*), '-', to_char(max(updated_at), 'YYYYMMDDHH24MISSMS')) FROM targets),
  -- What a page shows of an alert (not last_seen_at, which every refresh moves even when nothing changed).
  (SELECT concat_ws('-', count(*), max(id),
                    sum(hashtext(concat_ws('|', id, magnitude, since, resolved_at, acknowledged_at, details::text)))::bigint) FROM alerts),
  (SELECT concat(count(*), '-', to_char(max(updated_at), 'YYYYMMDDHH24MISSMS')) FROM reports)
) AS version, ${READ_POSITION_SQL} AS ${READ_LSN_COLUMN}`;

export async function pageVersion(prisma: PrismaClient): Promise<string> {
  const rows = await rawQuery(prisma, "page version", PAGE_VERSION_SQL, z.object({ version: z.string().min(1) }));
  const version = rows[0]?.version;
  if (!version) throw new Error("the page version query answered no row");
  return version;
}
