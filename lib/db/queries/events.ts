// Events (dated notes on a zone) as the events page and API list them. Changes are lib/events/service.ts.
import { toIsoDate } from "../../domain/dates.ts";
import type { DatePrecision, EventKind } from "../../domain/vocabulary.ts";
import type { Prisma, PrismaClient } from "../generated/client.ts";

export type EventRecord = {
  id: number;
  zone: { code: string; nameEn: string; nameZh: string | null };
  date: string;
  precision: DatePrecision;
  kind: EventKind;
  category: string | null;
  titleEn: string;
  titleZh: string | null;
  description: string | null;
  source: { title: string; url: string | null; publishedOn: string | null } | null;
  quote: string | null;
};

export const EVENT_INCLUDE = {
  zone: { select: { code: true, nameEn: true, nameZh: true } },
  source: { select: { title: true, url: true, publishedOn: true } },
} as const satisfies Prisma.EventInclude;

type EventRow = Prisma.EventGetPayload<{ include: typeof EVENT_INCLUDE }>;

export function toEventRecord(event: EventRow): EventRecord {
  return {
    id: event.id,
    zone: event.zone,
    date: toIsoDate(event.occurredOn),
    precision: event.datePrecision,
    kind: event.kind,
    category: event.category,
    titleEn: event.titleEn,
    titleZh: event.titleZh,
    description: event.description,
    source: event.source
      ? {
          title: event.source.title,
          url: event.source.url,
          publishedOn: toIsoDate(event.source.publishedOn),
        }
      : null,
    quote: event.quote,
  };
}

/** Every event, oldest first, optionally of one zone (by code) and one kind. */
export async function listEvents(prisma: PrismaClient, filter: { zone?: string; kind?: EventKind } = {}): Promise<EventRecord[]> {
  const events = await prisma.event.findMany({
    where: { ...(filter.zone ? { zone: { code: filter.zone } } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
    include: EVENT_INCLUDE,
    orderBy: [{ occurredOn: "asc" }, { zoneId: "asc" }, { titleEn: "asc" }],
  });
  return events.map(toEventRecord);
}

export async function zoneExists(prisma: PrismaClient, code: string): Promise<boolean> {
  return (await prisma.zone.count({ where: { code } })) > 0;
}

export async function getEvent(prisma: PrismaClient, id: number): Promise<EventRecord | undefined> {
  const event = await prisma.event.findUnique({ where: { id }, include: EVENT_INCLUDE });
  return event ? toEventRecord(event) : undefined;
}
