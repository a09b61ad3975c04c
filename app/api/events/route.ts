// GET /api/events — every event (of one zone, of one kind) with its source; JSON, CSV or XLSX.
// POST /api/events — an admin adds an event: checked as a row of a package's events table would be;
// 201 with the event, 400 naming the field, 409 when the zone has an event with this date and title.
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listEvents, zoneExists } from "@/lib/db/queries/events";
import { createEvent } from "@/lib/events/service";
import { AppError } from "@/lib/errors";
import { EVENT_COLUMNS, eventCells, eventRow, eventSources } from "@/lib/export/events";
import { tableResponse } from "@/lib/export/table-response";
import { handle, json, readJson } from "@/lib/http";
import { EventListParamsSchema, parseEventBody } from "@/lib/validation/events";
import { parseParams } from "@/lib/validation/params";

export const GET = handle(async (request) => {
  const { format, lang, ...filter } = parseParams(new URL(request.url), EventListParamsSchema);
  const prisma = await getPrisma();
  if (filter.zone && !(await zoneExists(prisma, filter.zone)))
    throw new AppError("bad_request", `Parameter 'zone': there is no zone '${filter.zone}'`, { parameter: "zone" });
  const events = await listEvents(prisma, filter);
  const file = ["ftz-monitor-events", filter.zone, filter.kind].filter(Boolean).join("-");
  if (format === "csv" || format === "xlsx") {
    const table = { file, sheet: "events" as const, columns: EVENT_COLUMNS, rows: events.map(eventCells), sources: eventSources(events) };
    return tableResponse(format, table, lang);
  }
  return json({ data: events.map(eventRow) });
});

export const POST = handle(async (request) => {
  await requireAdminRequest(request);
  const fields = parseEventBody(await readJson(request, "the event"));
  const event = await createEvent(await getPrisma(), fields);
  return json(eventRow(event), { status: 201 });
});
