import type { Metadata } from "next";
import Link from "next/link";
import { ReportEditor } from "@/components/reports/report-editor";
import { PublishedText } from "@/components/ui/published-text";
import { getAdminSession } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listReports } from "@/lib/db/queries/reports";
import { formatDateTime } from "@/lib/domain/format";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const locale = await getLocale();
  const t = messages(locale);
  const [reports, admin] = await Promise.all([listReports(await getPrisma()), getAdminSession()]);
  return (
    <>
      <div className="page-head">
        <h1>{t.reports.title}</h1>
        <p className="lede">{t.reports.intro}</p>
      </div>
      <ReportEditor locale={locale} labels={t.reports} admin={Boolean(admin)} />
      <section className="panel" aria-labelledby="saved-title">
        <h2 id="saved-title">{t.reports.saved}</h2>
        {reports.length === 0 ? (
          <p className="muted">{t.reports.none}</p>
        ) : (
          <div className="table-wrap">
            <table className="figures-table">
              <thead>
                <tr>
                  <th scope="col">{t.reports.reportTitle}</th>
                  <th scope="col" className="num">
                    {t.reports.items}
                  </th>
                  <th scope="col">{t.reports.language}</th>
                  <th scope="col">{t.reports.updated}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link href={`/reports/${r.id}`}>
                        <PublishedText text={r.title} locale={locale} />
                      </Link>
                    </th>
                    <td className="num">{fill(t.reports.itemCount, { n: r.items.length })}</td>
                    <td>{t.reports.languageName[r.locale === "zh" ? "zh" : "en"]}</td>
                    <td>{formatDateTime(r.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
