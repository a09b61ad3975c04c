// The finder's catalog from the rows of packages' zones, indicators and events tables (CSV cells by column),
// later rows of a code completing or overriding earlier ones, aliases added up. Pure.
import { parseBaseUnit } from "../domain/units.ts";
import { INDICATOR_KINDS, ZONE_KINDS, type IndicatorKind, type ZoneKind } from "../domain/vocabulary.ts";
import type { ExtractCatalog, ExtractEvent, ExtractIndicator, ExtractZone } from "./types.ts";

type Row = Record<string, string | undefined>;

const aliasesOf = (cell: string | undefined) =>
  (cell ?? "")
    .split(/[;；]/)
    .map((a) => a.trim())
    .filter(Boolean);
const orNull = (cell: string | undefined) => (cell && cell.trim() !== "" ? cell.trim() : null);

export function catalogFromTables(tables: { zones: readonly Row[]; indicators: readonly Row[]; events?: readonly Row[] }): ExtractCatalog {
  const zones = new Map<string, ExtractZone>();
  for (const row of tables.zones) {
    const code = row.code?.trim();
    if (!code) continue;
    const earlier = zones.get(code);
    const kind = (ZONE_KINDS as readonly string[]).includes(row.kind ?? "") ? (row.kind as ZoneKind) : earlier?.kind;
    if (!kind) continue;
    zones.set(code, {
      code,
      nameEn: orNull(row.name_en) ?? earlier?.nameEn ?? code,
      nameZh: orNull(row.name_zh) ?? earlier?.nameZh ?? null,
      kind,
      parent: orNull(row.parent) ?? earlier?.parent ?? null,
      establishedOn: orNull(row.established_on) ?? earlier?.establishedOn ?? null,
      aliases: [...new Set([...(earlier?.aliases ?? []), ...aliasesOf(row.aliases)])],
    });
  }
  const indicators = new Map<string, ExtractIndicator>();
  for (const row of tables.indicators) {
    const code = row.code?.trim();
    if (!code) continue;
    const earlier = indicators.get(code);
    const unit = parseBaseUnit(row.unit ?? "") ?? earlier?.unit;
    const kind = (INDICATOR_KINDS as readonly string[]).includes(row.kind ?? "") ? (row.kind as IndicatorKind) : earlier?.kind;
    if (!unit || !kind) continue;
    indicators.set(code, {
      code,
      nameEn: orNull(row.name_en) ?? earlier?.nameEn ?? code,
      nameZh: orNull(row.name_zh) ?? earlier?.nameZh ?? null,
      unit,
      kind,
      aliases: [...new Set([...(earlier?.aliases ?? []), ...aliasesOf(row.aliases)])],
    });
  }
  const events: ExtractEvent[] = (tables.events ?? [])
    .filter((row) => row.zone && /^\d{4}-\d{2}-\d{2}$/.test(row.date ?? ""))
    .map((row) => ({ zone: row.zone!, date: row.date!, titleEn: row.title_en ?? "", titleZh: orNull(row.title_zh) }));
  return { zones: [...zones.values()], indicators: [...indicators.values()], events };
}
