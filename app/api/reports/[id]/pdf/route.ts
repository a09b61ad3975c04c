// GET /api/reports/:id/pdf — a saved report as an A4 PDF.
import { getPrisma } from "@/lib/bootstrap";
import { getReport } from "@/lib/db/queries/reports";
import { AppError } from "@/lib/errors";
import { pdfResponse, reportPdfBuffer } from "@/lib/export/report-service";
import { handle } from "@/lib/http";

export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const prisma = await getPrisma();
  const report = await getReport(prisma, id);
  if (!report) throw new AppError("not_found", `There is no report '${id}'`);
  const url = new URL(`/reports/${id}`, request.url).toString();
  const pdf = await reportPdfBuffer(prisma, report, { date: report.updatedAt.slice(0, 10), url });
  return pdfResponse(pdf, `ftz-monitor-report-${id}.pdf`);
});
