// Writes of the import pipeline, in bulk, inside the caller's transaction. Observations go in
// batches through unnest() arrays, so a large file costs a handful of statements per batch.
import { createHash } from "node:crypto";
import type { IsoDate } from "../domain/dates.ts";
import { toIsoDate } from "../domain/dates.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { IndicatorRef, ZoneRef } from "./catalog.ts";
import type { ObservationInput, SourceInput } from "./map.ts";

export type Tx = Prisma.TransactionClient;

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
      const found = await this.tx.$queryRawUnsafe<{ id: number; key: string }[]>(
        `SELECT id, key FROM sources WHERE key = ANY($1::text[])`,
        rows.map(([key]) => key),
      );
      for (const { id, key } of found) this.ids.set(key, id);
    }
    return new Map(sources.map((source) => [source, this.ids.get(sourceKey(source)) ?? 0]));
  }
}

export type ExistingObservation = {
  id: number;
  key: string;
  value: number;
  qualifier: string;
  yoy_pct: number | null;
  status: string;
  source_id: number;
  quote: string | null;
  note: string | null;
  published_value: number;
  published_unit: string;
};

/** The (zone, indicator) pairs that have figures, as "zoneId|indicatorId". */
export async function existingSeries(tx: Tx): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ zone_id: number; indicator_id: number }[]>(
    "SELECT DISTINCT zone_id, indicator_id FROM observations",
  );
  return new Set(rows.map((r) => `${r.zone_id}|${r.indicator_id}`));
}

export async function findExisting(tx: Tx, inputs: readonly ObservationInput[]): Promise<Map<string, ExistingObservation>> {
  if (inputs.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<
    (Omit<ExistingObservation, "key"> & { zone_id: number; indicator_id: number; basis: string; s: string; e: string })[]
  >(
    `SELECT o.id, o.zone_id, o.indicator_id, o.basis::text AS basis,
            to_char(o.period_start, 'YYYY-MM-DD') AS s, to_char(o.period_end, 'YYYY-MM-DD') AS e,
            o.value, o.qualifier::text AS qualifier, o.yoy_pct, o.status::text AS status, o.source_id, o.quote, o.note,
            o.published_value, o.published_unit
       FROM observations o
       JOIN unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::date[]) AS k(zone_id, indicator_id, basis, s, e)
         ON o.zone_id = k.zone_id AND o.indicator_id = k.indicator_id AND o.basis = k.basis::"Basis"
        AND o.period_start = k.s AND o.period_end = k.e`,
    inputs.map((o) => o.zoneId),
    inputs.map((o) => o.indicatorId),
    inputs.map((o) => o.basis),
    inputs.map((o) => o.period.start),
    inputs.map((o) => o.period.end),
  );
  return new Map(
    rows.map((row) => [
      `${row.zone_id}|${row.indicator_id}|${row.basis}|${row.s}|${row.e}`,
      { ...row, key: `${row.zone_id}|${row.indicator_id}|${row.basis}|${row.s}|${row.e}` },
    ]),
  );
}

type Resolved = { input: ObservationInput; sourceId: number };

function columns(rows: readonly Resolved[]) {
  return [
    rows.map((r) => r.input.period.label),
    rows.map((r) => r.input.period.start),
    rows.map((r) => r.input.period.end),
    rows.map((r) => r.input.period.granularity),
    rows.map((r) => r.input.value),
    rows.map((r) => r.input.publishedValue),
    rows.map((r) => r.input.publishedUnit),
    rows.map((r) => r.input.qualifier),
    rows.map((r) => r.input.yoyPct),
    rows.map((r) => r.input.status),
    rows.map((r) => r.sourceId),
    rows.map((r) => r.input.quote),
    rows.map((r) => r.input.note),
  ];
}

export async function insertObservations(tx: Tx, rows: readonly Resolved[], importId: number): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO observations (zone_id, indicator_id, basis, period, period_start, period_end, granularity, value,
                               published_value, published_unit, qualifier, yoy_pct, status, source_id, quote, note, import_id)
     SELECT z, i, b::"Basis", p, s, e, g::"Granularity", v, pv, pu, q::"Qualifier", y, st::"ObservationStatus", src, qt, nt, $17
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::float8[],
                   $9::float8[], $10::text[], $11::text[], $12::float8[], $13::text[], $14::int[], $15::text[], $16::text[])
            AS t(z, i, b, p, s, e, g, v, pv, pu, q, y, st, src, qt, nt)`,
    rows.map((r) => r.input.zoneId),
    rows.map((r) => r.input.indicatorId),
    rows.map((r) => r.input.basis),
    ...columns(rows),
    importId,
  );
}

/** Keeps the current values of the given observations as vintages, then writes the new values over them. */
export async function reviseObservations(tx: Tx, rows: readonly (Resolved & { id: number })[], importId: number): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await tx.$executeRawUnsafe(
    `INSERT INTO observation_vintages (observation_id, value, published_value, published_unit, qualifier, yoy_pct, status,
                                       source_id, quote, note, import_id, recorded_at, superseded_at, superseded_by_import_id)
     SELECT id, value, published_value, published_unit, qualifier, yoy_pct, status, source_id, quote, note, import_id,
            updated_at, now(), $2
       FROM observations WHERE id = ANY($1::int[])`,
    ids,
    importId,
  );
  await tx.$executeRawUnsafe(
    `UPDATE observations o
        SET period = t.p, granularity = t.g::"Granularity", value = t.v, published_value = t.pv, published_unit = t.pu,
            qualifier = t.q::"Qualifier", yoy_pct = t.y, status = t.st::"ObservationStatus", source_id = t.src,
            quote = t.qt, note = t.nt, import_id = $15, updated_at = now()
       FROM unnest($1::int[], $2::text[], $3::date[], $4::date[], $5::text[], $6::float8[], $7::float8[], $8::text[],
                   $9::text[], $10::float8[], $11::text[], $12::int[], $13::text[], $14::text[])
            AS t(id, p, s, e, g, v, pv, pu, q, y, st, src, qt, nt)
      WHERE o.id = t.id`,
    ids,
    ...columns(rows),
    importId,
  );
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
