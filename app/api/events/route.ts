// GET /api/events — every event (of one zone, of one kind) with its source; JSON, CSV or XLSX.
// POST /api/events — an admin adds an event: checked as a row of a package's events table would be;
// 201 with the event, 400 naming the field, 409 when the zone has an event with this date and title.
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listEvents, zoneExists } from "@/lib/db/queries/events";
import { createEvent } from "@/lib/events/service";
import { AppError } from "@/lib/errors";
import { csvResponse, toCsv } from "@/lib/export/csv";
import { EVENT_COLUMNS, eventCells, eventRow, eventsXlsx } from "@/lib/export/events";
import { xlsxResponse } from "@/lib/export/xlsx";
import { handle, json, readJson } from "@/lib/http";
import { EventListParamsSchema, parseEventBody } from "@/lib/validation/events";
import { parseParams } from "@/lib/validation/params";

export const GET = handle(async (request) => {
  const { format, ...filter } = parseParams(new URL(request.url), EventListParamsSchema);
  const prisma = await getPrisma();
  if (filter.zone && !(await zoneExists(prisma, filter.zone)))
    throw new AppError("bad_request", `Parameter 'zone': there is no zone '${filter.zone}'`, { parameter: "zone" });
  const events = await listEvents(prisma, filter);
  const file = ["ftz-monitor-events", filter.zone, filter.kind].filter(Boolean).join("-");
  if (format === "csv") return csvResponse(toCsv(EVENT_COLUMNS, events.map(eventCells)), `${file}.csv`);
  if (format === "xlsx") return xlsxResponse(await eventsXlsx(events), `${file}.xlsx`);
  return json({ data: events.map(eventRow) });
});

export const POST = handle(async (request) => {
  await requireAdminRequest(request);
  const fields = parseEventBody(await readJson(request, "the event"));
  const event = await createEvent(await getPrisma(), fields);
  return json(eventRow(event), { status: 201 });
});
