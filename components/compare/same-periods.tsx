// The "same periods" view of a comparison: every period at least two of the zones published a figure
// for on the same basis, as a grouped bar chart (drawn on the server: one group per period, one bar per
// zone) and as a table with each value's source; then the figures only one zone has.
import type { CompareSource } from "@/lib/domain/compare";
import { countWordZh, formatCompact, formatPeriod, formatQualifiedValue, formatYoy, qualifierMark, type Locale } from "@/lib/domain/format";
import { granularityOf } from "@/lib/domain/periods";
import type { SameFigure, SamePeriods } from "@/lib/domain/same-periods";
import type { BaseUnit } from "@/lib/domain/vocabulary";
import { fill, type Messages } from "@/lib/i18n/messages";
import { SourceLink } from "@/components/ui/source-link";

type Zone = { code: string; label: string; color: string };

type Props = {
  result: SamePeriods;
  zones: readonly Zone[];
  indicator: { code: string; unit: BaseUnit };
  sources: readonly CompareSource[];
  locale: Locale;
  t: Messages;
};

/** The chart shows the latest this many shared periods; the table has them all. */
const CHART_GROUPS = 16;

function periodText(f: Pick<SameFigure, "start" | "end" | "basis">, locale: Locale): string {
  return formatPeriod(
    { start: f.start, end: f.end, granularity: granularityOf(f.start, f.end) },
    f.basis === "ytd" ? "period" : f.basis,
    locale,
  );
}

function GroupedBars({ result, zones, locale, title }: { result: SamePeriods; zones: readonly Zone[]; locale: Locale; title: string }) {
  const rows = result.rows.slice(-CHART_GROUPS);
  const width = 960;
  const height = 300;
  const left = 64;
  const bottom = 56;
  const top = 12;
  const max = Math.max(0, ...rows.flatMap((r) => r.cells.map((c) => c?.value ?? 0)));
  if (rows.length === 0 || max <= 0) return null;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const groupW = plotW / rows.length;
  const barW = Math.min(36, (groupW * 0.8) / zones.length);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <svg className="same-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} stroke="#d9dde3" />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#545d6b">
            {formatCompact(v, locale)}
          </text>
        </g>
      ))}
      {rows.map((row, g) => {
        const x0 = left + g * groupW + (groupW - barW * zones.length) / 2;
        const first = row.cells.find(Boolean);
        const label = row.match === "same_days" && first ? periodText(first, locale) : (row.end.slice(0, 7) ?? "");
        return (
          <g key={row.key} data-period={row.key}>
            {row.cells.map((cell, i) =>
              cell ? (
                <rect
                  key={zones[i]?.code ?? i}
                  className="same-bars__bar"
                  data-zone={cell.zone}
                  x={x0 + i * barW}
                  y={y(cell.value)}
                  width={barW - 2}
                  height={Math.max(1, top + plotH - y(cell.value))}
                  fill={cell.qualifier === "exact" ? (zones[i]?.color ?? "#000") : "#ffffff"}
                  stroke={zones[i]?.color ?? "#000"}
                  strokeWidth={2}
                >
                  <title>{`${zones[i]?.label ?? cell.zone} · ${periodText(cell, locale)}: ${qualifierMark(cell.qualifier, locale)}${formatCompact(cell.value, locale)}`}</title>
                </rect>
              ) : null,
            )}
            <text x={left + g * groupW + groupW / 2} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#1a1f2b">
              {label.length > 18 ? `${label.slice(0, 17)}…` : label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function SamePeriodsView({ result, zones, indicator, sources, locale, t }: Props) {
  const numbers = new Map<number, number>();
  const number = (id: number) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id) as number;
  };
  const countWord = locale === "zh" ? countWordZh(indicator.code) : "";
  const value = (f: SameFigure) => formatQualifiedValue(f.value, indicator.unit, f.qualifier, locale, countWord);
  const cell = (f: SameFigure | null, showPeriod: boolean) =>
    f ? (
      <>
        <span className={`figure--${f.qualifier}`}>{value(f)}</span>
        {f.status !== "ok" ? <span className={`badge badge--${f.status}`}>{t.status[f.status]}</span> : null}
        <sup className="source-refs">
          <a href={`#same-source-${number(f.sourceId)}`}>[{number(f.sourceId)}]</a>
        </sup>
        {showPeriod ? <span className="cell-note">{periodText(f, locale)}</span> : null}
        {f.yoyPct !== null ? (
          <span className="cell-note">{fill(t.compare.publishedRate, { rate: formatYoy(f.yoyPct, locale) })}</span>
        ) : null}
      </>
    ) : (
      <span className="muted">—</span>
    );
  const labelOf = new Map(zones.map((z) => [z.code, z.label]));
  const body = (
    <>
      <div className="table-wrap">
        <table className="figures-table compare-table same-table">
          <caption className="visually-hidden">{t.compare.sameTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.compare.period}</th>
              {zones.map((z) => (
                <th key={z.code} scope="col" className="num">
                  <span className="swatch" style={{ background: z.color }} aria-hidden="true" />
                  {z.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => {
              const first = row.cells.find(Boolean);
              return (
                <tr key={row.key} data-period={row.key} data-match={row.match}>
                  <th scope="row">
                    {row.match === "same_days" && first ? periodText(first, locale) : t.series.basis[row.basis]}
                    {row.match === "as_of_within" ? <span className="cell-note">{t.compare.asOfWithin}</span> : null}
                  </th>
                  {row.cells.map((c, i) => (
                    <td key={zones[i]?.code ?? i} className="num" {...(c ? { "data-zone": c.zone, "data-value": c.value } : {})}>
                      {cell(c, row.match === "as_of_within")}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.onlyOne.length ? (
        <section className="same-only" aria-labelledby="same-only-title">
          <h3 id="same-only-title">{fill(t.compare.onlyOne, { n: result.onlyOne.length })}</h3>
          <ul>
            {result.onlyOne.map((f) => (
              <li key={`${f.zone}|${f.basis}|${f.start}|${f.end}|${f.sourceId}`} data-zone={f.zone}>
                <strong>{labelOf.get(f.zone) ?? f.zone}</strong> · {periodText(f, locale)} ({t.series.basis[f.basis]}): {cell(f, false)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
  const cited = [...numbers.entries()].sort((a, b) => a[1] - b[1]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <section className="panel" aria-labelledby="same-title" data-view="same">
      <h2 id="same-title">{t.compare.sameTitle}</h2>
      <p className="muted">{fill(t.compare.sameIntro, { n: result.rows.length })}</p>
      {result.rows.length ? (
        <GroupedBars result={result} zones={zones} locale={locale} title={t.compare.sameTitle} />
      ) : (
        <p className="notice">{t.compare.sameNone}</p>
      )}
      {body}
      {cited.length ? (
        <section className="source-list" aria-label={t.compare.sources}>
          <h3>{t.compare.sources}</h3>
          <ol>
            {cited.map(([id, n]) => {
              const s = byId.get(id);
              return (
                <li key={id} id={`same-source-${n}`} value={n}>
                  {s ? <SourceLink source={s} locale={locale} /> : `#${id}`}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
