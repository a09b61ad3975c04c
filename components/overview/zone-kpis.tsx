// One zone on the overview: its name, launch and area, and a card for each of its key figures.
import Link from "next/link";
import { zoneName, type ZoneSummary } from "@/lib/domain/figures";
import { formatArea, formatDate, type Locale } from "@/lib/domain/format";
import { pickKpiIndicators, yearOnYearOf, type OverviewFigure } from "@/lib/domain/kpi";
import { familyColor } from "@/lib/domain/palette";
import { fill, type Messages } from "@/lib/i18n/messages";
import { localName } from "@/lib/domain/figures";
import { KpiCard } from "./kpi-card";

type Props = {
  zone: ZoneSummary;
  figures: OverviewFigure[];
  today: string;
  locale: Locale;
  t: Messages;
  max?: number;
  headingLevel?: 2 | 3;
};

export function ZoneKpis({ zone, figures, today, locale, t, max = 6, headingLevel = 2 }: Props) {
  const byIndicator = new Map(figures.map((f) => [f.indicator.code, f]));
  const chosen = pickKpiIndicators(new Map(figures.map((f) => [f.indicator.code, f.history.length])), max);
  const other = locale === "zh" ? zone.nameEn : zone.nameZh;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const color = familyColor(zone.code);
  return (
    <section
      className={`zone-kpis zone-kpis--${zone.kind}`}
      data-zone={zone.code}
      style={{ borderTopColor: color }}
      aria-labelledby={`kpis-${zone.code}`}
    >
      <header className="zone-kpis__head">
        <div>
          <Heading id={`kpis-${zone.code}`}>
            <Link href={`/zones/${zone.code}`}>{zoneName(zone, locale)}</Link>
          </Heading>
          {other ? (
            <span className="zone-card__alt" lang={locale === "zh" ? "en" : "zh-CN"}>
              {other}
            </span>
          ) : null}
        </div>
        <p className="zone-kpis__meta">
          {[
            t.zone.kind[zone.kind],
            zone.establishedOn ? fill(t.overview.launched, { date: formatDate(zone.establishedOn, locale) }) : null,
            zone.areaKm2 ? formatArea(zone.areaKm2, locale) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
          {" · "}
          <Link href={`/zones/${zone.code}`}>{t.overview.allFigures} →</Link>
        </p>
      </header>
      <div className="kpi-grid">
        {chosen.map((code) => {
          const figure = byIndicator.get(code);
          if (!figure) return null;
          return (
            <KpiCard
              key={code}
              indicator={{ code, name: localName(figure.indicator, locale), unit: figure.indicator.unit }}
              latest={figure.latest}
              basis={figure.basis}
              granularity={figure.granularity}
              yoy={yearOnYearOf(figure.latest, figure.history, figure.basis, figure.indicator.unit === "percent")}
              history={figure.history}
              source={figure.source}
              quote={figure.quote}
              color={color}
              today={today}
              locale={locale}
              t={t}
            />
          );
        })}
      </div>
    </section>
  );
}
