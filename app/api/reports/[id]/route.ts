// GET /api/reports/:id — one saved report. PUT — replace it. DELETE — remove it. Changes need the
// report's edit key (X-Report-Key) or an admin.
import { optionalAdminRequest } from "@/lib/auth/server";
import { VISITOR_REPORT_MAX_BYTES } from "@/lib/auth/report-policy";
import { getPrisma } from "@/lib/bootstrap";
import { deleteReport, getReport, reportKeyMatches, updateReport } from "@/lib/db/queries/reports";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError, foundOrThrow, notFoundError } from "@/lib/errors";
import { handle, json, readJson } from "@/lib/http";
import { parseReport } from "@/lib/validation/report";

type Context = RouteContext<"/api/reports/[id]">;

/** Who may change the report: "admin", or "visitor" holding its edit key; otherwise throws. */
async function authorise(request: Request, prisma: PrismaClient, id: string): Promise<"admin" | "visitor"> {
  const key = request.headers.get("x-report-key");
  if (key) {
    const matches = await reportKeyMatches(prisma, id, key);
    if (matches === undefined) throw notFoundError("report", id);
    if (!matches) throw new AppError("forbidden", "X-Report-Key is not this report's edit key.");
    return (await optionalAdminRequest(request)) ? "admin" : "visitor";
  }
  if (await optionalAdminRequest(request)) return "admin";
  throw new AppError(
    "unauthorized",
    "Changing a saved report needs its edit key (X-Report-Key, kept by the browser that saved it) or an admin. Save a copy instead.",
  );
}

export const GET = handle(async (_request, context: Context) => {
  const { id } = await context.params;
  return json(foundOrThrow(await getReport(await getPrisma(), id), "report", id));
});

export const PUT = handle(async (request, context: Context) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  const who = await authorise(request, prisma, id);
  const body = await readJson(request, "the report", who === "visitor" ? VISITOR_REPORT_MAX_BYTES : undefined);
  return json(foundOrThrow(await updateReport(prisma, id, parseReport(body)), "report", id));
});

export const DELETE = handle(async (request, context: Context) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  await authorise(request, prisma, id);
  foundOrThrow(await deleteReport(prisma, id), "report", id);
  return new Response(null, { status: 204 });
});
