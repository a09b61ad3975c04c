// The country as a tile grid: one square per province-level division, shaded by the chosen indicator's
// figure for the province's FTZ (the figure the table shows), FTZ provinces outlined, each linking to its
// FTZ's page; a legend, and the same data as a table. No client code.
import Link from "next/link";
import { localName, zoneName } from "@/lib/domain/figures";
import { countWordZh, formatQualifiedValue, formatValue, type Locale } from "@/lib/domain/format";
import type { NationalIndicator, NationalRow } from "@/lib/domain/national";
import {
  GRID_COLUMNS,
  GRID_ROWS,
  PROVINCE_TILES,
  SHADE_TEXT,
  SHADES,
  shadeClass,
  shadeLegend,
  shadeScale,
} from "@/lib/domain/province-grid";
import { chinaWords } from "@/lib/i18n/china-words";
import { periodText } from "./figure-cell";

type Props = {
  rows: NationalRow[];
  indicators: NationalIndicator[];
  indicator: NationalIndicator;
  locale: Locale;
  hrefFor: (indicator: string) => string;
  /** The same-period view of this indicator, when its figures mix periods and one is shared. */
  samePeriodHref?: string;
};

export function ProvinceGrid({ rows, indicators, indicator, locale, hrefFor, samePeriodHref }: Props) {
  const words = chinaWords(locale);
  const zh = locale === "zh";
  const name = localName(indicator, locale);
  const ftzOf = new Map(rows.flatMap((row) => (row.zone.province ? [[row.zone.province.code, row] as const] : [])));
  const scale = shadeScale(rows.flatMap((row) => (row.cells[indicator.code] ? [row.cells[indicator.code]!.figure.value] : [])));
  const value = (v: number, qualifier: Parameters<typeof formatQualifiedValue>[2]) =>
    formatQualifiedValue(v, indicator.unit, qualifier, locale, zh ? countWordZh(indicator.code) : "");
  const tiles = PROVINCE_TILES.map((tile) => {
    const row = ftzOf.get(tile.code);
    const cell = row?.cells[indicator.code];
    const shade = cell && scale ? shadeClass(cell.figure.value, scale) : undefined;
    const provinceName = zh ? tile.nameZh : tile.nameEn;
    const label = [
      provinceName,
      row ? zoneName(row.zone, locale, true) : words.noFtz,
      cell
        ? `${value(cell.figure.value, cell.figure.qualifier)}, ${periodText(cell.figure, locale)}${cell.computed ? ` (${words.computed})` : ""}`
        : row
          ? words.noFigure
          : "",
    ]
      .filter(Boolean)
      .join(" · ");
    return { tile, row, cell, shade, label, provinceName };
  });
  const comparable = indicators.filter((i) => i.comparable);
  const periods = new Set(
    rows.flatMap((row) => {
      const f = row.cells[indicator.code]?.figure;
      return f ? [`${f.basis}|${f.start}|${f.end}`] : [];
    }),
  ).size;
  return (
    <section className="panel national-grid" aria-labelledby="grid-title">
      <h2 id="grid-title">{words.gridTitle}</h2>
      <p className="muted">{words.gridIntro}</p>
      <nav className="segmented national-grid__choice" aria-label={words.gridTitle}>
        {comparable.map((i) => (
          <Link key={i.code} href={hrefFor(i.code)} aria-current={i.code === indicator.code ? "true" : undefined} scroll={false}>
            {localName(i, locale)}
          </Link>
        ))}
      </nav>
      {periods > 1 ? (
        <p className="notice notice--warn">
          {words.gridMixed(periods)} {samePeriodHref ? <Link href={samePeriodHref}>{words.gridSamePeriod}</Link> : null}
        </p>
      ) : null}
      <div className="national-grid__body">
        <ul
          className="tile-grid"
          aria-label={words.gridLabel(name)}
          style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`, gridTemplateRows: `repeat(${GRID_ROWS}, auto)` }}
        >
          {tiles.map(({ tile, row, shade, label }) => {
            const style = {
              gridColumn: tile.col + 1,
              gridRow: tile.row + 1,
              ...(shade !== undefined ? { background: SHADES[shade], color: SHADE_TEXT[shade] } : {}),
            };
            const text = zh ? tile.shortZh : tile.abbrEn;
            const className = `tile${row ? " tile--ftz" : ""}${shade === undefined ? " tile--empty" : ""}${row?.highlighted ? " tile--highlight" : ""}`;
            return (
              <li key={tile.code} className={className} style={style}>
                {row ? (
                  <Link href={`/zones/${row.zone.code}`} aria-label={label} title={label}>
                    {text}
                  </Link>
                ) : (
                  <span aria-label={label} title={label} role="img">
                    {text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div className="tile-legend" aria-label={words.legend} role="group">
          <p className="tile-legend__title">{name}</p>
          {scale ? (
            <ol>
              {shadeLegend(scale).map((entry) => (
                <li key={entry.shade}>
                  <span className="swatch" style={{ background: SHADES[entry.shade] }} aria-hidden="true" />
                  {entry.min === entry.max
                    ? formatValue(entry.min, indicator.unit, locale)
                    : `${formatValue(entry.min, indicator.unit, locale)} – ${formatValue(entry.max, indicator.unit, locale)}`}
                </li>
              ))}
            </ol>
          ) : null}
          <p>
            <span className="swatch tile-legend__none" aria-hidden="true" /> {words.legendNone}
          </p>
          <p>
            <span className="swatch tile-legend__ftz" aria-hidden="true" /> {words.legendFtz}
          </p>
        </div>
      </div>
      <details className="national-grid__table">
        <summary>{words.gridTable}</summary>
        <div className="table-wrap">
          <table className="figures-table">
            <caption className="visually-hidden">{words.gridLabel(name)}</caption>
            <thead>
              <tr>
                <th scope="col">{words.province}</th>
                <th scope="col">{words.ftz}</th>
                <th scope="col" className="num">
                  {words.value}
                </th>
                <th scope="col">{words.period}</th>
              </tr>
            </thead>
            <tbody>
              {tiles.map(({ tile, row, cell, provinceName }) => (
                <tr key={tile.code}>
                  <th scope="row">{provinceName}</th>
                  <td>
                    {row ? (
                      <Link href={`/zones/${row.zone.code}`}>{zoneName(row.zone, locale, true)}</Link>
                    ) : (
                      <span className="muted">{words.noFtz}</span>
                    )}
                  </td>
                  <td className="num">{cell ? value(cell.figure.value, cell.figure.qualifier) : "—"}</td>
                  <td>
                    {cell ? `${periodText(cell.figure, locale)}${cell.computed ? ` (${words.computed})` : ""}` : row ? words.noFigure : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
