import type { Metadata } from "next";
import Link from "next/link";
import { ReportActions } from "@/components/reports/report-actions";
import { ReportDocument } from "@/components/reports/report-document";
import { getPrisma } from "@/lib/bootstrap";
import { formatDate } from "@/lib/domain/format";
import { AppError } from "@/lib/errors";
import { reportItems } from "@/lib/export/report-service";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { parseReport, type ReportInput } from "@/lib/validation/report";
import { decodeReport } from "@/lib/validation/report-link";
import { toIsoDate } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Report preview" };

export default async function ReportPreviewPage({ searchParams }: PageProps<"/reports/preview">) {
  const locale = await getLocale();
  const ui = messages(locale);
  const d = (await searchParams).d;
  const decoded = typeof d === "string" ? decodeReport(d) : undefined;
  let report: ReportInput;
  try {
    if (decoded === undefined) throw new AppError("bad_request", ui.reports.badLink);
    report = parseReport(decoded);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <div className="notice notice--warn" role="status">
        <h2>{ui.reports.badLink}</h2>
        <p>{error.message}</p>
        <p>
          <Link href="/reports">{ui.reports.back}</Link>
        </p>
      </div>
    );
  }
  const t = messages(report.locale);
  const items = await reportItems(await getPrisma(), report);
  const today = toIsoDate(new Date());
  return (
    <>
      <ReportActions labels={ui.reports} pdfHref={`/api/reports/pdf?d=${d as string}`} />
      <ReportDocument
        report={report}
        items={items}
        byline={fill(t.reports.draftByline, { date: formatDate(today, report.locale) })}
        t={t}
      />
    </>
  );
}
