import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataExplorer } from "@/components/data/data-explorer";
import { localizeTable } from "@/components/data/explorer-data";
import { SourceLink } from "@/components/ui/source-link";
import { FigureCard } from "@/components/zones/figure-card";
import { ZoneChartPanel } from "@/components/zones/zone-chart-panel";
import { getPrisma } from "@/lib/bootstrap";
import { getObservationTable, listYears } from "@/lib/db/queries/observation-table";
import { getZoneEvents, getZonePage } from "@/lib/db/queries/zone";
import { eventKey } from "@/lib/domain/chart-model";
import { categoryCounts, plannedArea, zonePanels } from "@/lib/views/zone";
import { daysBetween, toIsoDate } from "@/lib/domain/dates";
import { eventTitle, zoneName } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { formatArea, formatDate, formatDateAt, formatSinceLaunch } from "@/lib/domain/format";
import { AppError } from "@/lib/errors";
import { chartWords } from "@/lib/i18n/chart-words";
import { figuresText, fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { DATA_LIST_PARAMS, DataViewSchema } from "@/lib/validation/data";
import { parseParams } from "@/lib/validation/params";
import { searchParamsUrl } from "@/lib/validation/search-params";
import { flatQuery } from "@/lib/validation/search-query";

export async function generateMetadata({ params }: PageProps<"/zones/[code]">): Promise<Metadata> {
  const { code } = await params;
  return { title: code };
}

const CATEGORIES = ["investment", "trade", "logistics", "innovation", "profile"] as const;

export default async function ZonePage({ params, searchParams }: PageProps<"/zones/[code]">) {
  const { code } = await params;
  const locale = await getLocale();
  const t = messages(locale);
  const prisma = await getPrisma();
  const page = await getZonePage(prisma, code);
  if (!page) notFound();
  const { profile, datasets } = page;
  const raw = await searchParams;
  const category = typeof raw.category === "string" && (CATEGORIES as readonly string[]).includes(raw.category) ? raw.category : "";
  const showAreas = raw.areas !== "0";
  const today = toIsoDate(new Date());
  const name = zoneName(profile, locale);
  const other = locale === "zh" ? profile.nameEn : profile.nameZh;

  // The table of all figures: the explorer's parameters, with this zone (and its areas) fixed.
  const { category: _c, areas: _a, ...tableRaw } = raw;
  let tableView;
  try {
    tableView = parseParams(searchParamsUrl(`/zones/${code}`, tableRaw), DataViewSchema, DATA_LIST_PARAMS);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    tableView = {};
  }
  const zoneFilter = showAreas && profile.children.length ? [`${code}*`] : [code];
  const [table, years, events] = await Promise.all([
    getObservationTable(prisma, { ...tableView, zone: zoneFilter }),
    listYears(prisma),
    getZoneEvents(prisma, [code, ...(showAreas ? profile.children.map((c) => c.code) : [])]),
  ]);

  const words = chartWords(locale);
  // One numbering of events for the timeline and every chart on the page.
  const eventNumbers = new Map(
    events.map((e, i) => [eventKey({ zone: e.zone.code, date: toIsoDate(e.occurredOn), titleEn: e.titleEn }), i + 1]),
  );
  const panels = zonePanels(datasets, { code, category, showAreas, locale, words, eventNumbers });
  const area = plannedArea(datasets, code, today, profile.areaKm2);
  const counts = categoryCounts(datasets);
  const linkWith = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(flatQuery(raw));
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return text ? `/zones/${code}?${text}` : `/zones/${code}`;
  };

  return (
    <>
      {/* Wide tables: the page widens from its first byte (a rule on what comes later would shift the page as it arrives). */}
      <span className="layout-wide" hidden />
      <div className="page-head zone-head">
        {profile.parent ? (
          <p className="breadcrumb">
            {t.zonePage.parent}: <Link href={`/zones/${profile.parent.code}`}>{zoneName(profile.parent, locale)}</Link>
          </p>
        ) : null}
        <h1>
          {name}
          {other ? (
            <span className="zone-card__alt" lang={locale === "zh" ? "en" : "zh-CN"}>
              {other}
            </span>
          ) : null}
        </h1>
        <dl className="zone-facts">
          <div>
            <dt>{t.zone.kind[profile.kind]}</dt>
            <dd>{figuresText(profile.figures, locale)}</dd>
          </div>
          {profile.launch ? (
            <div>
              <dt>{t.zonePage.launched}</dt>
              <dd>
                {formatDate(profile.launch, locale)} · {formatSinceLaunch(daysBetween(profile.launch, today), locale)}
              </dd>
            </div>
          ) : null}
          {area ? (
            <div>
              <dt>{t.zonePage.area}</dt>
              <dd>
                {formatArea(area.km2, locale)}
                {area.asOf ? <span className="muted"> · {fill(t.zonePage.areaAsOf, { date: formatDate(area.asOf, locale) })}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {profile.note ? (
          <p className="lede">
            <PublishedText text={profile.note} locale={locale} prose />
          </p>
        ) : null}
      </div>

      {profile.children.length ? (
        <section className="panel" aria-labelledby="areas-title">
          <h2 id="areas-title">{t.zonePage.areas}</h2>
          <ul className="area-cards">
            {profile.children.map((child) => (
              <li key={child.code}>
                <Link href={`/zones/${child.code}`}>{zoneName(child, locale)}</Link>
                <span className="muted">
                  {[
                    plannedArea(datasets, child.code, today, child.areaKm2)
                      ? formatArea(plannedArea(datasets, child.code, today, child.areaKm2)?.km2 ?? 0, locale)
                      : null,
                    child.launch ? formatDate(child.launch, locale) : null,
                    figuresText(child.figures, locale),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">{t.zonePage.events}</h2>
        {events.length ? (
          <ol className="timeline">
            {events.map((event, i) => (
              <li key={event.id}>
                <span className="timeline__n" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="timeline__date">{formatDateAt(toIsoDate(event.occurredOn), event.datePrecision, locale)}</span>
                <div>
                  <strong>
                    <PublishedText text={eventTitle(event, locale)} locale={locale} />
                  </strong>
                  {event.zone.code !== code ? <span className="muted"> · {zoneName(event.zone, locale, true)}</span> : null}
                  {event.description ? (
                    <p>
                      <PublishedText text={event.description} locale={locale} prose />
                    </p>
                  ) : null}
                  {event.source ? (
                    <SourceLink
                      source={{
                        title: event.source.title,
                        url: event.source.url,
                        publishedOn: toIsoDate(event.source.publishedOn),
                      }}
                      locale={locale}
                      quote={event.quote}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t.zonePage.noEvents}</p>
        )}
        <p>
          <Link href={`/events?zone=${code}`}>{t.events.zoneLink}</Link>
        </p>
      </section>

      <section aria-labelledby="indicators-title">
        <div className="section-head">
          <div>
            <h2 id="indicators-title">{t.zonePage.indicators}</h2>
            <p className="muted">{t.zonePage.indicatorsIntro}</p>
          </div>
          <nav className="chips" aria-label={t.zonePage.indicators}>
            <Link href={linkWith({ category: null })} aria-current={category === "" ? "page" : undefined}>
              {t.zonePage.all} ({datasets.length})
            </Link>
            {CATEGORIES.filter((c) => counts.get(c)).map((c) => (
              <Link key={c} href={linkWith({ category: c })} aria-current={category === c ? "page" : undefined}>
                {t.zonePage.categories[c]} ({counts.get(c)})
              </Link>
            ))}
            {profile.children.length ? (
              <Link href={linkWith({ areas: showAreas ? "0" : null })} className="chips__toggle">
                {showAreas ? t.zonePage.hideAreas : t.zonePage.showAreas}
              </Link>
            ) : null}
          </nav>
        </div>
        {panels.length ? (
          <div className="chart-grid">
            {panels.map((p) =>
              p.single ? (
                <FigureCard
                  key={p.key}
                  title={p.model.title}
                  subtitle={p.model.subtitle}
                  series={p.single.series}
                  point={p.single.point}
                  sources={p.model.sources}
                  locale={locale}
                  t={t}
                  compareHref={p.compareHref}
                  dataHref={p.dataHref}
                />
              ) : (
                <ZoneChartPanel
                  key={p.key}
                  model={p.model}
                  locale={locale}
                  t={t}
                  query={p.query}
                  fileBase={`${code}-${p.key}`}
                  compareHref={p.compareHref}
                  dataHref={p.dataHref}
                  latest={p.latest}
                  otherBases={p.otherBases}
                />
              ),
            )}
          </div>
        ) : (
          <p className="notice notice--warn">{t.zonePage.noFigures}</p>
        )}
      </section>

      <section aria-labelledby="observations-title" className="zone-table">
        <h2 id="observations-title">{t.zonePage.observations}</h2>
        <DataExplorer
          basePath={`/zones/${code}`}
          query={flatQuery(raw)}
          fixed={["zone"]}
          table={localizeTable(table, locale, t)}
          locale={locale}
          labels={{ ...t.data, status: t.status }}
          years={years}
        />
      </section>
    </>
  );
}
