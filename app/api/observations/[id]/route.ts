// GET /api/observations/:id — one figure with its source and every earlier value it replaced.
import { getPrisma } from "@/lib/bootstrap";
import { getObservationHistory } from "@/lib/db/queries/observation-table";
import { foundOrThrow } from "@/lib/errors";
import { observationHistoryApi } from "@/lib/export/observation-rows";
import { handle, json } from "@/lib/http";
import { idOrThrow } from "@/lib/validation/ids";
import { refuseParams } from "@/lib/validation/params";

export const GET = handle(async (request, context: RouteContext<"/api/observations/[id]">) => {
  const { id } = await context.params;
  refuseParams(new URL(request.url));
  const history = foundOrThrow(await getObservationHistory(await getPrisma(), idOrThrow(id, "observation")), "observation", id);
  return json(observationHistoryApi(history));
});
