// DELETE /api/targets/{id} — an admin removes a target; the alerts are refreshed.
import { requireAdminRequest } from "@/lib/auth/server";
import { deleteTarget } from "@/lib/alerts/targets";
import { getPrisma } from "@/lib/bootstrap";
import { foundOrThrow } from "@/lib/errors";
import { handle } from "@/lib/http";
import { idOrThrow } from "@/lib/validation/ids";

export const DELETE = handle(async (request, context: RouteContext<"/api/targets/[id]">) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  foundOrThrow(await deleteTarget(await getPrisma(), idOrThrow(id, "target")), "target", id);
  return new Response(null, { status: 204 });
});
