// GET /api/reports/:id/pdf — a saved report as an A4 PDF.
import { getPrisma } from "@/lib/bootstrap";
import { getReport } from "@/lib/db/queries/reports";
import { foundOrThrow } from "@/lib/errors";
import { pdfResponse, reportPdfBuffer } from "@/lib/export/report-service";
import { handle } from "@/lib/http";

export const GET = handle(async (request, context: RouteContext<"/api/reports/[id]/pdf">) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  const report = foundOrThrow(await getReport(prisma, id), "report", id);
  const url = new URL(`/reports/${id}`, request.url).toString();
  const pdf = await reportPdfBuffer(prisma, report, { date: report.updatedAt.slice(0, 10), url });
  return pdfResponse(pdf, `ftz-monitor-report-${id}.pdf`);
});
