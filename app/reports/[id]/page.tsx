import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportActions } from "@/components/reports/report-actions";
import { ReportDocument } from "@/components/reports/report-document";
import { getAdminSession } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { getReport } from "@/lib/db/queries/reports";
import { formatDateTime } from "@/lib/domain/format";
import { reportItems } from "@/lib/export/report-service";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export async function generateMetadata({ params }: PageProps<"/reports/[id]">): Promise<Metadata> {
  const report = await getReport(await getPrisma(), (await params).id);
  return { title: report?.title ?? "Report" };
}

export default async function SavedReportPage({ params }: PageProps<"/reports/[id]">) {
  const { id } = await params;
  const locale = await getLocale();
  const prisma = await getPrisma();
  const report = await getReport(prisma, id);
  if (!report) notFound();
  // The document speaks the report's language; the toolbar speaks the reader's.
  const t = messages(report.locale);
  const ui = messages(locale);
  const [items, admin] = await Promise.all([reportItems(prisma, report), getAdminSession()]);
  const when = formatDateTime(report.updatedAt, report.locale);
  const byline =
    report.createdBy === "visitor" ? fill(t.reports.savedOn, { date: when }) : fill(t.reports.by, { actor: report.createdBy, date: when });
  const { title, notes, items: reportItemList } = report;
  return (
    <>
      <ReportActions
        labels={ui.reports}
        pdfHref={`/api/reports/${id}/pdf`}
        saved={{ id, report: { title, notes, locale: report.locale, items: reportItemList } }}
        admin={Boolean(admin)}
      />
      <ReportDocument report={report} items={items} byline={byline} t={t} />
    </>
  );
}
