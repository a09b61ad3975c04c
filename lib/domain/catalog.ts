// The two entities every figure refers to, each in one shape (camelCase): a zone and an indicator. Every
// other shape of them is derived from these with Pick / Omit / &: the comparison's indicator, the listings
// lib/db reads, the importer's inputs. snake_case only where they leave the app (the JSON API and CSV/XLSX
// files: lib/export/catalog.ts).
import type { IsoDate } from "./dates.ts";
import type { BaseUnit, IndicatorKind, ZoneKind } from "./vocabulary.ts";

export type Zone = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  kind: ZoneKind;
  parentCode: string | null;
  establishedOn: IsoDate | null;
  areaKm2: number | null;
  note: string | null;
  /** Other names the zone is published under (both languages), for finding figures in texts. */
  aliases: string[];
};

export type Indicator = {
  code: string;
  nameEn: string;
  nameZh: string | null;
  unit: BaseUnit;
  kind: IndicatorKind;
  category: string | null;
  description: string | null;
  /** Other names the indicator is published under (both languages), for finding figures in texts. */
  aliases: string[];
  /** False for counts each zone defines its own way (institutional innovations): shown, never ranked or a default. */
  comparable: boolean;
};
