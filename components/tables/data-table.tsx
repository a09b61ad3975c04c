"use client";
// The one generic table: TanStack Table for the model (columns, sorting, visibility, expanded rows),
// semantic HTML for the markup. Sorting and visibility are controlled by the caller (they live in the
// URL); the rows are whatever page the caller was given.
import {
  columnVisibilityFeature,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ExpandedState,
  type SortingState,
  type Updater,
  type ColumnVisibilityState,
  type RowData,
} from "@tanstack/react-table";
import { Fragment, type ReactNode } from "react";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowExpandingFeature });
export type DataTableFeatures = typeof dataTableFeatures;
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, unknown>;

type Props<T extends RowData> = {
  data: T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  columnVisibility: ColumnVisibilityState;
  expanded: ExpandedState;
  onExpandedChange: (expanded: ExpandedState) => void;
  renderExpanded?: (row: T) => ReactNode;
  filterRow?: (columnId: string) => ReactNode;
  caption: string;
  sortLabel: (column: string, direction: "ascending" | "descending" | "none") => string;
  empty: ReactNode;
  rowClassName?: (row: T) => string | undefined;
};

const resolve = <S,>(updater: Updater<S>, current: S): S => (typeof updater === "function" ? (updater as (old: S) => S)(current) : updater);

export function DataTable<T extends RowData>({
  data,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  columnVisibility,
  expanded,
  onExpandedChange,
  renderExpanded,
  filterRow,
  caption,
  sortLabel,
  empty,
  rowClassName,
}: Props<T>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting: true,
    manualExpanding: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getRowCanExpand: () => Boolean(renderExpanded),
    state: { sorting, columnVisibility, expanded },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(resolve(updater, sorting)),
    onExpandedChange: (updater: Updater<ExpandedState>) => onExpandedChange(resolve(updater, expanded)),
    onColumnVisibilityChange: () => undefined,
  });
  const visible = table.getVisibleLeafColumns();
  return (
    <div className="table-wrap">
      <table className="figures-table data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const direction = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getCanSort() ? direction : undefined}
                    className={(header.column.columnDef.meta as { className?: string } | undefined)?.className}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                        aria-label={sortLabel(String(header.column.columnDef.header ?? header.id), direction)}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-button__mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
          {filterRow ? (
            <tr className="filter-row">
              {visible.map((column) => (
                <td key={column.id}>{filterRow(column.id)}</td>
              ))}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={visible.length} className="empty-cell">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr
                  className={
                    [row.getIsExpanded() ? "is-expanded" : "", rowClassName?.(row.original) ?? ""].filter(Boolean).join(" ") || undefined
                  }
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={(cell.column.columnDef.meta as { className?: string } | undefined)?.className}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {row.getIsExpanded() && renderExpanded ? (
                  <tr className="expanded-row">
                    <td colSpan={visible.length}>{renderExpanded(row.original)}</td>
                  </tr>
                ) : null}
              </Fragment>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
