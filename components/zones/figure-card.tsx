// One indicator on a zone page with a single figure: the figure itself (value, period, the change
// published with it, source), not a chart with one dot.
import Link from "next/link";
import type { ModelPoint, ModelSeries, ModelSource } from "@/lib/domain/chart-model";
import { qualifierMark, type Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";
import { SourceLink } from "@/components/ui/source-link";

type Props = {
  title: string;
  subtitle: string;
  series: ModelSeries;
  point: ModelPoint;
  sources: readonly ModelSource[];
  locale: Locale;
  t: Messages;
  compareHref: string;
  dataHref: string;
};

export function FigureCard({ title, subtitle, series, point, sources, locale, t, compareHref, dataHref }: Props) {
  const cited = sources.filter((s) => point.sources.includes(s.id));
  return (
    <section className="zone-chart zone-figure panel" aria-label={title} data-figure-card="true">
      <header>
        <h3>{title}</h3>
        <p className="chart-panel__subtitle">{subtitle}</p>
      </header>
      <p className="zone-figure__zone">
        <span className="swatch" style={{ background: series.color }} aria-hidden="true" />
        {series.label}
      </p>
      <p className="zone-figure__value">
        <span className={`figure--${point.qualifier}`} title={t.qualifierNote[point.qualifier] || undefined}>
          {qualifierMark(point.qualifier, locale)}
          {point.valueText}
        </span>
        {point.status !== "ok" ? <span className={`badge badge--${point.status}`}>{t.status[point.status]}</span> : null}
      </p>
      <p className="zone-figure__period">{point.periodText}</p>
      {point.publishedYoyText ? (
        <p className="zone-figure__change">
          {t.zonePage.publishedChange}: <strong>{point.publishedYoyText}</strong>
        </p>
      ) : null}
      {point.note ? <p className="cell-note">{point.note}</p> : null}
      <ul className="zone-figure__sources">
        {cited.map((s) => (
          <li key={s.id}>
            <SourceLink source={s} locale={locale} />
          </li>
        ))}
      </ul>
      <footer className="zone-chart__foot">
        <span className="muted">{t.zonePage.singleFigure}</span>
        <span className="zone-chart__links">
          <Link href={dataHref}>{t.nav.data}</Link>
          <Link href={compareHref}>{t.zonePage.openCompare} →</Link>
        </span>
      </footer>
    </section>
  );
}
