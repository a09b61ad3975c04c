// GET /api/imports/:id — one import and the figures it added or changed (admin).
import { z } from "zod";
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { getImport } from "@/lib/db/queries/imports";
import { foundOrThrow } from "@/lib/errors";
import { handle, json } from "@/lib/http";
import { idOrThrow } from "@/lib/validation/ids";
import { parseParams } from "@/lib/validation/params";

const Params = z.object({
  limit: z.coerce.number().int().min(1).max(5000, "must be at most 5000").optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const GET = handle(async (request, context: RouteContext<"/api/imports/[id]">) => {
  await requireAdminRequest(request);
  const { id } = await context.params;
  const params = parseParams(new URL(request.url), Params);
  const number = idOrThrow(id, "import");
  return json(foundOrThrow(await getImport(await getPrisma(), number, params.limit ?? 500, params.offset ?? 0), "import", id));
});
