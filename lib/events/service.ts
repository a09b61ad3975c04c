// An admin's changes to events. A change is checked by the importer's row mapping against the zones
// in the database, so an event entered here is held to exactly the rules of an imported one; each
// change is one transaction.
import { EVENT_INCLUDE, toEventRecord, type EventRecord } from "../db/queries/events.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { AppError } from "../errors.ts";
import { Catalog } from "../import/catalog.ts";
import { mapEventRow, type EventInput } from "../import/map.ts";
import { loadZones, SourceCache, type Tx } from "../import/persist.ts";
import { eventBodyError, type EventFields } from "../validation/events.ts";

/** The body mapped as an `events` row of a package would be, or a 400 naming the fields. */
async function mapEvent(tx: Tx, fields: EventFields): Promise<EventInput> {
  const mapped = mapEventRow(fields, 1, new Catalog(await loadZones(tx)));
  if (!mapped.ok) throw eventBodyError(mapped.errors.map((e) => ({ field: e.column ?? "body", message: e.message })));
  return mapped.value;
}

function duplicate(event: EventInput, date: string): AppError {
  return new AppError("conflict", `This zone already has an event '${event.titleEn}' on ${date}: edit that one instead`, {
    field: "title_en",
  });
}

async function write(prisma: PrismaClient, fields: EventFields, id?: number): Promise<EventRecord | undefined> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (id !== undefined && !(await tx.event.findUnique({ where: { id }, select: { id: true } }))) return undefined;
      const event = await mapEvent(tx, fields);
      const occurredOn = new Date(`${event.occurredOn}T00:00:00Z`);
      const same = await tx.event.findUnique({
        where: { zoneId_occurredOn_titleEn: { zoneId: event.zoneId, occurredOn, titleEn: event.titleEn } },
        select: { id: true },
      });
      if (same && same.id !== id) throw duplicate(event, fields.date.trim());
      const sourceId = event.source ? ((await new SourceCache(tx).resolve([event.source])).get(event.source) ?? null) : null;
      const data = {
        zoneId: event.zoneId,
        occurredOn,
        datePrecision: event.datePrecision,
        kind: event.kind,
        category: event.category,
        titleEn: event.titleEn,
        titleZh: event.titleZh,
        description: event.description,
        sourceId,
        quote: event.quote,
      };
      const saved =
        id === undefined
          ? await tx.event.create({ data, include: EVENT_INCLUDE })
          : await tx.event.update({ where: { id }, data, include: EVENT_INCLUDE });
      return toEventRecord(saved);
    });
  } catch (error) {
    // Another writer (an import, a second admin) added the same event since the check above.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002")
      throw new AppError("conflict", "This zone already has an event with this date and English title: edit that one instead", {
        field: "title_en",
      });
    throw error;
  }
}

/** Adds an event; a 400 naming the field when the body does not map, a 409 when it exists. */
export async function createEvent(prisma: PrismaClient, fields: EventFields): Promise<EventRecord> {
  return (await write(prisma, fields))!;
}

/** Replaces an event with the body; undefined when there is no event with this id. */
export async function updateEvent(prisma: PrismaClient, id: number, fields: EventFields): Promise<EventRecord | undefined> {
  return write(prisma, fields, id);
}

/** Removes an event; false when there is none with this id. Its source stays (others may cite it). */
export async function deleteEvent(prisma: PrismaClient, id: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => (await tx.event.deleteMany({ where: { id } })).count > 0);
}
