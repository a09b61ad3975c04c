// The zones table of a package: each row checked, a zone defined twice rejected, new zones created and
// changed ones updated (only the columns the file has), parents linked once every zone exists, and
// loops of parents rejected.
import { toIsoDate } from "../../domain/dates.ts";
import type { ZoneRef } from "../catalog.ts";
import { mapZoneRow, type ZoneInput } from "../map.ts";
import { dateOrNull } from "../persist.ts";
import type { SourceRow } from "../read.ts";
import { definedTwice, fieldChanges, type TableImport } from "./context.ts";

export async function importZones({ tx, catalog, tally, table }: TableImport): Promise<void> {
  const { source } = table;
  const rows: SourceRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  const fileCodes = new Set(rows.map((r) => (r.cells.code ?? "").trim().toLowerCase()).filter(Boolean));
  const known = new Set([...fileCodes]);
  for (const code of fileCodes) if (catalog.findZone(code)) known.add(code);
  const existingCodes = (await tx.zone.findMany({ select: { code: true } })).map((z) => z.code);
  existingCodes.forEach((code) => known.add(code));
  const accepted: { row: number; zone: ZoneInput }[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const mapped = mapZoneRow(cells, row, known, source.file);
    if (!mapped.ok) {
      tally.reject("zones", mapped.errors);
      continue;
    }
    const earlier = firstRow.get(mapped.value.code);
    if (earlier !== undefined) {
      tally.reject("zones", [definedTwice("zones", source.file, mapped.value.code, earlier, row)]);
      continue;
    }
    firstRow.set(mapped.value.code, row);
    accepted.push({ row, zone: mapped.value });
  }
  const has = (column: string) => source.columns.includes(column);
  // Parents may come later in the file: write every zone first, then link parents.
  for (const { row, zone } of accepted) {
    const current = catalog.findZone(zone.code);
    const data = {
      nameEn: zone.nameEn,
      kind: zone.kind,
      ...(has("name_zh") ? { nameZh: zone.nameZh } : {}),
      ...(has("established_on") ? { establishedOn: dateOrNull(zone.establishedOn) } : {}),
      ...(has("area_km2") ? { areaKm2: zone.areaKm2 } : {}),
      ...(has("note") ? { note: zone.note } : {}),
      ...(has("aliases") ? { aliases: zone.aliases } : {}),
    };
    if (!current || current.code !== zone.code) {
      const created = await tx.zone.create({ data: { code: zone.code, ...data } });
      catalog.putZone(toZoneRef(created));
      tally.count("zones", "new");
      continue;
    }
    const changes = zoneChanges(current, zone, has, (id) => catalog.zoneById(id)?.code ?? null);
    if (changes.length === 0) {
      tally.count("zones", "unchanged");
      continue;
    }
    const updated = await tx.zone.update({ where: { id: current.id }, data });
    catalog.putZone(toZoneRef(updated));
    tally.revised("zones", row, zone.code, changes);
  }
  if (!has("parent")) return;
  for (const { zone } of accepted) {
    const self = catalog.findZone(zone.code);
    const parent = zone.parentCode ? catalog.findZone(zone.parentCode) : undefined;
    const parentId = parent?.id ?? null;
    if (self && self.parentId !== parentId) {
      const updated = await tx.zone.update({ where: { id: self.id }, data: { parentId } });
      catalog.putZone(toZoneRef(updated));
    }
  }
  for (const { row, zone } of accepted) {
    if (hasCycle(catalog, zone.code)) {
      tally.reject("zones", [
        { table: "zones", file: source.file, row, column: "parent", message: `Parents of zone '${zone.code}' form a loop` },
      ]);
    }
  }
}

function hasCycle(catalog: TableImport["catalog"], code: string): boolean {
  const seen = new Set<number>();
  let zone = catalog.findZone(code);
  while (zone?.parentId != null) {
    if (seen.has(zone.id)) return true;
    seen.add(zone.id);
    zone = catalog.zoneById(zone.parentId);
  }
  return false;
}

function toZoneRef(zone: {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string | null;
  kind: ZoneRef["kind"];
  parentId: number | null;
  establishedOn: Date | null;
  areaKm2: number | null;
  note: string | null;
  aliases: string[];
}): ZoneRef {
  return { ...zone, establishedOn: toIsoDate(zone.establishedOn) };
}

function zoneChanges(current: ZoneRef, next: ZoneInput, has: (column: string) => boolean, codeOf: (id: number) => string | null): string[] {
  const { changes, compare } = fieldChanges();
  compare("name_en", current.nameEn, next.nameEn);
  compare("kind", current.kind, next.kind);
  if (has("name_zh")) compare("name_zh", current.nameZh, next.nameZh);
  if (has("established_on")) compare("established_on", current.establishedOn, next.establishedOn);
  if (has("area_km2")) compare("area_km2", current.areaKm2, next.areaKm2);
  if (has("note")) compare("note", current.note, next.note);
  if (has("aliases")) compare("aliases", current.aliases.join("; ") || null, next.aliases.join("; ") || null);
  if (has("parent")) compare("parent", current.parentId === null ? null : codeOf(current.parentId), next.parentCode);
  return changes;
}
