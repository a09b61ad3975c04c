// DELETE /api/targets/{id} — an admin removes a target; the alerts are refreshed.
import { requireAdminRequest } from "@/lib/auth/server";
import { deleteTarget } from "@/lib/alerts/targets";
import { getPrisma } from "@/lib/bootstrap";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";
import { parseId } from "@/lib/validation/ids";

export const DELETE = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  const number = parseId(id);
  if (number === undefined || !(await deleteTarget(await getPrisma(), number)))
    throw new AppError("not_found", `There is no target '${id}'`);
  return new Response(null, { status: 204 });
});
