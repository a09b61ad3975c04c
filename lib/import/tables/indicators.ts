// The indicators table of a package: each row checked, an indicator defined twice rejected, new ones
// created and changed ones updated (only the columns the file has); a unit cannot change under figures.
import type { IndicatorRef } from "../catalog.ts";
import { mapIndicatorRow, type IndicatorInput } from "../map.ts";
import { definedTwice, fieldChanges, type TableImport } from "./context.ts";

export async function importIndicators({ tx, catalog, tally, table }: TableImport): Promise<void> {
  const { source } = table;
  const firstRow = new Map<string, number>();
  const has = (column: string) => source.columns.includes(column);
  for await (const { row, cells } of table.rows()) {
    const mapped = mapIndicatorRow(cells, row, source.file);
    if (!mapped.ok) {
      tally.reject("indicators", mapped.errors);
      continue;
    }
    const indicator = mapped.value;
    const earlier = firstRow.get(indicator.code);
    if (earlier !== undefined) {
      tally.reject("indicators", [definedTwice("indicators", source.file, indicator.code, earlier, row)]);
      continue;
    }
    firstRow.set(indicator.code, row);
    const current = catalog.findIndicator(indicator.code);
    const data = {
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      kind: indicator.kind,
      ...(has("name_zh") ? { nameZh: indicator.nameZh } : {}),
      ...(has("category") ? { category: indicator.category } : {}),
      ...(has("description") ? { description: indicator.description } : {}),
      ...(has("aliases") ? { aliases: indicator.aliases } : {}),
      ...(has("comparable") ? { comparable: indicator.comparable } : {}),
    };
    if (!current) {
      const created = await tx.indicator.create({ data: { code: indicator.code, ...data } });
      catalog.putIndicator(created);
      tally.count("indicators", "new");
      continue;
    }
    if (current.unit !== indicator.unit) {
      const figures = await tx.observation.count({ where: { indicatorId: current.id } });
      if (figures > 0) {
        tally.reject("indicators", [
          {
            table: "indicators",
            file: source.file,
            row,
            column: "unit",
            message: `Indicator '${indicator.code}' already holds ${figures} figures in ${current.unit}; its unit cannot change to ${indicator.unit}. Define a new indicator instead`,
          },
        ]);
        continue;
      }
    }
    const changes = indicatorChanges(current, indicator, has);
    if (changes.length === 0) {
      tally.count("indicators", "unchanged");
      continue;
    }
    const updated = await tx.indicator.update({ where: { id: current.id }, data });
    catalog.putIndicator(updated);
    tally.revised("indicators", row, indicator.code, changes);
  }
}

function indicatorChanges(current: IndicatorRef, next: IndicatorInput, has: (column: string) => boolean): string[] {
  const { changes, compare } = fieldChanges();
  compare("name_en", current.nameEn, next.nameEn);
  compare("unit", current.unit, next.unit);
  compare("kind", current.kind, next.kind);
  if (has("name_zh")) compare("name_zh", current.nameZh, next.nameZh);
  if (has("category")) compare("category", current.category, next.category);
  if (has("description")) compare("description", current.description, next.description);
  if (has("aliases")) compare("aliases", current.aliases.join("; ") || null, next.aliases.join("; ") || null);
  if (has("comparable")) compare("comparable", current.comparable, next.comparable);
  return changes;
}
