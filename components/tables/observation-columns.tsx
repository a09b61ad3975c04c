"use client";
// The columns of an observations table: zone, indicator, period, basis, value (with its qualifier),
// what was published, status, source (one click away) and when it was last updated.
import { localName, type Observation, shortZoneName } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { SourceLink } from "@/components/ui/source-link";
import { countWordZh, formatDate, formatNumber, formatPeriod, formatQualifiedValue, formatYoy, type Locale } from "@/lib/domain/format";
import type { Messages } from "@/lib/i18n/messages";
import type { DataColumn } from "./data-table";

type Labels = Messages["data"] & { status: Messages["status"] };

export function observationColumns(
  locale: Locale,
  labels: Labels,
  onToggle: (id: number) => void,
  openId: number | undefined,
): DataColumn<Observation>[] {
  const zh = locale === "zh";
  return [
    {
      id: "zone",
      header: labels.col.zone,
      accessorFn: (row) => localName(row.zone, locale),
      cell: ({ row }) => {
        const full = localName(row.original.zone, locale);
        return <span title={full}>{shortZoneName(full)}</span>;
      },
    },
    {
      id: "indicator",
      header: labels.col.indicator,
      accessorFn: (row) => localName(row.indicator, locale),
      cell: ({ row }) => <span title={row.original.indicator.code}>{localName(row.original.indicator, locale)}</span>,
    },
    {
      id: "period",
      header: labels.col.period,
      accessorFn: (row) => row.period.end,
      cell: ({ row }) => formatPeriod(row.original.period, row.original.basis, locale),
    },
    {
      id: "basis",
      header: labels.col.basis,
      accessorFn: (row) => row.basis,
      enableSorting: false,
      cell: ({ row }) => labels.basisName[row.original.basis],
    },
    {
      id: "value",
      header: labels.col.value,
      accessorFn: (row) => row.value,
      meta: { className: "num" },
      cell: ({ row }) => (
        <strong className={`figure--${row.original.qualifier}`}>
          {formatQualifiedValue(
            row.original.value,
            row.original.indicator.unit,
            row.original.qualifier,
            locale,
            zh ? countWordZh(row.original.indicator.code) : "",
          )}
        </strong>
      ),
    },
    {
      id: "published",
      header: labels.col.published,
      accessorFn: (row) => `${row.publishedValue} ${row.publishedUnit}`,
      enableSorting: false,
      meta: { className: "num muted-cell" },
      // A count is written as counts are: 39 in English, 39 项 in Chinese (never "39 count").
      cell: ({ row }) =>
        row.original.publishedUnit === "count" ? (
          `${formatNumber(row.original.publishedValue, locale)}${zh ? ` ${countWordZh(row.original.indicator.code) || "个"}` : ""}`
        ) : (
          <PublishedText text={`${formatNumber(row.original.publishedValue, locale)} ${row.original.publishedUnit}`} locale={locale} />
        ),
    },
    {
      id: "yoy",
      header: labels.col.yoy,
      accessorFn: (row) => row.yoyPct,
      enableSorting: false,
      meta: { className: "num" },
      cell: ({ row }) => (row.original.yoyPct === null ? <span className="muted">—</span> : formatYoy(row.original.yoyPct, locale)),
    },
    {
      id: "status",
      header: labels.col.status,
      accessorFn: (row) => row.status,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.status === "ok" ? (
          <span className="muted">{labels.statusName.ok}</span>
        ) : (
          <span className={`badge badge--${row.original.status}`}>{labels.status[row.original.status]}</span>
        ),
    },
    {
      id: "source",
      header: labels.col.source,
      accessorFn: (row) => row.source.title,
      enableSorting: false,
      cell: ({ row }) => {
        const open = openId === row.original.id;
        return (
          <div className="source-cell">
            <SourceLink source={row.original.source} locale={locale} quote={row.original.quote} />
            <button type="button" className="link-button" aria-expanded={open} onClick={() => onToggle(row.original.id)}>
              {open ? labels.hideDetails : labels.details}
              {row.original.revised ? " ↺" : ""}
            </button>
          </div>
        );
      },
    },
    {
      id: "updated_at",
      header: labels.col.updated_at,
      accessorFn: (row) => row.updatedAt,
      cell: ({ row }) => <span className="muted">{formatDate(row.original.updatedAt.slice(0, 10), locale)}</span>,
    },
  ];
}
