// GET /api/reports/:id — one saved report. PUT — replace it. DELETE — remove it. Changes need the
// report's edit key (X-Report-Key) or an admin.
import { optionalAdminRequest } from "@/lib/auth/server";
import { VISITOR_REPORT_MAX_BYTES } from "@/lib/auth/report-policy";
import { getPrisma } from "@/lib/bootstrap";
import { deleteReport, getReport, reportKeyMatches, updateReport } from "@/lib/db/queries/reports";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { handle, json, readJson } from "@/lib/http";
import { parseReport } from "@/lib/validation/report";

type Context = { params: Promise<{ id: string }> };
const missing = (id: string) => new AppError("not_found", `There is no report '${id}'`);

/** Who may change the report: "admin", or "visitor" holding its edit key; otherwise throws. */
async function authorise(request: Request, prisma: PrismaClient, id: string): Promise<"admin" | "visitor"> {
  const key = request.headers.get("x-report-key");
  if (key) {
    const matches = await reportKeyMatches(prisma, id, key);
    if (matches === undefined) throw missing(id);
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
  const report = await getReport(await getPrisma(), id);
  if (!report) throw missing(id);
  return json(report);
});

export const PUT = handle(async (request, context: Context) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  const who = await authorise(request, prisma, id);
  const body = await readJson(request, "the report", who === "visitor" ? VISITOR_REPORT_MAX_BYTES : undefined);
  const report = await updateReport(prisma, id, parseReport(body));
  if (!report) throw missing(id);
  return json(report);
});

export const DELETE = handle(async (request, context: Context) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  await authorise(request, prisma, id);
  if (!(await deleteReport(prisma, id))) throw missing(id);
  return new Response(null, { status: 204 });
});
