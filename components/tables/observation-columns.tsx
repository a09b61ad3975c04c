"use client";
// The columns of an observations table: zone, indicator, period, basis, value (with its qualifier),
// what was published, status, source (one click away) and when it was last updated.
import { localRowName, type ObservationRecord, shortZoneName, sourceOf } from "@/lib/domain/figures";
import { PublishedText } from "@/components/ui/published-text";
import { SourceLink } from "@/components/ui/source-link";
import { countWordZh, formatDate, formatNumber, formatPeriod, formatQualifiedValue, formatYoy, type Locale } from "@/lib/domain/format";
import { parseBaseUnit } from "@/lib/domain/units";
import type { Messages } from "@/lib/i18n/messages";
import type { DataColumn } from "./data-table";
import type { Basis, Granularity, Qualifier } from "@/lib/domain/vocabulary";

type Labels = Messages["data"] & { status: Messages["status"] };

export function observationColumns(
  locale: Locale,
  labels: Labels,
  onToggle: (id: number) => void,
  openId: number | undefined,
): DataColumn<ObservationRecord>[] {
  const zh = locale === "zh";
  return [
    {
      id: "zone",
      header: labels.col.zone,
      accessorFn: (row) => localRowName({ name_en: row.zone_name_en, name_zh: row.zone_name_zh }, locale),
      cell: ({ row }) => {
        const full = localRowName({ name_en: row.original.zone_name_en, name_zh: row.original.zone_name_zh }, locale);
        return <span title={full}>{shortZoneName(full)}</span>;
      },
    },
    {
      id: "indicator",
      header: labels.col.indicator,
      accessorFn: (row) => localRowName({ name_en: row.indicator_name_en, name_zh: row.indicator_name_zh }, locale),
      cell: ({ row }) => (
        <span title={row.original.indicator}>
          {localRowName({ name_en: row.original.indicator_name_en, name_zh: row.original.indicator_name_zh }, locale)}
        </span>
      ),
    },
    {
      id: "period",
      header: labels.col.period,
      accessorFn: (row) => row.period_end,
      cell: ({ row }) =>
        formatPeriod(
          { start: row.original.period_start, end: row.original.period_end, granularity: row.original.granularity as Granularity },
          row.original.basis as Basis,
          locale,
        ),
    },
    {
      id: "basis",
      header: labels.col.basis,
      accessorFn: (row) => row.basis,
      enableSorting: false,
      cell: ({ row }) => labels.basisName[row.original.basis as keyof Labels["basisName"]] ?? row.original.basis,
    },
    {
      id: "value",
      header: labels.col.value,
      accessorFn: (row) => row.value,
      meta: { className: "num" },
      cell: ({ row }) => {
        const unit = parseBaseUnit(row.original.unit) ?? "count";
        return (
          <strong className={`figure--${row.original.qualifier}`}>
            {formatQualifiedValue(
              row.original.value,
              unit,
              row.original.qualifier as Qualifier,
              locale,
              zh ? countWordZh(row.original.indicator) : "",
            )}
          </strong>
        );
      },
    },
    {
      id: "published",
      header: labels.col.published,
      accessorFn: (row) => `${row.published_value} ${row.published_unit}`,
      enableSorting: false,
      meta: { className: "num muted-cell" },
      // A count is written as counts are: 39 in English, 39 项 in Chinese (never "39 count").
      cell: ({ row }) =>
        row.original.published_unit === "count" ? (
          `${formatNumber(row.original.published_value, locale)}${zh ? ` ${countWordZh(row.original.indicator) || "个"}` : ""}`
        ) : (
          <PublishedText text={`${formatNumber(row.original.published_value, locale)} ${row.original.published_unit}`} locale={locale} />
        ),
    },
    {
      id: "yoy",
      header: labels.col.yoy,
      accessorFn: (row) => row.yoy_pct,
      enableSorting: false,
      meta: { className: "num" },
      cell: ({ row }) => (row.original.yoy_pct === null ? <span className="muted">—</span> : formatYoy(row.original.yoy_pct, locale)),
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
          <span className={`badge badge--${row.original.status}`}>{labels.status[row.original.status as "disputed" | "unverified"]}</span>
        ),
    },
    {
      id: "source",
      header: labels.col.source,
      accessorFn: (row) => row.source_title,
      enableSorting: false,
      cell: ({ row }) => {
        const open = openId === row.original.id;
        return (
          <div className="source-cell">
            <SourceLink source={sourceOf(row.original)} locale={locale} quote={row.original.quote} />
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
      accessorFn: (row) => row.updated_at,
      cell: ({ row }) => <span className="muted">{formatDate(row.original.updated_at.slice(0, 10), locale)}</span>,
    },
  ];
}
