// GET /api/events/{id} — one event. PUT — an admin replaces it (the body of POST /api/events).
// DELETE — an admin removes it. 404 for an id there is no event with.
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { getEvent } from "@/lib/db/queries/events";
import { deleteEvent, updateEvent } from "@/lib/events/service";
import { AppError } from "@/lib/errors";
import { eventRow } from "@/lib/export/events";
import { handle, json, readJson } from "@/lib/http";
import { parseEventBody, parseEventId } from "@/lib/validation/events";

type Context = { params: Promise<{ id: string }> };
const missing = (id: string) => new AppError("not_found", `There is no event '${id}'`);

export const GET = handle(async (request, context: Context) => {
  const { id } = await context.params;
  if (new URL(request.url).searchParams.size) throw new AppError("bad_request", "This endpoint takes no parameters");
  const number = parseEventId(id);
  const event = number === undefined ? undefined : await getEvent(await getPrisma(), number);
  if (!event) throw missing(id);
  return json(eventRow(event));
});

export const PUT = handle(async (request, context: Context) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  const number = parseEventId(id);
  if (number === undefined) throw missing(id);
  const fields = parseEventBody(await readJson(request, "the event"));
  const event = await updateEvent(await getPrisma(), number, fields);
  if (!event) throw missing(id);
  return json(eventRow(event));
});

export const DELETE = handle(async (request, context: Context) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  const number = parseEventId(id);
  if (number === undefined || !(await deleteEvent(await getPrisma(), number))) throw missing(id);
  return new Response(null, { status: 204 });
});
