// The events table of a package: each row checked, new events (by zone, date and English title)
// created and changed ones updated, naming the fields that changed.
import { mapEventRow } from "../map.ts";
import type { TableImport } from "./context.ts";

export async function importEvents({ tx, catalog, sources, tally, table }: TableImport): Promise<void> {
  for await (const { row, cells } of table.rows()) {
    const mapped = mapEventRow(cells, row, catalog, table.source.file);
    if (!mapped.ok) {
      tally.reject("events", mapped.errors);
      continue;
    }
    const event = mapped.value;
    const sourceId = event.source ? ((await sources.resolve([event.source])).get(event.source) ?? null) : null;
    const occurredOn = new Date(`${event.occurredOn}T00:00:00Z`);
    const data = {
      datePrecision: event.datePrecision,
      kind: event.kind,
      category: event.category,
      titleZh: event.titleZh,
      description: event.description,
      sourceId,
      quote: event.quote,
    };
    const current = await tx.event.findUnique({
      where: { zoneId_occurredOn_titleEn: { zoneId: event.zoneId, occurredOn, titleEn: event.titleEn } },
    });
    if (!current) {
      await tx.event.create({ data: { zoneId: event.zoneId, occurredOn, titleEn: event.titleEn, ...data } });
      tally.count("events", "new");
      continue;
    }
    const changes = (Object.keys(data) as (keyof typeof data)[]).filter((field) => (current[field] ?? null) !== (data[field] ?? null));
    if (changes.length === 0) tally.count("events", "unchanged");
    else {
      await tx.event.update({ where: { id: current.id }, data });
      tally.revised("events", row, `${event.occurredOn} ${event.titleEn}`, changes);
    }
  }
}
