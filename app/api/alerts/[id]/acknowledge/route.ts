// POST /api/alerts/{id}/acknowledge — an admin marks an alert as seen; it leaves the open list.
import { acknowledgeAlert } from "@/lib/alerts/service";
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { AppError } from "@/lib/errors";
import { handle, json } from "@/lib/http";

export const POST = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdminRequest(request);
  const { id } = await context.params;
  if (!/^\d{1,9}$/.test(id)) throw new AppError("not_found", `There is no alert '${id}'`);
  if (!(await acknowledgeAlert(await getPrisma(), Number(id), admin.actor))) throw new AppError("not_found", `There is no alert ${id}`);
  return json({ id: Number(id), acknowledged: true });
});
