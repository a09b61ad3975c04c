// A report draft (nothing saved) as an A4 PDF:
//   GET  /api/reports/pdf?d=…  — the draft carried in the link (base64url of its JSON);
//   POST /api/reports/pdf      — the draft as JSON, or a form field `report` holding its JSON (the
//                                editor's download button posts a form, so a long draft still fits).
import { z } from "zod";
import { getPrisma } from "@/lib/bootstrap";
import { AppError } from "@/lib/errors";
import { pdfResponse, reportPdfBuffer } from "@/lib/export/report-service";
import { handle, readJson } from "@/lib/http";
import { parseParams } from "@/lib/validation/params";
import { parseReport, type ReportInput } from "@/lib/validation/report";
import { decodeReport } from "@/lib/validation/report-link";
import { toIsoDate } from "@/lib/domain/dates";

const Params = z.object({ d: z.string().min(1, "is empty").max(60_000, "is too long") });
const MAX_FORM_BYTES = 512 * 1024;

async function draftPdf(report: ReportInput): Promise<Response> {
  const pdf = await reportPdfBuffer(await getPrisma(), report, { date: toIsoDate(new Date()) });
  return pdfResponse(pdf, "ftz-monitor-report.pdf");
}

export const GET = handle(async (request) => {
  const { d } = parseParams(new URL(request.url), Params);
  const decoded = decodeReport(d);
  if (decoded === undefined) throw new AppError("bad_request", "Parameter 'd': not a report link", { parameter: "d" });
  return draftPdf(parseReport(decoded));
});

export const POST = handle(async (request) => {
  const type = request.headers.get("content-type") ?? "";
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES)
      throw new AppError("payload_too_large", "The report is larger than 512 KB.");
    const field = (await request.formData()).get("report");
    if (typeof field !== "string") throw new AppError("bad_request", "The form has no 'report' field holding the report's JSON.");
    let decoded: unknown;
    try {
      decoded = JSON.parse(field);
    } catch {
      throw new AppError("bad_request", "The form field 'report' is not valid JSON.");
    }
    return draftPdf(parseReport(decoded));
  }
  return draftPdf(parseReport(await readJson(request, "the report", MAX_FORM_BYTES)));
});
