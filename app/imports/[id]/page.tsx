import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getAdminSession, isWriteConfigured } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { getImport } from "@/lib/db/queries/imports";
import { parseId } from "@/lib/validation/ids";
import { formatDateTime, formatNumber, qualifierMark, type Locale } from "@/lib/domain/format";
import type { Qualifier } from "@/lib/domain/vocabulary";
import { fill, messages, type Messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { ImportReport } from "@/components/import/import-report";

export const metadata: Metadata = { title: "Import" };

const published = (v: { publishedValue: number; publishedUnit: string; qualifier: Qualifier }, locale: Locale) =>
  `${qualifierMark(v.qualifier, locale)}${formatNumber(v.publishedValue, locale)} ${v.publishedUnit}`;

export default async function ImportDetailPage({ params }: PageProps<"/imports/[id]">) {
  const { id } = await params;
  const locale = await getLocale();
  const t = messages(locale);
  if (!isWriteConfigured() || !(await getAdminSession())) redirect(`/sign-in?next=/imports/${encodeURIComponent(id)}`);
  const number = parseId(id);
  if (number === undefined) notFound();
  const detail = await getImport(await getPrisma(), number);
  if (!detail) notFound();
  const channel = t.import.channels[detail.channel as keyof Messages["import"]["channels"]] ?? detail.channel;
  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link href="/import">{t.import.title}</Link>
        </p>
        <h1>{fill(t.import.detailTitle, { id: detail.id })}</h1>
        <p className="lede">
          {fill(t.import.detailIntro, {
            file: detail.fileName,
            actor: detail.actor,
            channel,
            when: formatDateTime(detail.createdAt, locale),
          })}
        </p>
      </div>
      {detail.summary ? (
        <section className="panel">
          <ImportReport summary={detail.summary} labels={t.import} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="changes-title">
        <h2 id="changes-title">
          {t.import.viewChanges} ({detail.totalChanges.toLocaleString()})
        </h2>
        {detail.changes.length === 0 ? (
          <p className="muted">{t.import.noChanges}</p>
        ) : (
          <div className="table-wrap">
            <table className="figures-table">
              <thead>
                <tr>
                  <th scope="col">{t.import.figure}</th>
                  <th scope="col">{t.overview.period}</th>
                  <th scope="col" className="num">
                    {t.import.written}
                  </th>
                  <th scope="col" className="num">
                    {t.import.previous}
                  </th>
                  <th scope="col">{t.import.later}</th>
                </tr>
              </thead>
              <tbody>
                {detail.changes.map((change) => (
                  <tr key={`${change.observationId}-${change.laterImportId ?? "current"}`}>
                    <th scope="row">
                      <code>{change.zone}</code> · <code>{change.indicator}</code>
                    </th>
                    <td>
                      {change.period} <span className="muted">({change.basis})</span>
                    </td>
                    <td className="num">{published(change.written, locale)}</td>
                    <td className="num">{change.previous ? published(change.previous, locale) : "—"}</td>
                    <td>
                      {change.laterImportId ? (
                        <Link href={`/imports/${change.laterImportId}`}>#{change.laterImportId}</Link>
                      ) : (
                        <span className="muted">{t.import.current}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {detail.totalChanges > detail.changes.length ? (
              <p className="muted">{fill(t.import.more, { n: (detail.totalChanges - detail.changes.length).toLocaleString() })}</p>
            ) : null}
          </div>
        )}
      </section>
    </>
  );
}
