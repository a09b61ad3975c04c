"use client";
// The data explorer: every observation, filtered, sorted and paged on the server. Filters, sort and
// page are links (the view is the URL; back and forward work); opened rows and hidden columns update
// the URL in place.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import { DataTable } from "@/components/tables/data-table";
import { observationColumns } from "@/components/tables/observation-columns";
import type { Observation } from "@/lib/domain/figures";
import type { Locale } from "@/lib/domain/format";
import { XLSX_MAX_ROWS } from "@/lib/validation/observations";
import { fill, type Messages } from "@/lib/i18n/messages";
import { ObservationDetails } from "./observation-details";

export type FacetOption = { value: string; label: string; n: number };
export type ExplorerTable = {
  rows: Observation[];
  total: number;
  page: number;
  size: number;
  facets: { zone: FacetOption[]; indicator: FacetOption[]; basis: FacetOption[]; status: FacetOption[] };
};

type Labels = Messages["data"] & { status: Messages["status"] };
type Props = {
  basePath: string;
  query: Record<string, string>;
  fixed?: string[];
  table: ExplorerTable;
  locale: Locale;
  labels: Labels;
  years: number[];
};

const COLUMN_IDS = ["zone", "indicator", "period", "basis", "value", "published", "status", "source", "updated_at"] as const;
const FACETS = ["zone", "indicator", "basis", "status"] as const;

