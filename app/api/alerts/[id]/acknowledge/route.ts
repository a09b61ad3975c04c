// POST /api/alerts/{id}/acknowledge — an admin marks an alert as seen; it leaves the open list.
import { acknowledgeAlert } from "@/lib/alerts/service";
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { foundOrThrow } from "@/lib/errors";
import { handle, json } from "@/lib/http";
import { idOrThrow } from "@/lib/validation/ids";

export const POST = handle(async (request, context: RouteContext<"/api/alerts/[id]/acknowledge">) => {
  const admin = await requireAdminRequest(request);
  const { id } = await context.params;
  const number = idOrThrow(id, "alert");
  foundOrThrow(await acknowledgeAlert(await getPrisma(), number, admin.actor), "alert", id);
  return json({ id: number, acknowledged: true });
});
