"use client";

import Link from "next/link";
import { useState } from "react";
import {
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
} from "@tanstack/react-table";
import { hrefWith, type Query } from "./url";
import { formatCount } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/lang";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T, any>;

export interface DataTableLabels {
  previous: string;
  next: string;
  page: string;
  of: string;
  rows: string;
  selectAll: string;
  selectRow: string;
  empty: string;
  sortAscending: string;
  sortDescending: string;
  jumpTo: string;
  perPage: string;
  go: string;
}

interface Props<T extends RowData> {
  columns: DataTableColumn<T>[];
  data: T[];
  rowId: (row: T) => string;
  /** Server-side pagination and sorting: the page, its size, the total and the sort come from the URL. */
  total: number;
  page: number;
  pageSize: number;
  sort: string | undefined;
  dir: "asc" | "desc" | undefined;
  path: string;
  query: Query;
  labels: DataTableLabels;
  /** The reader's language, for the counts. */
  lang: Lang;
  /** With a form id, each row gets a checkbox named `selectName` belonging to that form (bulk actions). */
  selection?: { formId: string; name: string };
  testId?: string;
  /** Query keys for sort, direction, page and page size, when the page holds more than one table. */
  keys?: { sort: string; dir: string; page: string; pageSize: string };
  /** Page sizes offered in the pager. */
  pageSizes?: number[];
  /** Cells of these columns never wrap (dates, codes, phone numbers). */
  nowrap?: string[];
  /** On a phone, show each row as a card of label–value lines instead of a wide table. */
  cardsOnPhone?: boolean;
}

const DEFAULT_KEYS = { sort: "sort", dir: "dir", page: "page", pageSize: "pageSize" };
const DEFAULT_SIZES = [25, 50, 100, 200];

/**
 * The one table shell (TanStack Table): the server has already filtered, sorted and cut the page; the
 * shell renders it, turns header clicks into sort links and keeps page and sort in the URL, so any view
 * can be bookmarked and shared. Selection stays in the browser and submits with a bulk-action form.
 */
export function DataTable<T extends RowData>({
  columns,
  data,
  rowId,
  total,
  page,
  pageSize,
  sort,
  dir,
  path,
  query,
  labels,
  lang,
  selection,
  testId,
  keys = DEFAULT_KEYS,
  pageSizes = DEFAULT_SIZES,
  nowrap = [],
  cardsOnPhone = false,
}: Props<T>) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row: T) => rowId(row),
    manualSorting: true,
    enableRowSelection: Boolean(selection),
    state: { sorting: sort ? [{ id: sort, desc: dir === "desc" }] : [], rowSelection },
    onRowSelectionChange: setRowSelection,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const rows = table.getRowModel().rows;
  return (
    <div className={cardsOnPhone ? "data-table cards" : "data-table"} data-testid={testId}>
      <table>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selection && (
                <th scope="col" className="select">
                  <input
                    type="checkbox"
                    aria-label={labels.selectAll}
                    checked={table.getIsAllRowsSelected()}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const sortable = header.column.getCanSort();
                const active = sort === header.column.id;
                const nextDir = active && dir !== "desc" ? "desc" : "asc";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (dir === "desc" ? "descending" : "ascending") : undefined}
                  >
                    {sortable ? (
                      <Link
                        href={hrefWith(path, query, {
                          [keys.sort]: header.column.id,
                          [keys.dir]: nextDir,
                          [keys.page]: undefined,
                        })}
                        title={nextDir === "asc" ? labels.sortAscending : labels.sortDescending}
                      >
                        <table.FlexRender header={header} />
                        {active ? (dir === "desc" ? " ▼" : " ▲") : ""}
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + (selection ? 1 : 0)}>{labels.empty}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} aria-selected={selection ? row.getIsSelected() : undefined}>
              {selection && (
                <td className="select">
                  <input
                    type="checkbox"
                    form={selection.formId}
                    name={selection.name}
                    value={row.id}
                    aria-label={`${labels.selectRow} ${row.id}`}
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                  />
                </td>
              )}
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={nowrap.includes(cell.column.id) ? "nowrap" : undefined}
                  data-label={
                    typeof cell.column.columnDef.header === "string" ? cell.column.columnDef.header : undefined
                  }
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label={labels.page}>
        <span data-testid={testId ? `${testId}-total` : undefined}>
          {formatCount(total, lang)} {labels.rows}
        </span>
        {page > 1 ? (
          <Link href={hrefWith(path, query, { [keys.page]: page - 1 })}>{labels.previous}</Link>
        ) : (
          <span aria-disabled="true">{labels.previous}</span>
        )}
        <span>
          {labels.page} {page} {labels.of} {formatCount(pages, lang)}
        </span>
        {page < pages ? (
          <Link href={hrefWith(path, query, { [keys.page]: page + 1 })}>{labels.next}</Link>
        ) : (
          <span aria-disabled="true">{labels.next}</span>
        )}
        <PagerForm
          path={path}
          query={query}
          keys={keys}
          page={page}
          pageSize={pageSize}
          pageSizes={pageSizes}
          labels={labels}
          testId={testId}
        />
      </nav>
    </div>
  );
}

/** Jump to a page and choose the page size: a plain GET form carrying the rest of the view's query. */
function PagerForm({
  path,
  query,
  keys,
  page,
  pageSize,
  pageSizes,
  labels,
  testId,
}: {
  path: string;
  query: Query;
  keys: { page: string; pageSize: string };
  page: number;
  pageSize: number;
  pageSizes: number[];
  labels: DataTableLabels;
  testId?: string;
}) {
  const sizes = [...new Set([...pageSizes, pageSize])].sort((a, b) => a - b);
  const keep = Object.entries(query).filter(([k]) => k !== keys.page && k !== keys.pageSize);
  return (
    <form method="get" action={path} data-testid={testId ? `${testId}-pager` : undefined}>
      {keep.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label>
        {labels.jumpTo} <input type="number" name={keys.page} min={1} defaultValue={page} inputMode="numeric" />
      </label>
      <label>
        {labels.perPage}{" "}
        <select name={keys.pageSize} defaultValue={String(pageSize)}>
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn secondary">
        {labels.go}
      </button>
    </form>
  );
}
