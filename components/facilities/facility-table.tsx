"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { STATE_INFO, type EventState } from "@/lib/states";
import { CATEGORY_INFO, TABLE_TYPE_INFO, type Category, type TableType } from "@/lib/table-types";
import { DataTable, type DataTableColumn, type dataTableFeatures } from "@/components/data-table/data-table";
import type { Query } from "@/components/data-table/url";
import { PhoneLink } from "./phone-link";

/** A facility list row as GET /api/v1/facilities gives it. */
export interface FacilityRow {
  code: string;
  name: string;
  tableType: TableType;
  category: Category;
  status: EventState;
  statusSince: string | null;
  address: string | null;
  phone: string | null;
}

const column = createColumnHelper<typeof dataTableFeatures, FacilityRow>();

function facilityColumns(t: Messages, lang: Lang): DataTableColumn<FacilityRow>[] {
  return [
    column.accessor("code", {
      id: "code",
      header: t.code,
      cell: (c) => <Link href={`/facilities/${c.getValue()}`}>{c.getValue()}</Link>,
    }),
    column.accessor("name", { id: "name", header: t.name }),
    column.accessor("phone", {
      id: "phone",
      header: t.fu.facility.phone,
      enableSorting: false,
      cell: (c) => <PhoneLink phone={c.getValue()} />,
    }),
    column.accessor(
      (r) => `${TABLE_TYPE_INFO[r.tableType][lang]}${lang === "en" ? ", " : "・"}${CATEGORY_INFO[r.category][lang]}`,
      { id: "type", header: t.tableType, enableSorting: false },
    ),
    column.accessor("status", {
      id: "status",
      header: t.status,
      cell: (c) => STATE_INFO[c.getValue() as EventState][lang],
    }),
    column.accessor("statusSince", { id: "statusSince", header: t.fu.facility.date, cell: (c) => c.getValue() ?? "" }),
    column.accessor("address", {
      id: "address",
      header: t.fu.facility.address,
      enableSorting: false,
      cell: (c) => c.getValue() ?? "",
    }),
  ];
}

interface Props {
  t: Messages;
  lang: Lang;
  items: FacilityRow[];
  total: number;
  page: number;
  pageSize: number;
  path: string;
  query: Query;
  /** The query keys of sort, direction and page (the prefecture page's f* keys by default). */
  keys?: { sort: string; dir: string; page: string; pageSize: string };
  /** The order the list comes in when the URL names none (the prefecture page: not yet online first). */
  defaultSort?: string;
}

/** A prefecture's facilities: server-paged, sorted by header links, all in the URL under f* keys. */
export function FacilityTable({
  t,
  lang,
  items,
  total,
  page,
  pageSize,
  path,
  query,
  keys = { sort: "fSort", dir: "fDir", page: "fPage", pageSize: "fPageSize" },
  defaultSort = "status",
}: Props) {
  return (
    <DataTable
      columns={facilityColumns(t, lang)}
      data={items}
      rowId={(r) => r.code}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={query[keys.sort] ?? defaultSort}
      dir={query[keys.dir] === "desc" ? "desc" : "asc"}
      path={path}
      query={query}
      labels={t.fu.table}
      lang={lang}
      keys={keys}
      cardsOnPhone
      nowrap={["code", "phone", "status", "statusSince", "type"]}
      testId="facility-table"
    />
  );
}
