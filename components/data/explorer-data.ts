// The explorer's table with facet labels in the reader's language.
import { localName, shortZoneName } from "@/lib/domain/figures";
import type { Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";
import type { ExplorerTable } from "./data-explorer";

type Facet = { value: string; nameEn: string; nameZh: string | null; n: number };
type TableData = Omit<ExplorerTable, "facets"> & { facets: Record<"zone" | "indicator" | "basis" | "status", Facet[]> };

export function localizeTable(table: TableData, locale: Locale, t: Messages): ExplorerTable {
  const name = (f: Facet) => localName(f, locale);
  return {
    ...table,
    facets: {
      zone: table.facets.zone.map((f) => ({ value: f.value, label: shortZoneName(name(f)), n: f.n })),
      indicator: table.facets.indicator.map((f) => ({ value: f.value, label: name(f), n: f.n })),
      basis: table.facets.basis.map((f) => ({
        value: f.value,
        label: t.data.basisName[f.value as keyof Messages["data"]["basisName"]] ?? f.value,
        n: f.n,
      })),
      status: table.facets.status.map((f) => ({
        value: f.value,
        label: t.data.statusName[f.value as keyof Messages["data"]["statusName"]] ?? f.value,
        n: f.n,
      })),
    },
  };
}