export function DataExplorer({ basePath, query, fixed = [], table, locale, labels, years }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [openId, setOpenId] = useState<number | undefined>(query.open ? Number(query.open) : undefined);
  const [hidden, setHidden] = useState<Set<string>>(new Set((query.hide ?? "").split(",").filter(Boolean)));
  const list = (key: string) => (query[key] ?? "").split(",").filter(Boolean);

  const href = (patch: Record<string, string | null>, keepPage = false) => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === "") params.delete(key);
      else params.set(key, value);
    }
    if (!keepPage) params.delete("page");
    const text = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
    return text ? `${basePath}?${text}` : basePath;
  };
  const go = (patch: Record<string, string | null>, keepPage = false) =>
    startTransition(() => router.push(href(patch, keepPage), { scroll: false }));
  const replaceUrl = (patch: Record<string, string | null>) => window.history.replaceState(null, "", href(patch, true));

  const toggleOpen = (id: number) => {
    const next = openId === id ? undefined : id;
    setOpenId(next);
    replaceUrl({ open: next ? String(next) : null });
  };
  const toggleColumn = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setHidden(next);
    replaceUrl({ hide: [...next].join(",") || null });
  };
  const toggleFacet = (key: string, value: string) => {
    const values = new Set(list(key));
    if (values.has(value)) values.delete(value);
    else values.add(value);
    go({ [key]: [...values].join(",") || null });
  };

  const columns = useMemo(() => observationColumns(locale, labels, toggleOpen, openId), [locale, labels, openId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sortColumn = "period", sortDirection = "desc"] = (query.sort ?? "period:desc").split(":");
  const sorting = useMemo(() => [{ id: sortColumn, desc: sortDirection === "desc" }], [sortColumn, sortDirection]);
  const visibility = useMemo(() => Object.fromEntries([...hidden].map((id) => [id, false])), [hidden]);
  const expanded = useMemo(() => (openId ? { [String(openId)]: true } : {}), [openId]);

  const pages = Math.max(1, Math.ceil(table.total / table.size));
  const from = table.total === 0 ? 0 : (table.page - 1) * table.size + 1;
  const to = Math.min(table.total, table.page * table.size);
  const filterParams = new URLSearchParams(
    Object.entries(query).filter(([key]) => !["sort", "page", "size", "hide", "open"].includes(key)),
  );
  const csvHref = `/api/observations?${filterParams.toString().replaceAll("%2C", ",")}${filterParams.size ? "&" : ""}${locale === "zh" ? "lang=zh&" : ""}format=csv`;
  const active = [...FACETS, "q", "from", "to", "qualifier"].filter((key) => query[key] && !fixed.includes(key));

  const facetSelect = (key: (typeof FACETS)[number]) => {
    const values = list(key);
    return (
      <select
        aria-label={`${labels.facets}: ${labels.col[key]}`}
        value={values.length === 1 ? values[0] : values.length > 1 ? "__many" : ""}
        onChange={(event) => go({ [key]: event.target.value === "__many" ? (query[key] ?? null) : event.target.value || null })}
      >
        <option value="">{labels.all}</option>
        {values.length > 1 ? <option value="__many">{values.length} ✓</option> : null}
        {table.facets[key].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.n})
          </option>
        ))}
      </select>
    );
  };

  const filterRow = (columnId: string) => {
    switch (columnId) {
      case "zone":
        return fixed.includes("zone") ? null : facetSelect("zone");
      case "indicator":
      case "basis":
      case "status":
        return facetSelect(columnId);
      case "period":
        // A range of years the periods end in: from, to (either open).
        return (
          <span className="year-range">
            <select
              aria-label={`${labels.col.period}: ${labels.yearFrom}`}
              value={query.from?.slice(0, 4) ?? ""}
              onChange={(event) => go({ from: event.target.value || null })}
            >
              <option value="">{labels.yearFrom}</option>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
            <span aria-hidden="true">–</span>
            <select
              aria-label={`${labels.col.period}: ${labels.yearTo}`}
              value={query.to?.slice(0, 4) ?? ""}
              onChange={(event) => go({ to: event.target.value || null })}
            >
              <option value="">{labels.yearTo}</option>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </span>
        );
      case "source":
        return (
          <form
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const value = new FormData(event.currentTarget).get("q");
              go({ q: typeof value === "string" ? value : null });
            }}
          >
            <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={labels.search} aria-label={labels.search} />
          </form>
        );
      default:
        return null;
    }
  };

  return (
    <div className="data-explorer" aria-busy={pending}>
      <aside className="facets panel" aria-label={labels.facets}>
        <h2>{labels.facets}</h2>
        {active.length ? (
          <p>
            <Link href={href(Object.fromEntries(active.map((key) => [key, null])))}>{labels.clear}</Link>
          </p>
        ) : null}
        {FACETS.filter((key) => !fixed.includes(key)).map((key) => (
          <fieldset key={key}>
            <legend>{labels.col[key]}</legend>
            <ul>
              {table.facets[key].slice(0, 40).map((o) => (
                <li key={o.value}>
                  <label className="check">
                    <input type="checkbox" checked={list(key).includes(o.value)} onChange={() => toggleFacet(key, o.value)} />
                    <span>{o.label}</span>
                    <span className="facet-count">{o.n.toLocaleString()}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </aside>
      <div className="data-main">
        <div className="table-toolbar">
          <p className="result-count" role="status">
            {table.total
              ? fill(labels.results, { from: from.toLocaleString(), to: to.toLocaleString(), total: table.total.toLocaleString() })
              : labels.noResults}
          </p>
          <div className="table-toolbar__actions">
            <details className="column-menu">
              <summary className="button button--quiet">{labels.columns}</summary>
              <div className="column-menu__panel">
                {COLUMN_IDS.map((id) => (
                  <label key={id} className="check">
                    <input type="checkbox" checked={!hidden.has(id)} onChange={() => toggleColumn(id)} />
                    <span>{labels.col[id]}</span>
                  </label>
                ))}
              </div>
            </details>
            <a className="button button--quiet" href={csvHref} download>
              {fill(labels.downloadCsv, { total: table.total.toLocaleString() })}
            </a>
            {table.total <= XLSX_MAX_ROWS ? (
              <a className="button button--quiet" href={csvHref.replace(/format=csv$/, "format=xlsx")} download>
                {labels.downloadXlsx}
              </a>
            ) : null}
          </div>
        </div>
        <DataTable
          data={table.rows}
          columns={columns}
          getRowId={(row) => String(row.id)}
          sorting={sorting}
          onSortingChange={(next) => {
            const first = next[0];
            if (first) go({ sort: `${first.id}:${first.desc ? "desc" : "asc"}` });
          }}
          columnVisibility={visibility}
          expanded={expanded}
          onExpandedChange={() => undefined}
          renderExpanded={(row) => <ObservationDetails row={row} locale={locale} labels={labels} />}
          filterRow={filterRow}
          caption={labels.title}
          sortLabel={(column, direction) =>
            direction === "none" ? fill(labels.sortBy, { column }) : fill(labels.sortedAs, { column, direction: labels[direction] })
          }
          empty={labels.noResults}
        />
        <nav className="pager" aria-label={fill(labels.page, { page: table.page, pages })}>
          <Link
            className={`button button--quiet${table.page <= 1 ? " is-disabled" : ""}`}
            aria-disabled={table.page <= 1}
            href={href({ page: String(table.page - 1) }, true)}
            scroll={false}
          >
            {labels.previous}
          </Link>
          <span>{fill(labels.page, { page: table.page, pages })}</span>
          <Link
            className={`button button--quiet${table.page >= pages ? " is-disabled" : ""}`}
            aria-disabled={table.page >= pages}
            href={href({ page: String(table.page + 1) }, true)}
            scroll={false}
          >
            {labels.next}
          </Link>
          <label className="pager__size">
            {labels.perPage}{" "}
            <select value={String(table.size)} onChange={(event) => go({ size: event.target.value })}>
              {[25, 50, 100].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </div>
    </div>
  );
}
