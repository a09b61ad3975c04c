// GET /api/reports — saved reports. POST /api/reports — save a report; the answer carries its edit
// key (once), needed with X-Report-Key to change or delete it later.
import { optionalAdminRequest } from "@/lib/auth/server";
import { admitVisitorReport, VISITOR_REPORT_MAX_BYTES } from "@/lib/auth/report-policy";
import { getPrisma } from "@/lib/bootstrap";
import { createReport, listReports } from "@/lib/db/queries/reports";
import { handle, json, readJson } from "@/lib/http";
import { parseReport } from "@/lib/validation/report";

export const GET = handle(async () => json({ data: await listReports(await getPrisma()) }));

export const POST = handle(async (request) => {
  const admin = await optionalAdminRequest(request);
  const prisma = await getPrisma();
  // Without signing in: if the server allows it, within a size, a rate per address and a ceiling.
  const counted = admin ? undefined : await admitVisitorReport(request, prisma);
  const input = parseReport(await readJson(request, "the report", admin ? undefined : VISITOR_REPORT_MAX_BYTES));
  const report = await createReport(prisma, input, admin?.actor ?? "visitor");
  counted?.();
  return json(report, { status: 201, headers: { location: `/reports/${report.id}` } });
});
