import Link from "next/link";
import { after } from "next/server";
import { AlertList } from "@/components/monitor/alert-list";
import { ZoneKpis } from "@/components/overview/zone-kpis";
import { countAlerts, listAlerts, refreshIfOld } from "@/lib/alerts/service";
import { getPrisma } from "@/lib/bootstrap";
import { getZones } from "@/lib/db/queries/zones";
import { getOverviewFigures, getPairData, getTotals, type OverviewFigure } from "@/lib/db/queries/overview";
import { HEADLINE_PAIR, headlineFamily, zoneName, type ZoneSummary } from "@/lib/domain/figures";
import { pairRows } from "@/lib/domain/pair";
import { familyColor } from "@/lib/domain/palette";
import { PairTable } from "@/components/overview/pair-table";
import { formatDate, type Locale } from "@/lib/domain/format";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { toIsoDate } from "@/lib/domain/dates";

export default async function OverviewPage() {
  const locale = await getLocale();
  const t = messages(locale);
  const prisma = await getPrisma();
  after(() => refreshIfOld(prisma));
  const [zones, figures, totals, alerts, alertCounts, pair] = await Promise.all([
    getZones(prisma),
    getOverviewFigures(prisma),
    getTotals(prisma),
    listAlerts(prisma, { state: "open" }, ALERTS_SHOWN),
    countAlerts(prisma),
    getPairData(prisma, HEADLINE_PAIR),
  ]);
  // The pair's provinces like for like too: provincial figures are published on the same calendar.
  const provinceCodes = HEADLINE_PAIR.map((code) => zones.find((z) => z.code === code)?.parentCode).filter((c): c is string => Boolean(c));
  const provincePair = provinceCodes.length === 2 ? await getPairData(prisma, provinceCodes) : null;
  const { figures: figureCount, sources: sourceCount } = totals;
  const today = toIsoDate(new Date());
  const byZone = new Map<string, OverviewFigure[]>();
  for (const figure of figures) byZone.set(figure.zone, [...(byZone.get(figure.zone) ?? []), figure]);
  // The headline pair and the zones under their provinces; every other zone has its own page (and /china).
  const shown = headlineFamily(zones).filter((zone) => byZone.has(zone.code));
  const ftzs = shown.filter((z) => z.kind === "ftz");
  const areas = shown.filter((z) => z.kind === "area");
  const others = shown.filter((z) => z.kind !== "ftz" && z.kind !== "area");
  const pairZones = HEADLINE_PAIR.map((code) => zones.find((z) => z.code === code)).filter((z): z is ZoneSummary => Boolean(z));
  const otherFtzs = zones.filter((z) => z.kind === "ftz" && !(HEADLINE_PAIR as readonly string[]).includes(z.code)).length;
  const newest = figures
    .map((f) => f.source.publishedOn)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return (
    <>
      <div className="page-head">
        <h1>{t.overview.title}</h1>
        <p className="lede">
          {figureCount > 0 ? t.overview.intro(figureCount, sourceCount) : t.overview.empty}{" "}
          {newest ? fill(t.overview.latestPublished, { date: formatDate(newest, locale) }) : null}
        </p>
      </div>
      {pairZones.length === 2 ? (
        <PairTable
          id="pair"
          rows={pairRows(pair.inputs)}
          zones={pairZones.map((z) => ({ code: z.code, label: zoneName(z, locale, true), color: familyColor(z.code) }))}
          sources={pair.sources}
          locale={locale}
          t={t}
        />
      ) : null}
      {ftzs.length ? (
        <section aria-label={t.overview.headline} className="overview-ftz">
          {ftzs.map((zone) => (
            <ZoneKpis key={zone.code} zone={zone} figures={byZone.get(zone.code) ?? []} today={today} locale={locale} t={t} />
          ))}
        </section>
      ) : null}
      {otherFtzs > 0 ? (
        <p className="overview-all">
          <Link href="/china">
            {t.overview.allFtzs} ({otherFtzs + pairZones.length}) →
          </Link>
        </p>
      ) : null}
      {alerts.length ? (
        <section aria-labelledby="alerts-heading" className="panel overview-alerts">
          <h2 id="alerts-heading">
            {t.monitor.overviewTitle} <span className="muted">({alertCounts.open.total})</span>
          </h2>
          <AlertList alerts={alerts} locale={locale} t={t.monitor} admin={false} />
          <p>
            <Link href="/monitor">{t.monitor.overviewMore} →</Link>
          </p>
        </section>
      ) : null}
      {provincePair ? (
        <PairTable
          id="province-pair"
          rows={pairRows(provincePair.inputs)}
          zones={provinceCodes.map((code) => {
            const z = zones.find((zone) => zone.code === code);
            return { code, label: z ? zoneName(z, locale, true) : code, color: familyColor(code) };
          })}
          sources={provincePair.sources}
          locale={locale}
          t={t}
        />
      ) : null}
      <ZoneGroup id="areas-heading" title={t.overview.areas} zones={areas} byZone={byZone} today={today} locale={locale} t={t} />
      <ZoneGroup id="others-heading" title={t.overview.others} zones={others} byZone={byZone} today={today} locale={locale} t={t} />
    </>
  );
}

/** The overview shows the most pressing few alerts; the monitor page has them all. */
const ALERTS_SHOWN = 3;

/** Beyond this many zones in a group, the overview links to the full list instead. */
const GROUP_MAX = 24;

type GroupProps = {
  id: string;
  title: string;
  zones: readonly ZoneSummary[];
  byZone: ReadonlyMap<string, OverviewFigure[]>;
  today: string;
  locale: Locale;
  t: ReturnType<typeof messages>;
};

/** A group of zones as small cards (three key figures each), at most GROUP_MAX, then a link to all zones. */
function ZoneGroup({ id, title, zones, byZone, today, locale, t }: GroupProps) {
  if (zones.length === 0) return null;
  return (
    <section aria-labelledby={id} className="overview-group">
      <h2 id={id}>{title}</h2>
      <div className="overview-grid">
        {zones.slice(0, GROUP_MAX).map((zone) => (
          <ZoneKpis
            key={zone.code}
            zone={zone}
            figures={byZone.get(zone.code) ?? []}
            today={today}
            locale={locale}
            t={t}
            max={3}
            headingLevel={3}
          />
        ))}
      </div>
      <More n={zones.length - GROUP_MAX} t={t} />
    </section>
  );
}

function More({ n, t }: { n: number; t: ReturnType<typeof messages> }) {
  return n > 0 ? (
    <p className="muted">
      <Link href="/zones">{fill(t.overview.more, { n })}</Link>
    </p>
  ) : null;
}
