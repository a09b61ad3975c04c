// "With under X% of the province's area, Y% of its trade": for every FTZ with a share of its province's
// imports and exports (published, or computed from same-period figures), the sentence with each figure it
// rests on and its source, and the FTZ's imports and exports per km² of planned area. Computed numbers are
// labelled as computed.
import { localName, zoneName } from "@/lib/domain/figures";
import { formatDate, formatNumber, formatValue, type Locale } from "@/lib/domain/format";
import type { NationalIndicator, NationalRow } from "@/lib/domain/national";
import { chinaWords } from "@/lib/i18n/china-words";
import { FigureSource, periodText } from "./figure-cell";

// Published shares as published (one decimal, three below 1%); computed ones with one decimal more, so that
// a computed 11.35% is not mistaken for the published 11.3%.
const percent = (value: number, locale: Locale, extra = 0) => `${formatNumber(value, locale, (value < 1 ? 3 : 1) + extra)}%`;

export function ProvinceFraming({ rows, indicators, locale }: { rows: NationalRow[]; indicators: NationalIndicator[]; locale: Locale }) {
  const words = chinaWords(locale);
  const indicatorOf = new Map(indicators.map((i) => [i.code, i]));
  const nameOf = (code: string) => {
    const indicator = indicatorOf.get(code);
    return indicator ? localName(indicator, locale) : code;
  };
  const framed = rows.filter((row) => row.framing);
  const without = rows.filter((row) => !row.framing?.trade && Object.keys(row.cells).length > 0);
  return (
    <section className="panel national-framing" aria-labelledby="framing-title">
      <h2 id="framing-title">{words.framingTitle}</h2>
      <p className="muted">{words.framingIntro}</p>
      <ul className="framing-list">
        {framed.map((row) => {
          const framing = row.framing!;
          const name = zoneName(row.zone, locale, true);
          const trade = framing.trade;
          return (
            <li key={row.zone.code} className={row.highlighted ? "framing framing--highlight" : "framing"}>
              {trade ? (
                <p className="framing__sentence">
                  {framing.area && framing.areaBound !== undefined
                    ? words.framingSentence(name, percent(framing.areaBound, locale), percent(trade.figure.value, locale))
                    : words.shareSentence(name, percent(trade.figure.value, locale), periodText(trade.figure, locale))}
                </p>
              ) : (
                <p className="framing__sentence">{name}</p>
              )}
              <ul className="framing__figures">
                {framing.area ? (
                  <li>
                    {words.areaShareFigure(percent(framing.area.value, locale), formatDate(framing.area.end, locale))}:{" "}
                    <FigureSource figure={framing.area} locale={locale} />
                  </li>
                ) : null}
                {trade ? (
                  <li>
                    {words.tradeShareFigure(percent(trade.figure.value, locale, trade.computed ? 1 : 0), periodText(trade.figure, locale))},{" "}
                    {trade.computed ? (
                      <>
                        <span className="tag">{words.computedLabel}</span> {formatValue(trade.computed.zone.value, "CNY", locale)} (
                        <FigureSource figure={trade.computed.zone} locale={locale} />) ÷{" "}
                        {formatValue(trade.computed.province.value, "CNY", locale)} (
                        <FigureSource figure={trade.computed.province} locale={locale} />)
                      </>
                    ) : (
                      <>
                        {words.publishedAs}: <FigureSource figure={trade.figure} locale={locale} />
                      </>
                    )}
                  </li>
                ) : null}
                {framing.computed.map((cell) =>
                  cell.computed ? (
                    <li key={`${cell.figure.indicator}|${cell.figure.start}|${cell.figure.end}`}>
                      <span className="tag">{words.computedLabel}</span>{" "}
                      {words.computedShare(
                        nameOf(cell.computed.zone.indicator),
                        periodText(cell.figure, locale),
                        percent(cell.figure.value, locale, 1),
                      )}{" "}
                      {formatValue(cell.computed.zone.value, indicatorOf.get(cell.computed.zone.indicator)?.unit ?? "CNY", locale)} (
                      <FigureSource figure={cell.computed.zone} locale={locale} />) ÷{" "}
                      {formatValue(cell.computed.province.value, indicatorOf.get(cell.computed.province.indicator)?.unit ?? "CNY", locale)}{" "}
                      (
                      <FigureSource figure={cell.computed.province} locale={locale} />)
                      {cell.computed.published ? (
                        <>
                          {"; "}
                          {words.publishedShare(percent(cell.computed.published.value, locale))}{" "}
                          <FigureSource figure={cell.computed.published} locale={locale} />
                        </>
                      ) : null}
                    </li>
                  ) : null,
                )}
                {framing.perKm2 ? (
                  <li>
                    <span className="tag">{words.computedLabel}</span>{" "}
                    {words.perKm2Sentence(
                      // A computed ratio: three significant digits, not the precision of a published figure.
                      formatValue(Number(framing.perKm2.value.toPrecision(3)), "CNY", locale),
                      periodText(framing.perKm2.trade, locale),
                      formatNumber(framing.perKm2.areaKm2, locale, 2),
                    )}{" "}
                    {formatValue(framing.perKm2.trade.value, "CNY", locale)}: <FigureSource figure={framing.perKm2.trade} locale={locale} />
                  </li>
                ) : null}
              </ul>
            </li>
          );
        })}
      </ul>
      {without.length > 0 ? (
        <p className="muted">
          {words.framingNone} {without.map((row) => zoneName(row.zone, locale, true)).join(locale === "zh" ? "、" : ", ")}
        </p>
      ) : null}
    </section>
  );
}
