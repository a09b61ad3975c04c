// GET /api/events/{id} — one event. PUT — an admin replaces it (the body of POST /api/events).
// DELETE — an admin removes it. 404 for an id there is no event with.
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { getEvent } from "@/lib/db/queries/events";
import { deleteEvent, updateEvent } from "@/lib/events/service";
import { foundOrThrow } from "@/lib/errors";
import { eventRow } from "@/lib/export/events";
import { handle, json, readJson } from "@/lib/http";
import { parseEventBody } from "@/lib/validation/events";
import { idOrThrow } from "@/lib/validation/ids";
import { refuseParams } from "@/lib/validation/params";

type Context = RouteContext<"/api/events/[id]">;

export const GET = handle(async (request, context: Context) => {
  const { id } = await context.params;
  refuseParams(new URL(request.url));
  return json(eventRow(foundOrThrow(await getEvent(await getPrisma(), idOrThrow(id, "event")), "event", id)));
});

export const PUT = handle(async (request, context: Context) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  const number = idOrThrow(id, "event");
  const fields = parseEventBody(await readJson(request, "the event"));
  return json(eventRow(foundOrThrow(await updateEvent(await getPrisma(), number, fields), "event", id)));
});

export const DELETE = handle(async (request, context: Context) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  foundOrThrow(await deleteEvent(await getPrisma(), idOrThrow(id, "event")), "event", id);
  return new Response(null, { status: 204 });
});
