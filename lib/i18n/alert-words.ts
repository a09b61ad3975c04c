// An alert in words, English or Chinese: what, where, by how much, since when — and the compare view
// that shows it. Used by the monitoring page, the overview, the Atom feed and the JSON feed.
import type { IsoDate } from "../domain/dates.ts";
import { countWordZh, formatDate, formatNumber, formatSpan, formatValue, type Locale } from "../domain/format.ts";
import { granularityOf } from "../domain/periods.ts";
import type { AlertKind, BaseUnit } from "../domain/vocabulary.ts";
import { localName } from "../domain/figures.ts";

export type DescribableAlert = {
  kind: AlertKind;
  zone: { code: string; nameEn: string; nameZh: string | null };
  indicator: { code: string; nameEn: string; nameZh: string | null; unit: string };
  basis: string | null;
  magnitude: number;
  since: IsoDate;
  details: Record<string, string | number | null>;
};

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const num = (value: unknown): number => (typeof value === "number" ? value : Number.NaN);

function percent(share: number, locale: Locale): string {
  return `${formatNumber(Math.round(Math.abs(share) * 1000) / 10, locale, 1)}%`;
}

/** 12 days, 9 months, 4.8 years / 12 天、9 个月、4.8 年. */
function duration(days: number, locale: Locale): string {
  const zh = locale === "zh";
  if (days < 60) return zh ? `${days} 天` : `${days} day${days === 1 ? "" : "s"}`;
  const months = Math.round(days / 30.44);
  if (months < 24) return zh ? `${months} 个月` : `${months} months`;
  const years = formatNumber(Math.round((days / 365.25) * 10) / 10, locale, 1);
  return zh ? `${years} 年` : `${years} years`;
}

function span(start: string, end: string, locale: Locale): string {
  return start && end ? formatSpan(start, end, granularityOf(start, end), locale) : "";
}

/** The compare page's query that shows the alert's series. */
export function alertView(alert: DescribableAlert): string {
  const basis = alert.kind === "behind" ? "ytd" : (alert.basis ?? "period");
  return `indicator=${alert.indicator.code}&zones=${alert.zone.code}&basis=${basis}`;
}

export function describeAlert(alert: DescribableAlert, locale: Locale): { title: string; detail: string; where: string } {
  const zh = locale === "zh";
  const zone = localName(alert.zone, locale);
  const indicator = localName(alert.indicator, locale);
  const unit = alert.indicator.unit as BaseUnit;
  const value = (v: unknown) => (Number.isFinite(num(v)) ? formatValue(num(v), unit, locale, countWordZh(alert.indicator.code)) : "—");
  const d = alert.details;
  const where = `${zone} · ${indicator}`;
  switch (alert.kind) {
    case "behind":
      return zh
        ? {
            where,
            title: `${zone}${indicator}落后于目标进度 ${percent(alert.magnitude, locale)}`,
            detail: `截至${formatDate(str(d.through), locale)}累计 ${value(d.actual)}，按时间进度应达 ${value(d.expected)}（${d.year}年目标 ${value(d.target)}）。`,
          }
        : {
            where,
            title: `${zone}: ${indicator} ${percent(alert.magnitude, locale)} behind the pro-rated target`,
            detail: `${value(d.actual)} by ${formatDate(str(d.through), locale)} against ${value(d.expected)} expected by then (${d.year} target ${value(d.target)}).`,
          };
    case "yoy_fall":
      return zh
        ? {
            where,
            title: `${zone}${indicator}同比下降 ${percent(alert.magnitude, locale)}`,
            detail: `${span(str(d.start), str(d.end), locale)}为 ${value(d.value)}，上年同期 ${value(d.before)}。`,
          }
        : {
            where,
            title: `${zone}: ${indicator} down ${percent(alert.magnitude, locale)} on a year earlier`,
            detail: `${value(d.value)} in ${span(str(d.start), str(d.end), locale)} against ${value(d.before)} a year before.`,
          };
    case "stale": {
      const cadence =
        d.cadence === "year" ? (zh ? "年度" : "annual") : d.cadence === "quarter" ? (zh ? "季度" : "quarterly") : zh ? "月度" : "monthly";
      return zh
        ? {
            where,
            title: `${zone}${indicator}数据逾期 ${duration(alert.magnitude, locale)}`,
            detail: `${cadence}数据最新一期截至${formatDate(str(d.latestEnd), locale)}，下一期应于${formatDate(str(d.due), locale)}前发布。`,
          }
        : {
            where,
            title: `${zone}: ${indicator} overdue by ${duration(alert.magnitude, locale)}`,
            detail: `The latest ${cadence} figure is for the period ending ${formatDate(str(d.latestEnd), locale)}; the next was due by ${formatDate(str(d.due), locale)}.`,
          };
    }
    case "plausibility": {
      const magnitude = d.warning === "magnitude";
      const neighbour = d.neighbourEnd ? formatDate(str(d.neighbourEnd), locale) : "";
      return zh
        ? {
            where,
            title: magnitude ? `${zone}${indicator}数值约为相邻数据的 10^${alert.magnitude} 倍` : `${zone}${indicator}累计值下降`,
            detail: magnitude
              ? `${span(str(d.start), str(d.end), locale)}为 ${value(d.value)}，截至${neighbour}的数据为 ${value(d.neighbourValue)}：请检查“万/亿”单位。`
              : `${span(str(d.start), str(d.end), locale)}的累计值 ${value(d.value)} 小于截至${neighbour}的 ${value(d.neighbourValue)}。`,
          }
        : {
            where,
            title: magnitude
              ? `${zone}: ${indicator} about 10^${alert.magnitude} times its neighbour`
              : `${zone}: a running total of ${indicator} went down`,
            detail: magnitude
              ? `${value(d.value)} in ${span(str(d.start), str(d.end), locale)} beside ${value(d.neighbourValue)} for the period ending ${neighbour}: check 万/亿 in the unit.`
              : `${value(d.value)} for ${span(str(d.start), str(d.end), locale)} is less than ${value(d.neighbourValue)} for the period ending ${neighbour}.`,
          };
    }
  }
}
