// GET /api/reports — saved reports. POST /api/reports — save a report; the answer carries its edit
// key (once), needed with X-Report-Key to change or delete it later.
import { optionalAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { createReport, listReports } from "@/lib/db/queries/reports";
import { handle, json, readJson } from "@/lib/http";
import { parseReport } from "@/lib/validation/report";

export const GET = handle(async () => json({ data: await listReports(await getPrisma()) }));

export const POST = handle(async (request) => {
  const admin = await optionalAdminRequest(request);
  const input = parseReport(await readJson(request, "the report"));
  const report = await createReport(await getPrisma(), input, admin?.actor ?? "visitor");
  return json(report, { status: 201, headers: { location: `/reports/${report.id}` } });
});
