// Reports: each item's chart model from its compare view, and the whole as a PDF.
import type { PrismaClient } from "../db/generated/client.ts";
import { dataState } from "../db/queries/version.ts";
import { AppError } from "../errors.ts";
import { pdfLabels } from "../i18n/export-words.ts";
import { CompareViewSchema } from "../validation/compare.ts";
import { parseParams } from "../validation/params.ts";
import type { ReportInput } from "../validation/report.ts";
import { searchParamsUrl } from "../validation/search-params.ts";
import { compareModel } from "./chart-service.ts";
import { reportPdf, type PdfItem } from "./pdf.ts";

export async function reportItems(prisma: PrismaClient, report: ReportInput): Promise<PdfItem[]> {
  const { asOf } = await dataState(prisma);
  const items: PdfItem[] = [];
  for (const item of report.items) {
    try {
      const view = parseParams(searchParamsUrl("/compare", Object.fromEntries(new URLSearchParams(item.view))), CompareViewSchema, [
        "zones",
      ]);
      items.push({ item, type: view.chart, model: await compareModel(prisma, { ...view, lang: report.locale }, asOf) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({ item, type: "line", model: { error: error.message } });
    }
  }
  return items;
}

export async function reportPdfBuffer(prisma: PrismaClient, report: ReportInput, options: { date: string; url?: string }): Promise<Buffer> {
  return reportPdf(
    { title: report.title, notes: report.notes, locale: report.locale, date: options.date, ...(options.url ? { url: options.url } : {}) },
    await reportItems(prisma, report),
    pdfLabels(report.locale),
  );
}

export function pdfResponse(body: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
