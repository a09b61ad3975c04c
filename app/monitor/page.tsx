// /monitor — is each zone on track? Open alerts (most pressing first, each linking to its chart),
// then progress against the year's targets, most behind first; admins acknowledge alerts and set targets.
import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { AlertList } from "@/components/monitor/alert-list";
import { ProgressTable } from "@/components/monitor/progress-table";
import { TargetForm } from "@/components/monitor/target-form";
import { TableDownloads } from "@/components/ui/table-downloads";
import { countAlerts, listAlerts, monitorConfig, monitorYear, refreshIfOld } from "@/lib/alerts/service";
import { getAdminSession } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { listIndicators, listZones } from "@/lib/db/queries/catalog";
import { loadProgress, targetYears } from "@/lib/db/queries/monitor";
import { toIsoDate } from "@/lib/domain/dates";
import { formatNumber } from "@/lib/domain/format";
import { localName, orderZones } from "@/lib/domain/figures";
import { attentionOrder } from "@/lib/domain/monitor";
import { fill, messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { ALERT_KINDS } from "@/lib/domain/vocabulary";
import { MonitorPageSchema } from "@/lib/validation/monitor";

export const metadata: Metadata = { title: "Monitoring" };

/** The most alerts listed on the page; all of them are in the CSV and the feeds. */
const ALERTS_MAX = 100;

export default async function MonitorPage({ searchParams }: PageProps<"/monitor">) {
  const locale = await getLocale();
  const t = messages(locale);
  const m = t.monitor;
  const raw = await searchParams;
  const prisma = await getPrisma();
  after(() => refreshIfOld(prisma));
  const today = toIsoDate(new Date());
  const config = monitorConfig();
  const years = await targetYears(prisma);
  const view = MonitorPageSchema.parse(raw);
  const year = monitorYear(years, today, view.year);
  const kind = view.kind;
  const acknowledged = view.alerts === "acknowledged";
  const [rows, listed, counts, admin, zoneRows, indicatorRows] = await Promise.all([
    loadProgress(prisma, { year, today, tolerance: config.tolerance }),
    listAlerts(prisma, { state: acknowledged ? "acknowledged" : "open", kind }, ALERTS_MAX),
    countAlerts(prisma),
    getAdminSession(),
    listZones(prisma),
    listIndicators(prisma),
  ]);
  rows.sort((a, b) => attentionOrder(a.progress, b.progress));
  const shownCounts = acknowledged ? counts.acknowledged : counts.open;
  const total = kind ? (shownCounts.byKind[kind] ?? 0) : shownCounts.total;
  const pct = (share: number) => `${formatNumber(share * 100, locale, 1)}%`;
  const query = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const merged = { year: view.year ? String(view.year) : undefined, kind, alerts: acknowledged ? "acknowledged" : undefined, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
    const text = params.toString();
    return text ? `/monitor?${text}` : "/monitor";
  };
  const zones = orderZones(zoneRows)
    .filter((z) => z.kind !== "group" && z.kind !== "country")
    .map((z) => ({ code: z.code, label: localName(z, locale) }));
  const flows = indicatorRows.filter((i) => i.kind === "flow").map((i) => ({ code: i.code, label: localName(i, locale) }));

  return (
    <>
      <div className="page-head">
        <h1>{m.title}</h1>
        <p className="lede">{m.intro}</p>
        <p className="muted">
          {fill(m.rules, {
            tolerance: pct(config.tolerance),
            behind: pct(config.thresholds.behind),
            yoy: pct(config.thresholds.yoyFall),
            days: config.thresholds.staleDays,
          })}
        </p>
      </div>

      <section className="panel" aria-labelledby="alerts-title">
        <header className="monitor-head">
          <h2 id="alerts-title">
            {m.alerts} <span className="muted">({total})</span>
          </h2>
          <p className="monitor-feeds">
            <span className="muted">{m.feeds}:</span> <a href={`/api/alerts?format=atom${locale === "zh" ? "&lang=zh" : ""}`}>{m.atom}</a> ·{" "}
            <a href="/api/alerts">{m.jsonFeed}</a> · <a href="/api/alerts?format=csv">CSV</a>
          </p>
        </header>
        <nav className="chips" aria-label={m.alerts}>
          <Link href={query({ kind: undefined })} aria-current={!kind ? "page" : undefined}>
            {m.allKinds} ({shownCounts.total})
          </Link>
          {ALERT_KINDS.map((k) => {
            const n = shownCounts.byKind[k] ?? 0;
            return n ? (
              <Link key={k} href={query({ kind: k })} aria-current={kind === k ? "page" : undefined}>
                {m.kinds[k]} ({n})
              </Link>
            ) : null;
          })}
          <Link href={query({ alerts: acknowledged ? undefined : "acknowledged", kind: undefined })}>
            {acknowledged ? m.showOpen : `${m.showAcknowledged} (${counts.acknowledged.total})`}
          </Link>
        </nav>
        {listed.length ? (
          <AlertList alerts={listed} locale={locale} t={m} admin={Boolean(admin)} />
        ) : (
          <p className="notice">{m.noAlerts}</p>
        )}
        {total > ALERTS_MAX ? (
          <p className="muted">
            {fill(m.showing, { shown: ALERTS_MAX, total })}{" "}
            <a href={`/api/alerts?format=csv${acknowledged ? "&state=acknowledged" : ""}${kind ? `&kind=${kind}` : ""}`}>CSV</a>
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="progress-title">
        <header className="monitor-head">
          <h2 id="progress-title">{fill(m.progressYear, { year })}</h2>
          {rows.length ? <TableDownloads api={`/api/monitor?year=${year}`} labels={t.exports} locale={locale} /> : null}
        </header>
        {years.length > 1 || (years.length === 1 && years[0] !== year) ? (
          <nav className="chips" aria-label={m.year}>
            {[...new Set([...years, year])]
              .sort((a, b) => b - a)
              .map((y) => (
                <Link key={y} href={query({ year: String(y) })} aria-current={y === year ? "page" : undefined}>
                  {y}
                </Link>
              ))}
          </nav>
        ) : null}
        {rows.length ? (
          <ProgressTable rows={rows} locale={locale} t={m} admin={Boolean(admin)} />
        ) : (
          <p className="notice">
            {years.length ? fill(m.noTargets, { year }) : m.noTargetsAtAll} <Link href="/help/data-format">{t.import.formatLink}</Link>
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="target-title">
        <h2 id="target-title">{m.setTarget}</h2>
        {admin ? (
          <>
            <p className="muted">
              {m.setTargetIntro} {m.flowsOnly}
            </p>
            <TargetForm zones={zones} indicators={flows} year={year} t={m} />
          </>
        ) : (
          <p className="muted">
            <Link href="/sign-in?next=/monitor">{m.signInToEdit}</Link>
          </p>
        )}
      </section>
    </>
  );
}
