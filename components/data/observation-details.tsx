"use client";
// An opened row: the sentence the figure came from, its note, the source, and every earlier value
// of a revised figure (fetched when opened).
import { useEffect, useState } from "react";
import { sourceOf, type ObservationRecord, type VintageRecord } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { SourceLink } from "@/components/ui/source-link";
import { formatDateTime, formatYoy, qualifierMark, type Locale } from "@/lib/domain/format";
import { fill, type Messages } from "@/lib/i18n/messages";

export function ObservationDetails({ row, locale, labels }: { row: ObservationRecord; locale: Locale; labels: Messages["data"] }) {
  const [vintages, setVintages] = useState<VintageRecord[] | "loading" | "failed">(row.revised ? "loading" : []);
  useEffect(() => {
    if (!row.revised) return;
    let live = true;
    fetch(`/api/observations/${row.id}`)
      .then((response) =>
        response.ok ? (response.json() as Promise<{ vintages: VintageRecord[] }>) : Promise.reject(new Error(String(response.status))),
      )
      .then((body) => live && setVintages(body.vintages))
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
          {row.published_value.toLocaleString("en")} {row.published_unit}
        </dd>
        {row.yoy_pct !== null ? (
          <>
            <dt>{labels.publishedYoy}</dt>
            <dd data-field="yoy_pct">{formatYoy(row.yoy_pct, locale)}</dd>
          </>
        ) : null}
        <dt>{labels.col.source}</dt>
        <dd>
          <SourceLink source={sourceOf(row)} locale={locale} />
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
                {v.published_value.toLocaleString("en")} {v.published_unit}
              </strong>
              {v.yoy_pct !== null ? <span> ({formatYoy(v.yoy_pct, locale)})</span> : null} —{" "}
              <SourceLink source={sourceOf(v)} locale={locale} />{" "}
              <span className="muted">({fill(labels.replacedOn, { date: formatDateTime(v.superseded_at, locale) })})</span>
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
