// Writes of the import pipeline, in bulk, inside the caller's transaction: the lock that serialises
// imports, sources, and the lookups the run needs. Observations go through observation-writer.ts (COPY and a merge).
import { createHash } from "node:crypto";
import type { IsoDate } from "../domain/dates.ts";
import { toIsoDate } from "../domain/dates.ts";
import { z } from "zod";
import { int, text } from "../db/columns.ts";
import type { Prisma } from "../db/generated/client.ts";
import { rawQuery } from "../db/raw.ts";
import type { IndicatorRef, ZoneRef } from "./catalog.ts";
import type { SourceInput } from "./map.ts";

export type Tx = Prisma.TransactionClient;

// Serialises imports on a PostgreSQL server: two at once would race on the same identities.
const IMPORT_LOCK_KEY = 72_707_370;

/** Waits for any other import to end; held until this transaction ends. */
export async function lockImports(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", IMPORT_LOCK_KEY);
}

export function sourceKey(source: SourceInput): string {
  return createHash("sha256")
    .update(`${source.title}\u0000${source.url ?? ""}\u0000${source.publishedOn ?? ""}`)
    .digest("hex");
}

/** Source ids by key, inserting the sources the database does not have yet. */
export class SourceCache {
  private readonly ids = new Map<string, number>();

  constructor(private readonly tx: Tx) {}

  async resolve(sources: readonly SourceInput[]): Promise<Map<SourceInput, number>> {
    const missing = new Map<string, SourceInput>();
    for (const source of sources) {
      const key = sourceKey(source);
      if (!this.ids.has(key)) missing.set(key, source);
    }
    if (missing.size) {
      const rows = [...missing.entries()];
      await this.tx.$executeRawUnsafe(
        `INSERT INTO sources (key, title, url, published_on)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[])
         ON CONFLICT (key) DO NOTHING`,
        rows.map(([key]) => key),
        rows.map(([, s]) => s.title),
        rows.map(([, s]) => s.url),
        rows.map(([, s]) => s.publishedOn),
      );
      const found = await rawQuery(
        this.tx,
        "sources by key",
        "SELECT id, key FROM sources WHERE key = ANY({{keys}}::text[])",
        z.object({ id: int, key: text }),
        { keys: rows.map(([key]) => key) },
      );
      for (const { id, key } of found) this.ids.set(key, id);
    }
    return new Map(sources.map((source) => [source, this.ids.get(sourceKey(source)) ?? 0]));
  }
}

export async function loadZones(tx: Tx): Promise<ZoneRef[]> {
  const zones = await tx.zone.findMany();
  return zones.map((zone) => ({
    id: zone.id,
    code: zone.code,
    nameEn: zone.nameEn,
    nameZh: zone.nameZh,
    kind: zone.kind,
    parentId: zone.parentId,
    establishedOn: zone.establishedOn ? toIsoDate(zone.establishedOn) : null,
    areaKm2: zone.areaKm2,
    note: zone.note,
    aliases: zone.aliases,
  }));
}

export async function loadIndicators(tx: Tx): Promise<IndicatorRef[]> {
  return tx.indicator.findMany({
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameZh: true,
      unit: true,
      kind: true,
      category: true,
      description: true,
      aliases: true,
      comparable: true,
    },
  });
}

export function dateOrNull(date: IsoDate | null): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}
