// The targets table of a package: each row checked, a target set twice for the same zone, indicator and
// year rejected, new targets created and changed ones updated.
import { mapTargetRow } from "../map.ts";
import type { TableImport } from "./context.ts";

export async function importTargets({ tx, catalog, sources, tally, table }: TableImport): Promise<void> {
  const { source } = table;
  const seen = new Map<string, number>();
  for await (const { row, cells } of table.rows()) {
    const mapped = mapTargetRow(cells, row, catalog, source.file);
    if (!mapped.ok) {
      tally.reject("targets", mapped.errors);
      continue;
    }
    const target = mapped.value;
    const key = `${target.zoneId}|${target.indicatorId}|${target.year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      tally.reject("targets", [
        {
          table: "targets",
          file: source.file,
          row,
          column: "year",
          message: `Row ${earlier} sets a target for the same zone, indicator and year`,
        },
      ]);
      continue;
    }
    seen.set(key, row);
    const sourceId = target.source ? ((await sources.resolve([target.source])).get(target.source) ?? null) : null;
    const current = await tx.target.findUnique({
      where: { zoneId_indicatorId_year: { zoneId: target.zoneId, indicatorId: target.indicatorId, year: target.year } },
    });
    const data = { value: target.value, publishedValue: target.publishedValue, publishedUnit: target.publishedUnit, sourceId };
    if (!current) {
      await tx.target.create({ data: { zoneId: target.zoneId, indicatorId: target.indicatorId, year: target.year, ...data } });
      tally.count("targets", "new");
    } else if (current.value !== target.value || current.publishedUnit !== target.publishedUnit || current.sourceId !== sourceId) {
      await tx.target.update({ where: { id: current.id }, data });
      tally.revised(
        "targets",
        row,
        key,
        current.value !== target.value ? [`value ${current.value} → ${target.value}`] : ["source or unit"],
      );
    } else {
      tally.count("targets", "unchanged");
    }
  }
}
