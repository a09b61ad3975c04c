// Progress against targets, most pressing first: status, a bar of the share reached with a mark at
// where the year's progress should be, the year-to-date actual, the pro-rated target, the gap and
// the change on a year earlier. Server component.
import Link from "next/link";
import type { MonitorRow } from "@/lib/domain/monitor";
import { countWordZh, formatDate, formatNumber, formatQualifiedValue, formatValue, type Locale } from "@/lib/domain/format";
import { fill, type Messages } from "@/lib/i18n/messages";
import { RemoveTargetButton } from "./remove-target-button";
import { SourceTitle } from "@/components/ui/published-text";
import type { BaseUnit } from "@/lib/domain/vocabulary";
import { localName } from "@/lib/domain/figures";

type Props = { rows: readonly MonitorRow[]; locale: Locale; t: Messages["monitor"]; admin: boolean };

function percent(share: number | null, locale: Locale, signed = false): string {
  if (share === null) return "—";
  const value = Math.round(share * 1000) / 10;
  return `${signed && value > 0 ? "+" : ""}${formatNumber(value, locale, 1)}%`;
}

export function ProgressTable({ rows, locale, t, admin }: Props) {
  return (
    <div className="table-wrap">
      <table className="figures-table progress-table">
        <caption className="visually-hidden">{t.progress}</caption>
        <thead>
          <tr>
            <th scope="col">{t.zone}</th>
            <th scope="col">{t.indicator}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.reached}</th>
            <th scope="col" className="num">
              {t.actual}
            </th>
            <th scope="col" className="num">
              {t.expected}
            </th>
            <th scope="col" className="num">
              {t.gap}
            </th>
            <th scope="col" className="num">
              {t.yoy}
            </th>
            <th scope="col" className="num">
              {t.target}
            </th>
            {admin ? (
              <th scope="col">
                <span className="visually-hidden">{t.remove}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const p = row.progress;
            const unit = row.indicator.unit as BaseUnit;
            const word = countWordZh(row.indicator.code);
            const value = (v: number | null) => (v === null ? "—" : formatValue(v, unit, locale, word));
            const reached = Math.max(0, Math.min(1, p.reached ?? 0));
            const view = `indicator=${row.indicator.code}&zones=${row.zone.code}&basis=ytd`;
            return (
              <tr key={row.id} data-zone={row.zone.code} data-status={p.status}>
                <th scope="row">
                  <Link href={`/zones/${row.zone.code}`}>{localName(row.zone, locale)}</Link>
                </th>
                <td>
                  <Link href={`/compare?${view}`}>{localName(row.indicator, locale)}</Link>
                </td>
                <td>
                  <span className={`status status--${p.status}`}>{t.statuses[p.status]}</span>
                </td>
                <td className="progress-cell">
                  <span
                    className="progress-bar"
                    aria-hidden="true"
                    title={fill(t.reachedOf, { reached: percent(p.reached, locale), expected: percent(p.elapsed, locale) })}
                  >
                    <span className={`progress-bar__fill progress-bar__fill--${p.status}`} style={{ width: `${reached * 100}%` }} />
                    {p.elapsed > 0 ? <span className="progress-bar__mark" style={{ left: `${Math.min(1, p.elapsed) * 100}%` }} /> : null}
                  </span>
                  <span className="progress-cell__text">{percent(p.reached, locale)}</span>
                </td>
                <td className="num">
                  {p.actual ? formatQualifiedValue(p.actual.value, unit, p.actual.qualifier, locale, word) : "—"}
                  {p.actual ? (
                    <span className="muted progress-cell__through">{fill(t.through, { date: formatDate(p.actual.through, locale) })}</span>
                  ) : null}
                </td>
                <td className="num">{value(p.expected)}</td>
                <td className={`num${p.gap !== null && p.gap < 0 ? " negative" : ""}`}>
                  {p.gap === null ? "—" : `${p.gap > 0 ? "+" : p.gap < 0 ? "−" : ""}${formatValue(Math.abs(p.gap), unit, locale, word)}`}
                </td>
                <td className="num">{percent(p.yoy, locale, true)}</td>
                <td className="num">
                  {value(row.target)}
                  {row.source ? (
                    <span className="muted progress-cell__through">
                      {row.source.url ? (
                        <a href={row.source.url}>
                          <SourceTitle title={row.source.title} locale={locale} />
                        </a>
                      ) : (
                        <SourceTitle title={row.source.title} locale={locale} />
                      )}
                    </span>
                  ) : null}
                </td>
                {admin ? (
                  <td>
                    <RemoveTargetButton id={row.id} label={t.remove} confirm={t.confirmRemove} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
