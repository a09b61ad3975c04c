// POST /api/alerts/{id}/acknowledge — an admin marks an alert as seen; it leaves the open list.
import { acknowledgeAlert } from "@/lib/alerts/service";
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { AppError } from "@/lib/errors";
import { handle, json } from "@/lib/http";
import { parseId } from "@/lib/validation/ids";

export const POST = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdminRequest(request);
  const { id } = await context.params;
  const number = parseId(id);
  if (number === undefined || !(await acknowledgeAlert(await getPrisma(), number, admin.actor)))
    throw new AppError("not_found", `There is no alert '${id}'`);
  return json({ id: number, acknowledged: true });
});
