// Events leaving the app: one flat row per event (the API's JSON, CSV and XLSX share it), the
// workbook with its Sources sheet, and an event as the body that edits it.
import type { EventRecord } from "../db/queries/events.ts";
import type { EventFields } from "../validation/events.ts";
import type { XlsxSource } from "./xlsx.ts";

export const EVENT_COLUMNS = [
  "id",
  "zone",
  "zone_name_en",
  "zone_name_zh",
  "date",
  "precision",
  "kind",
  "category",
  "title_en",
  "title_zh",
  "description",
  "source_title",
  "source_url",
  "published_on",
  "quote",
] as const;

export type EventRow = Record<(typeof EVENT_COLUMNS)[number], string | number | null>;

export function eventRow(event: EventRecord): EventRow {
  return {
    id: event.id,
    zone: event.zone.code,
    zone_name_en: event.zone.nameEn,
    zone_name_zh: event.zone.nameZh,
    date: event.date,
    precision: event.precision,
    kind: event.kind,
    category: event.category,
    title_en: event.titleEn,
    title_zh: event.titleZh,
    description: event.description,
    source_title: event.source?.title ?? null,
    source_url: event.source?.url ?? null,
    published_on: event.source?.publishedOn ?? null,
    quote: event.quote,
  };
}

export function eventCells(event: EventRecord): (string | number | null)[] {
  const row = eventRow(event);
  return EVENT_COLUMNS.map((column) => row[column]);
}

/** An event as the body that would enter it again (the date only as precise as it was given). */
export function eventBody(event: EventRecord): EventFields {
  return {
    zone: event.zone.code,
    date: event.precision === "year" ? event.date.slice(0, 4) : event.precision === "month" ? event.date.slice(0, 7) : event.date,
    kind: event.kind,
    category: event.category ?? "",
    title_en: event.titleEn,
    title_zh: event.titleZh ?? "",
    description: event.description ?? "",
    source_title: event.source?.title ?? "",
    source_url: event.source?.url ?? "",
    published_on: event.source?.publishedOn ?? "",
    quote: event.quote ?? "",
  };
}

/** The sources the events cite, each with the first quote from it (the workbook's Sources sheet). */
export function eventSources(events: readonly EventRecord[]): XlsxSource[] {
  return events.flatMap((event) => (event.source ? [{ ...event.source, quote: event.quote }] : []));
}
