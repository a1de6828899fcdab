import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts, dueColumn } from "./alert-sql";
import { facilityFilter } from "./progress";
import type { AlertRule } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import type { EventState } from "../../lib/states";
import type { Category, ClaimMethod, TableType } from "../../lib/table-types";
import type { Page } from "./follow-ups";

export const FACILITY_SORTS = ["code", "name", "prefecture", "status", "statusSince"] as const;
export type FacilitySort = (typeof FACILITY_SORTS)[number];

export interface FacilityListFilter {
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
  status?: EventState;
  q?: string;
  /** Only facilities with this alert on `asOf`. */
  alert?: AlertRule;
  asOf: string;
  sort?: FacilitySort;
  dir?: "asc" | "desc";
  /** Leave out facilities closed now (the prefecture page's list, whose count is the page's 施設数). */
  activeOnly?: boolean;
}

export interface FacilityListItem {
  code: string;
  name: string;
  prefecture: string;
  tableType: TableType;
  category: Category;
  status: EventState;
  statusSince: string | null;
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  claimMethod: ClaimMethod | null;
  closedOn: string | null;
}

const SORT_SQL: Record<FacilitySort, string> = {
  code: "f.code",
  name: "f.name",
  prefecture: "f.prefecture",
  status: "f.status",
  statusSince: "f.status_since",
};

function listWhere(scope: Scope, filter: FacilityListFilter): SQL {
  const parts = [facilityFilter(scope, filter)];
  if (filter.status) parts.push(sql`f.status = ${filter.status}`);
  if (filter.activeOnly) parts.push(sql`f.status <> 'closed'`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(f.code like ${like} or f.name ilike ${like} or f.address ilike ${like} or f.phone like ${like})`);
  }
  if (filter.alert) {
    // The same rules as the follow-up list, over the same scoped facilities.
    parts.push(sql`f.code in (select a.code from ${alertFacts(filter.asOf, facilityFilter(scope, filter))} a where ${dueColumn(filter.alert)} is not null)`);
  }
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql`f.code, f.name, f.prefecture, f.table_type as "tableType", f.category, f.status, f.status_since as "statusSince",
  f.address, f.postal_code as "postalCode", f.phone, f.claim_method as "claimMethod", f.closed_on as "closedOn"`;

/** A page of facilities within the scope (in SQL), filtered and sorted; the same rows as the CSV export. */
export async function listFacilities(db: Db, scope: Scope, filter: FacilityListFilter, page = 1, pageSize = 50): Promise<Page<FacilityListItem>> {
  const where = listWhere(scope, filter);
  const dir = filter.dir === "desc" ? "desc" : "asc";
  const sort = sql.raw(`${SORT_SQL[filter.sort ?? "code"]} ${dir} nulls last${filter.sort && filter.sort !== "code" ? `, f.code ${dir}` : ""}`);
  const [items, [count]] = await Promise.all([
    queryRows<FacilityListItem>(db, sql`select ${COLUMNS} from facilities f where ${where} order by ${sort} limit ${pageSize} offset ${(page - 1) * pageSize}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from facilities f where ${where}`),
  ]);
  return { total: Number(count?.n ?? 0), page, pageSize, items };
}

/** Every facility matching the filter in code order, a chunk at a time (keyset on code: bounded memory; 1,000 rows a query kept the export's garbage lowest for the same speed). */
export async function* eachFacility(db: Db, scope: Scope, filter: FacilityListFilter, chunk = 1000): AsyncGenerator<FacilityListItem[]> {
  const where = listWhere(scope, filter);
  let after = "";
  for (;;) {
    const rows: FacilityListItem[] = await queryRows<FacilityListItem>(
      db,
      sql`select ${COLUMNS} from facilities f where ${where} and f.code > ${after} order by f.code limit ${chunk}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].code;
    if (rows.length < chunk) return;
  }
}

