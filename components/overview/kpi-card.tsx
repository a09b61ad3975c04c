// A key figure: the latest value with its period, the change on a year earlier, a sparkline of the
// comparable figures before it, its source and how old it is.
import { Sparkline } from "@/components/charts/sparkline";
import { SourceLink } from "@/components/ui/source-link";
import {
  countWordZh,
  formatAge,
  formatChange,
  formatPeriod,
  formatQualifiedValue,
  formatSeriesValue,
  qualifierMark,
  type Locale,
} from "@/lib/domain/format";
import type { KpiPoint, YearOnYear } from "@/lib/domain/kpi";
import type { Messages } from "@/lib/i18n/messages";
import type { BaseUnit, Basis, Granularity, Status } from "@/lib/domain/vocabulary";

type Props = {
  indicator: { code: string; name: string; unit: BaseUnit };
  latest: KpiPoint;
  basis: Basis;
  granularity: Granularity;
  yoy: YearOnYear | null;
  history: KpiPoint[];
  source: { title: string; url: string | null; publishedOn: string | null };
  quote: string | null;
  color: string;
  today: string;
  locale: Locale;
  t: Messages;
};

export function KpiCard({ indicator, latest, basis, granularity, yoy, history, source, quote, color, today, locale, t }: Props) {
  const value = formatQualifiedValue(
    latest.value,
    indicator.unit,
    latest.qualifier,
    locale,
    locale === "zh" ? countWordZh(indicator.code) : "",
  );
  const period = formatPeriod({ start: latest.start, end: latest.end, granularity }, basis, locale);
  const status: Status = latest.status;
  return (
    <article className="kpi" data-indicator={indicator.code}>
      <h3 className="kpi__name">{indicator.name}</h3>
      <p className="kpi__value">
        <span className={`figure--${latest.qualifier}`} title={t.qualifierNote[latest.qualifier] || undefined}>
          {value}
        </span>
        {status !== "ok" ? <span className={`badge badge--${status}`}>{t.status[status]}</span> : null}
      </p>
      <p className="kpi__period">{period}</p>
      <p className={`kpi__change${yoy ? (yoy.value >= 0 ? " is-up" : " is-down") : ""}`}>
        {yoy ? (
          <>
            <span aria-hidden="true">{yoy.value >= 0 ? "▲" : "▼"}</span> {qualifierMark(yoy.qualifier, locale)}
            {locale === "zh"
              ? formatChange(yoy.value, yoy.unit, locale)
              : `${formatSeriesValue(yoy.value, yoy.unit, indicator.unit, locale, { signed: true })} ${t.overview.yoy}`}
            <span className="kpi__origin" data-origin={yoy.origin}>
              {" "}
              ({yoy.origin === "published" ? t.overview.ratePublished : t.overview.rateComputed})
            </span>
          </>
        ) : (
          <span className="muted">{t.overview.noYoy}</span>
        )}
      </p>
      <Sparkline points={history} color={color} label={`${indicator.name}: ${history.length} ${t.overview.comparable}`} />
      <p className="kpi__source">
        <SourceLink source={source} locale={locale} quote={quote} />
        <span className="kpi__age"> · {formatAge(source.publishedOn ?? latest.end, today, locale)}</span>
      </p>
    </article>
  );
}
