import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/bootstrap";
import { getIndicatorDetail } from "@/lib/db/queries/indicators";
import { localName, zoneName } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { SourceLink } from "@/components/ui/source-link";
import { UnitLabel } from "@/components/ui/unit-label";
import { formatDate } from "@/lib/domain/format";
import { figuresText, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { viewQuery } from "@/lib/validation/compare";
import { TableDownloads } from "@/components/ui/table-downloads";

export async function generateMetadata({ params }: PageProps<"/indicators/[code]">): Promise<Metadata> {
  return { title: (await params).code };
}

export default async function IndicatorPage({ params }: PageProps<"/indicators/[code]">) {
  const { code } = await params;
  const locale = await getLocale();
  const t = messages(locale);
  const detail = await getIndicatorDetail(await getPrisma(), code);
  if (!detail) notFound();
  const { summary, zones, sources } = detail;
  const top = zones.slice(0, 2).map((z) => z.zone);
  const compareHref = top.length ? `/compare?${viewQuery({ indicator: code, zones: top })}` : null;
  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link href="/indicators">{t.indicatorPage.title}</Link>
        </p>
        <h1>
          {localName(summary, locale)}
          <span className="zone-card__alt" lang={locale === "zh" ? "en" : "zh-CN"}>
            {locale === "zh" ? summary.nameEn : summary.nameZh}
          </span>
        </h1>
        <dl className="zone-facts">
          <div>
            <dt>{t.indicatorPage.unit}</dt>
            <dd>
              <UnitLabel unit={summary.unit} indicatorCode={summary.code} locale={locale} />
            </dd>
          </div>
          <div>
            <dt>{t.indicatorPage.kind}</dt>
            <dd>{t.indicatorPage.kinds[summary.kind]}</dd>
          </div>
          <div>
            <dt>{t.indicatorPage.category}</dt>
            <dd>{t.zonePage.categories[(summary.category ?? "other") as keyof typeof t.zonePage.categories] ?? summary.category}</dd>
          </div>
          <div>
            <dt>{t.indicatorPage.figures}</dt>
            <dd>{summary.figures}</dd>
          </div>
          <div>
            <dt>{t.indicatorPage.code}</dt>
            <dd>
              <code>{summary.code}</code>
            </dd>
          </div>
        </dl>
      </div>
      <section className="panel" aria-labelledby="definition">
        <h2 id="definition">{t.indicatorPage.definition}</h2>
        <p className="definition">{summary.description ? <PublishedText text={summary.description} locale={locale} prose /> : "—"}</p>
        {compareHref ? (
          <p>
            <Link className="button" href={compareHref}>
              {t.indicatorPage.compare} →
            </Link>
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="coverage">
        <h2 id="coverage">{t.indicatorPage.coverage}</h2>
        <TableDownloads api={`/api/observations?indicator=${code}`} labels={t.exports} locale={locale} label={t.exports.allFigures} />
        {zones.length ? (
          <div className="table-wrap">
            <table className="figures-table">
              <thead>
                <tr>
                  <th scope="col">{t.data.col.zone}</th>
                  <th scope="col" className="num">
                    {t.indicatorPage.figures}
                  </th>
                  <th scope="col">{t.indicatorPage.bases}</th>
                  <th scope="col">{t.indicatorPage.first}</th>
                  <th scope="col">{t.indicatorPage.last}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.nav.data}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {zones.map((z) => (
                  <tr key={z.zone}>
                    <th scope="row">
                      <Link href={`/zones/${z.zone}`}>{zoneName(z, locale)}</Link>
                    </th>
                    <td className="num">{z.figures}</td>
                    <td>{z.bases.map((b) => t.data.basisName[b]).join(", ")}</td>
                    <td>{formatDate(z.first, locale)}</td>
                    <td>{formatDate(z.last, locale)}</td>
                    <td>
                      <Link href={`/data?zone=${z.zone}&indicator=${code}`}>{t.nav.data} →</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t.indicatorPage.noFigures}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="sources">
        <h2 id="sources">
          {t.indicatorPage.sources} ({sources.length})
        </h2>
        <ul className="source-index">
          {sources.map((s) => (
            <li key={s.id}>
              <SourceLink source={s} locale={locale} />
              <span className="muted"> · {figuresText(s.figures, locale)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
