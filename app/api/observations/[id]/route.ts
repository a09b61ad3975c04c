// GET /api/observations/:id — one figure with its source and every earlier value it replaced.
import { getPrisma } from "@/lib/bootstrap";
import { getObservationHistory } from "@/lib/db/queries/observation-table";
import { AppError } from "@/lib/errors";
import { handle, json } from "@/lib/http";
import { parseId } from "@/lib/validation/ids";

export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (new URL(request.url).searchParams.size) throw new AppError("bad_request", "This endpoint takes no parameters");
  const number = parseId(id);
  const history = number === undefined ? undefined : await getObservationHistory(await getPrisma(), number);
  if (!history) throw new AppError("not_found", `There is no observation '${id}'`);
  return json(history);
});
