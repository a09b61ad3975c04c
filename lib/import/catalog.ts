// The zones and indicators an import can refer to: those in the database plus those the package
// defines. Looks zones up by code or exact English or Chinese name.
import type { Indicator, Zone } from "../domain/catalog.ts";
import { closest } from "../domain/suggest.ts";

/** A zone as the database holds it: the domain's zone, with its row id and its parent's. */
export type ZoneRef = Omit<Zone, "parentCode"> & { id: number; parentId: number | null };

/** An indicator as the database holds it: the domain's indicator with its row id. */
export type IndicatorRef = Indicator & { id: number };

export class Catalog {
  private readonly zones = new Map<string, ZoneRef>();
  private readonly zonesByName = new Map<string, ZoneRef>();
  private readonly zonesById = new Map<number, ZoneRef>();
  private readonly indicators = new Map<string, IndicatorRef>();

  constructor(zones: readonly ZoneRef[] = [], indicators: readonly IndicatorRef[] = []) {
    zones.forEach((zone) => this.putZone(zone));
    indicators.forEach((indicator) => this.putIndicator(indicator));
  }

  putZone(zone: ZoneRef): void {
    const previous = this.zones.get(zone.code.toLowerCase());
    if (previous) {
      this.zonesByName.delete(previous.nameEn.toLowerCase());
      if (previous.nameZh) this.zonesByName.delete(previous.nameZh);
    }
    this.zones.set(zone.code.toLowerCase(), zone);
    this.zonesById.set(zone.id, zone);
    this.zonesByName.set(zone.nameEn.toLowerCase(), zone);
    if (zone.nameZh) this.zonesByName.set(zone.nameZh, zone);
  }

  putIndicator(indicator: IndicatorRef): void {
    this.indicators.set(indicator.code.toLowerCase(), indicator);
  }

  /** A zone by code (any case), or by its exact English (any case) or Chinese name. */
  findZone(ref: string): ZoneRef | undefined {
    const text = ref.trim();
    return this.zones.get(text.toLowerCase()) ?? this.zonesByName.get(text.toLowerCase()) ?? this.zonesByName.get(text);
  }

  zoneById(id: number): ZoneRef | undefined {
    return this.zonesById.get(id);
  }

  findIndicator(code: string): IndicatorRef | undefined {
    return this.indicators.get(code.trim().toLowerCase());
  }

  suggestZones(ref: string): string[] {
    return closest(
      ref,
      [...this.zones.values()].map((zone) => zone.code),
    );
  }

  suggestIndicators(code: string): string[] {
    return closest(
      code,
      [...this.indicators.values()].map((indicator) => indicator.code),
    );
  }
}
