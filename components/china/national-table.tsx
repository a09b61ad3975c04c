"use client";
// The national table: every pilot FTZ, its launch, batch, planned area and areas, and its latest figure on
// each key indicator. Sorting lives in the URL and is done on the server (the view model), so a ranking
// always comes with what it mixes; an indicator that is not comparable has no sort button.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { DataTable, type DataColumn } from "@/components/tables/data-table";
import { localName, zoneName } from "@/lib/domain/figures";
import { formatDate, formatNumber, type Locale } from "@/lib/domain/format";
import type { NationalIndicator, NationalRow } from "@/lib/domain/national";
import { chinaWords } from "@/lib/i18n/china-words";
import { FigureCell } from "./figure-cell";

type Props = {
  rows: NationalRow[];
  indicators: NationalIndicator[];
  locale: Locale;
  sort: string;
  descending: boolean;
  query: Record<string, string>;
};

export function NationalTable({ rows, indicators, locale, sort, descending, query }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const words = chinaWords(locale);
  const zh = locale === "zh";

  const columns: DataColumn<NationalRow>[] = [
    {
      id: "name",
      header: words.zone,
      accessorFn: (row) => row.zone.nameEn,
      cell: ({ row }) => {
        const { zone } = row.original;
        // Only a zone with no figure at all says so; one without key figures shows dashes.
        const hasFigures = zone.figureCount > 0 || Object.keys(row.original.cells).length > 0;
        return (
          <div className="national-zone">
            <Link href={`/zones/${zone.code}`} title={zoneName(zone, locale)}>
              {zoneName(zone, locale, true)}
            </Link>
            {zone.province ? <span className="muted"> {zoneName(zone.province, locale)}</span> : null}
            {hasFigures ? null : <span className="national-zone__none">{words.noFigure}</span>}
          </div>
        );
      },
    },
    {
      id: "launch",
      header: words.launched,
      accessorFn: (row) => row.zone.launch ?? "",
      cell: ({ row }) => (
        <div className="national-launch">
          {row.original.zone.launch ? formatDate(row.original.zone.launch, locale) : <span className="muted">{words.noLaunch}</span>}
          {row.original.batch ? <div className="muted">{zh ? row.original.batch.nameZh : row.original.batch.nameEn}</div> : null}
        </div>
      ),
    },
    {
      id: "area",
      header: words.plannedArea,
      accessorFn: (row) => row.plannedArea?.km2 ?? 0,
      meta: { className: "national-area" },
      cell: ({ row }) => {
        const { plannedArea, zone } = row.original;
        return (
          <div>
            {plannedArea ? (
              <span className="figure__value">{formatNumber(plannedArea.km2, locale, 2)} km²</span>
            ) : (
              <span className="muted">—</span>
            )}
            {plannedArea?.added.map((a) => (
              <div key={a.end} className="muted">
                {words.added(`${formatNumber(a.value, locale, 2)} km²`, formatDate(a.end, locale))}
              </div>
            ))}
            {zone.areas.length > 0 ? (
              <details className="national-areas">
                <summary>
                  {words.areas} ({zone.areas.length})
                </summary>
                <ul>
                  {zone.areas.map((area) => (
                    <li key={area.code}>
                      <Link href={`/zones/${area.code}`}>{zoneName(area, locale)}</Link>
                      {area.areaKm2 ? <span className="muted"> {formatNumber(area.areaKm2, locale, 2)} km²</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      },
    },
    ...indicators.map((indicator): DataColumn<NationalRow> => ({
      id: indicator.code,
      header: localName(indicator, locale),
      accessorFn: (row) => row.cells[indicator.code]?.figure.value ?? 0,
      enableSorting: indicator.comparable,
      meta: { className: `national-cell national-cell--${indicator.code}${indicator.comparable ? "" : " national-cell--unranked"}` },
      cell: ({ row }) => (
        <FigureCell
          cell={row.original.cells[indicator.code]}
          unit={indicator.unit}
          indicator={indicator.code}
          locale={locale}
          zoneName={zoneName(row.original.zone, locale)}
          provinceName={row.original.zone.province ? zoneName(row.original.zone.province, locale) : ""}
        />
      ),
    })),
  ];

  const go = (id: string, desc: boolean) => {
    const params = new URLSearchParams(query);
    params.set("sort", id);
    params.set("dir", desc ? "desc" : "asc");
    // The same-period choice belongs to one indicator.
    if (id !== sort) params.delete("same");
    startTransition(() => router.push(`/china?${params.toString()}`, { scroll: false }));
  };

  return (
    <div className={pending ? "national-table is-pending" : "national-table"} aria-busy={pending || undefined}>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(row) => row.zone.code}
        sorting={[{ id: sort, desc: descending }]}
        onSortingChange={(next) => {
          const first = next[0];
          if (!first) return;
          // A new numeric column starts largest first; the same column flips.
          const numeric = first.id !== "name" && first.id !== "launch";
          go(first.id, first.id === sort ? first.desc : numeric);
        }}
        columnVisibility={{}}
        expanded={{}}
        onExpandedChange={() => undefined}
        caption={words.tableCaption}
        sortLabel={(column, direction) => (direction === "none" ? words.sortBy(column) : words.sortedAs(column, words[direction]))}
        empty={words.empty}
        rowClassName={(row) => (row.highlighted ? "national-row--highlight" : undefined)}
      />
    </div>
  );
}
