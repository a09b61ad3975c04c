// POST /api/imports — import a data package (admin). GET /api/imports — the import history (admin).
import { z } from "zod";
import { afterDataChange } from "@/lib/alerts/service";
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listImports } from "@/lib/db/queries/imports";
import { getEnv } from "@/lib/env";
import { handle, json } from "@/lib/http";
import { importUpload } from "@/lib/import/upload";
import { BooleanParam, parseParams } from "@/lib/validation/params";

const PostParams = z.object({ dryRun: BooleanParam.optional(), name: z.string().max(120).optional() });
const GetParams = z.object({ limit: z.coerce.number().int().min(1).max(500, "must be at most 500").optional() });

export const POST = handle(async (request) => {
  const admin = await requireAdminRequest(request);
  const params = parseParams(new URL(request.url), PostParams);
  const prisma = await getPrisma();
  return importUpload(request, {
    prisma,
    dryRun: params.dryRun ?? false,
    actor: admin.actor,
    channel: admin.via === "session" ? "upload" : "api",
    maxBytes: getEnv().importMaxBytes,
    afterCommit: async () => afterDataChange(prisma),
    ...(params.name ? { name: params.name } : {}),
  });
});

export const GET = handle(async (request) => {
  await requireAdminRequest(request);
  const params = parseParams(new URL(request.url), GetParams);
  return json({ data: await listImports(await getPrisma(), params.limit ?? 100) });
});
