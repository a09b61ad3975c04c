// One indicator on a zone page: a small chart of the zone and its areas, the latest figure, and a
// link to the full comparison.
import Link from "next/link";
import { CompareChart } from "@/components/compare/compare-chart";
import { CompareTable } from "@/components/compare/compare-table";
import { ExportMenu } from "@/components/ui/export-menu";
import { drawnChart, latestRows, type ChartModel } from "@/lib/domain/chart-model";
import type { Locale } from "@/lib/domain/format";
import { fill, type Messages } from "@/lib/i18n/messages";

/** A panel's chart is a few hundred pixels wide: more points than this draw nothing more. */
const COMPACT_POINTS = 150;
/** The panel's table shows the latest periods; the comparison page has them all. */
const TABLE_ROWS = 24;

type Props = {
  model: ChartModel;
  locale: Locale;
  t: Messages;
  /** The compare view this chart shows (its query string): for the downloads and "add to report". */
  query: string;
  fileBase: string;
  compareHref: string;
  dataHref: string;
  latest: string | null;
  /** The same indicator on the other bases that have figures: a click away. */
  otherBases?: readonly { label: string; href: string }[];
};

export function ZoneChartPanel({ model, locale, t, query, fileBase, compareHref, dataHref, latest, otherBases = [] }: Props) {
  return (
    <section className="zone-chart panel" aria-label={model.title}>
      <header>
        <h3>{model.title}</h3>
        <p className="chart-panel__subtitle">{model.subtitle}</p>
        {otherBases.length ? (
          <p className="zone-chart__bases">
            {t.zonePage.otherBases}:{" "}
            {otherBases.map((b, i) => (
              <span key={b.href}>
                {i ? ", " : ""}
                <Link href={b.href}>{b.label}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </header>
      <CompareChart
        model={drawnChart(model, COMPACT_POINTS)}
        type="line"
        locale={locale}
        compact
        height={190}
        labels={{
          xAxis: "",
          qualifier: t.qualifierNote,
          status: t.status,
          empty: t.compare.empty,
          legendHollow: t.compare.legendHollow,
          events: t.compare.events,
          ariaLabel: `${model.title} — ${model.subtitle}`,
        }}
      />
      <details className="zone-chart__table">
        <summary>{t.zonePage.asTable}</summary>
        <CompareTable model={latestRows(model, TABLE_ROWS)} t={t} caption={`${model.title} — ${model.subtitle}`} />
        {model.table.length > TABLE_ROWS ? (
          <p className="muted">
            {fill(t.zonePage.latestRows, { shown: TABLE_ROWS, all: model.table.length })}{" "}
            <Link href={compareHref}>{t.zonePage.allRows} →</Link>
          </p>
        ) : null}
      </details>
      <footer className="zone-chart__foot">
        {latest ? (
          <span>
            {t.zonePage.latest}: <strong>{latest}</strong>
          </span>
        ) : (
          <span />
        )}
        <ExportMenu query={query} locale={locale} title={model.title} fileBase={fileBase} labels={t.exports} compact />
        <span className="zone-chart__links">
          <Link href={dataHref}>{t.nav.data}</Link>
          <Link href={compareHref}>{t.zonePage.openCompare} →</Link>
        </span>
      </footer>
    </section>
  );
}
