// One figure of the national table: the value with its qualifier, its period and basis, and its source
// (the publication linked, the quoted sentence as its tooltip); a computed share names both figures.
import { shortZoneName } from "@/lib/domain/figures";
import { countWordZh, formatPeriod, formatQualifiedValue, type Locale } from "@/lib/domain/format";
import type { NationalCell, NationalFigure } from "@/lib/domain/national";
import { chinaWords } from "@/lib/i18n/china-words";
import { messages } from "@/lib/i18n/messages";
import { sourceTitleText } from "@/lib/domain/language";
import { PublishedText } from "@/components/ui/published-text";
import type { BaseUnit } from "@/lib/domain/vocabulary";

export function periodText(figure: Pick<NationalFigure, "start" | "end" | "granularity" | "basis">, locale: Locale): string {
  const words = chinaWords(locale);
  const period = formatPeriod(figure, figure.basis, locale);
  // A cumulative or level figure says its basis in its period already.
  return figure.basis === "period" || figure.basis === "ytd" ? `${period} · ${words.basisName[figure.basis]}` : period;
}

export function FigureSource({ figure, locale }: { figure: NationalFigure; locale: Locale }) {
  const shown = sourceTitleText(figure.source.title, locale);
  const title = figure.quote ? `${shown} — ${chinaWords(locale).quote}: ${figure.quote}` : shown;
  const text = <PublishedText text={shown} locale={locale} />;
  return figure.source.url ? (
    <a href={figure.source.url} target="_blank" rel="noreferrer noopener" title={title}>
      {text}
    </a>
  ) : (
    <span title={title}>{text}</span>
  );
}

export function FigureCell({
  cell,
  unit,
  indicator,
  locale,
  zoneName,
  provinceName,
}: {
  cell: NationalCell | undefined;
  unit: BaseUnit;
  indicator: string;
  locale: Locale;
  zoneName: string;
  provinceName: string;
}) {
  const words = chinaWords(locale);
  if (!cell) return <span className="muted">—</span>;
  const { figure, computed } = cell;
  return (
    <div className={`national-figure figure--${figure.qualifier}`}>
      <span className="figure__value">
        {formatQualifiedValue(figure.value, unit, figure.qualifier, locale, locale === "zh" ? countWordZh(indicator) : "")}
      </span>
      {figure.status !== "ok" ? <span className={`badge badge--${figure.status}`}>{messages(locale).status[figure.status]}</span> : null}
      <span className="national-figure__period">{periodText(figure, locale)}</span>
      {computed ? (
        <span className="national-figure__source">
          <span className="tag" title={words.computedFrom(shortZoneName(zoneName), provinceName)}>
            {words.computed}
          </span>{" "}
          <FigureSource figure={computed.zone} locale={locale} /> ÷ <FigureSource figure={computed.province} locale={locale} />
        </span>
      ) : (
        <span className="national-figure__source">
          <FigureSource figure={figure} locale={locale} />
        </span>
      )}
    </div>
  );
}
