import type { Metadata } from "next";
import { PublishedText } from "@/components/ui/published-text";
import { UnitLabel } from "@/components/ui/unit-label";
import Link from "next/link";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicatorSummaries } from "@/lib/db/queries/indicators";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { TableDownloads } from "@/components/ui/table-downloads";
import { localName } from "@/lib/domain/figures";

export const metadata: Metadata = { title: "Indicators" };

export default async function IndicatorsPage() {
  const locale = await getLocale();
  const t = messages(locale);
  const indicators = await listIndicatorSummaries(await getPrisma());
  const categories = [...new Set(indicators.map((i) => i.category ?? "other"))];
  return (
    <>
      <div className="page-head">
        <h1>{t.indicatorPage.title}</h1>
        <p className="lede">{t.indicatorPage.intro}</p>
        <TableDownloads api="/api/indicators" labels={t.exports} locale={locale} />
      </div>
      {categories.map((category) => (
        <section key={category} className="panel" aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`}>{t.zonePage.categories[category as keyof typeof t.zonePage.categories] ?? category}</h2>
          <div className="table-wrap">
            <table className="figures-table indicator-table">
              <thead>
                <tr>
                  <th scope="col">{t.indicatorPage.indicator}</th>
                  <th scope="col">{t.indicatorPage.unit}</th>
                  <th scope="col">{t.indicatorPage.kind}</th>
                  <th scope="col" className="num">
                    {t.indicatorPage.figures}
                  </th>
                  <th scope="col" className="num">
                    {t.indicatorPage.zones}
                  </th>
                  <th scope="col">{t.indicatorPage.years}</th>
                  <th scope="col">{t.indicatorPage.definition}</th>
                </tr>
              </thead>
              <tbody>
                {indicators
                  .filter((i) => (i.category ?? "other") === category)
                  .map((i) => (
                    <tr key={i.code}>
                      <th scope="row">
                        <Link href={`/indicators/${i.code}`}>{localName(i, locale)}</Link>
                        <span className="muted block" lang={locale === "zh" ? "en" : "zh-CN"}>
                          {locale === "zh" ? i.nameEn : (i.nameZh ?? "")}
                        </span>
                        <code>{i.code}</code>
                      </th>
                      <td>
                        <UnitLabel unit={i.unit} indicatorCode={i.code} locale={locale} />
                      </td>
                      <td>{t.indicatorPage.kinds[i.kind].split(" ")[0]}</td>
                      <td className="num">{i.figures}</td>
                      <td className="num">{i.zones}</td>
                      <td>
                        {i.first && i.last
                          ? i.first.slice(0, 4) === i.last.slice(0, 4)
                            ? i.first.slice(0, 4)
                            : `${i.first.slice(0, 4)}–${i.last.slice(0, 4)}`
                          : "—"}
                      </td>
                      <td className="definition-cell">
                        {i.description ? <PublishedText text={i.description} locale={locale} prose /> : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
