"use client";
// An opened row: the sentence the figure came from, its note, the source, and every earlier value
// of a revised figure (fetched when opened).
import { useEffect, useState } from "react";
import type { Observation, Vintage } from "@/lib/domain/figures";
import { vintageFromApiRow, type VintageApiRow } from "@/lib/export/observation-rows";
import { PublishedText } from "@/components/ui/published-text";
import { SourceLink } from "@/components/ui/source-link";
import { formatDateTime, formatYoy, qualifierMark, type Locale } from "@/lib/domain/format";
import { fill, type Messages } from "@/lib/i18n/messages";

export function ObservationDetails({ row, locale, labels }: { row: Observation; locale: Locale; labels: Messages["data"] }) {
  const [vintages, setVintages] = useState<Vintage[] | "loading" | "failed">(row.revised ? "loading" : []);
  useEffect(() => {
    if (!row.revised) return;
    let live = true;
    fetch(`/api/observations/${row.id}`)
      .then((response) =>
        response.ok ? (response.json() as Promise<{ vintages: VintageApiRow[] }>) : Promise.reject(new Error(String(response.status))),
      )
      .then((body) => live && setVintages(body.vintages.map(vintageFromApiRow)))
      .catch(() => live && setVintages("failed"));
    return () => {
      live = false;
    };
  }, [row.id, row.revised]);
  return (
    <div className="observation-details">
      <dl>
        {row.quote ? (
          <>
            <dt>{labels.quote}</dt>
            <dd>
              <q>
                <PublishedText text={row.quote} locale={locale} />
              </q>
            </dd>
          </>
        ) : null}
        <dt>{labels.publishedAs}</dt>
        <dd>
          {qualifierMark(row.qualifier, locale)}
          {row.publishedValue.toLocaleString("en")} {row.publishedUnit}
        </dd>
        {row.yoyPct !== null ? (
          <>
            <dt>{labels.publishedYoy}</dt>
            <dd data-field="yoy_pct">{formatYoy(row.yoyPct, locale)}</dd>
          </>
        ) : null}
        <dt>{labels.col.source}</dt>
        <dd>
          <SourceLink source={row.source} locale={locale} />
        </dd>
        {row.note ? (
          <>
            <dt>{labels.note}</dt>
            <dd>
              <PublishedText text={row.note} locale={locale} prose />
            </dd>
          </>
        ) : null}
      </dl>
      <h4>{labels.history}</h4>
      {vintages === "loading" ? (
        <p className="muted">{labels.loading}</p>
      ) : vintages === "failed" ? (
        <p className="muted">—</p>
      ) : vintages.length === 0 ? (
        <p className="muted">{labels.noHistory}</p>
      ) : (
        <ol className="vintages">
          {vintages.map((v, i) => (
            <li key={i}>
              <strong>
                {qualifierMark(v.qualifier, locale)}
                {v.publishedValue.toLocaleString("en")} {v.publishedUnit}
              </strong>
              {v.yoyPct !== null ? <span> ({formatYoy(v.yoyPct, locale)})</span> : null} — <SourceLink source={v.source} locale={locale} />{" "}
              <span className="muted">({fill(labels.replacedOn, { date: formatDateTime(v.supersededAt, locale) })})</span>
              {v.quote ? (
                <div>
                  <q>
                    <PublishedText text={v.quote} locale={locale} />
                  </q>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
