// The two headline zones like for like: each indicator both have on the latest period they share (the
// same days, or running totals as of dates within a month), each value with its published change and
// source; then the indicators they share no period of, each zone's latest said to be of its own period.
import Link from "next/link";
import { SourceLink } from "@/components/ui/source-link";
import type { SourceRef } from "@/lib/domain/figures";
import { countWordZh, formatPeriod, formatQualifiedValue, formatYoy, type Locale } from "@/lib/domain/format";
import type { PairRow } from "@/lib/domain/pair";
import { granularityOf } from "@/lib/domain/periods";
import type { SameFigure } from "@/lib/domain/same-periods";
import { viewQuery } from "@/lib/validation/compare-query";
import { fill, type Messages } from "@/lib/i18n/messages";
import { localName } from "@/lib/domain/figures";

type Props = {
  id: string;
  rows: readonly PairRow[];
  zones: readonly { code: string; label: string; color: string }[];
  sources: ReadonlyMap<number, SourceRef>;
  locale: Locale;
  t: Messages;
};

function periodText(f: SameFigure, locale: Locale): string {
  return formatPeriod(
    { start: f.start, end: f.end, granularity: granularityOf(f.start, f.end) },
    f.basis === "ytd" ? "period" : f.basis,
    locale,
  );
}

function Cell({
  figure,
  unit,
  code,
  sources,
  locale,
  t,
  showPeriod,
}: {
  figure: SameFigure | null;
  unit: PairRow["indicator"]["unit"];
  code: string;
  sources: ReadonlyMap<number, SourceRef>;
  locale: Locale;
  t: Messages;
  showPeriod: boolean;
}) {
  if (!figure) return <td className="muted">—</td>;
  const source = sources.get(figure.sourceId);
  return (
    <td className="num" data-zone={figure.zone} data-value={figure.value}>
      <span className={`pair__value figure--${figure.qualifier}`}>
        {formatQualifiedValue(figure.value, unit, figure.qualifier, locale, locale === "zh" ? countWordZh(code) : "")}
      </span>
      {figure.status !== "ok" ? <span className={`badge badge--${figure.status}`}>{t.status[figure.status]}</span> : null}
      {showPeriod ? <span className="pair__period">{periodText(figure, locale)}</span> : null}
      {figure.yoyPct !== null ? (
        <span className="pair__yoy">{fill(t.overview.pairYoy, { rate: formatYoy(figure.yoyPct, locale) })}</span>
      ) : null}
      {source ? (
        <span className="pair__source">
          <SourceLink source={source} locale={locale} />
        </span>
      ) : null}
    </td>
  );
}

export function PairTable({ id, rows, zones, sources, locale, t }: Props) {
  const shared = rows.filter((r) => r.shared !== null);
  const apart = rows.filter((r) => r.shared === null);
  const zoneCodes = zones.map((z) => z.code);
  return (
    <section className="panel pair" aria-labelledby={`${id}-title`} data-pair={zoneCodes.join(",")}>
      <h2 id={`${id}-title`}>{fill(t.overview.pairTitle, { a: zones[0]?.label ?? "", b: zones[1]?.label ?? "" })}</h2>
      <p className="muted">{t.overview.pairIntro}</p>
      {shared.length === 0 ? (
        <p className="notice" data-shared-none="true">
          {fill(t.overview.pairNoneAtAll, { a: zones[0]?.label ?? "", b: zones[1]?.label ?? "" })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="figures-table pair-table">
          <thead>
            <tr>
              <th scope="col">{t.overview.indicator}</th>
              <th scope="col">{t.overview.period}</th>
              {zones.map((z) => (
                <th key={z.code} scope="col" className="num">
                  <span className="swatch" style={{ background: z.color }} aria-hidden="true" />
                  {z.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shared.map((row) =>
              row.shared ? (
                <tr key={row.indicator.code} data-indicator={row.indicator.code} data-shared="true">
                  <th scope="row">
                    <Link href={`/compare?${viewQuery({ indicator: row.indicator.code, zones: zoneCodes })}`}>
                      {localName(row.indicator, locale)}
                    </Link>
                    {row.indicator.comparable ? null : <span className="pair__note">{t.overview.pairNotComparable}</span>}
                  </th>
                  <td className="pair__shared-period">
                    {row.shared.match === "same_days" && row.shared.cells[0]
                      ? periodText(row.shared.cells[0], locale)
                      : t.overview.pairAsOfWithin}
                    {row.sharedPeriods > 1 ? (
                      <Link
                        className="pair__more"
                        href={`/compare?${viewQuery({ indicator: row.indicator.code, zones: zoneCodes, view: "same" })}`}
                      >
                        {fill(t.overview.pairMore, { n: row.sharedPeriods })}
                      </Link>
                    ) : null}
                  </td>
                  {row.shared.cells.map((figure, i) => (
                    <Cell
                      key={zones[i]?.code ?? i}
                      figure={figure}
                      unit={row.indicator.unit}
                      code={row.indicator.code}
                      sources={sources}
                      locale={locale}
                      t={t}
                      showPeriod={row.shared?.match === "as_of_within"}
                    />
                  ))}
                </tr>
              ) : null,
            )}
            {apart.length ? (
              <tr className="pair__divider">
                <th scope="rowgroup" colSpan={2 + zones.length}>
                  {t.overview.pairNone}
                </th>
              </tr>
            ) : null}
            {apart.map((row) =>
              row.shared === null ? (
                <tr key={row.indicator.code} data-indicator={row.indicator.code} data-shared="false">
                  <th scope="row">{localName(row.indicator, locale)}</th>
                  <td className="muted">{t.overview.pairDifferent}</td>
                  {row.latest.map((figure, i) => (
                    <Cell
                      key={zones[i]?.code ?? i}
                      figure={figure}
                      unit={row.indicator.unit}
                      code={row.indicator.code}
                      sources={sources}
                      locale={locale}
                      t={t}
                      showPeriod
                    />
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
