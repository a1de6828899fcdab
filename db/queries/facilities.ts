import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts, dueColumn } from "./alert-sql";
import { facilityFilter } from "./progress";
import type { AlertRule } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import { EVENT_STATES, type EventState } from "../../lib/states";
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
  /** "include": facilities closed by `asOf` stay in the list (state `closed`); otherwise they are left out. */
  closed?: "include";
  sort?: FacilitySort;
  dir?: "asc" | "desc";
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
  status: "s.st",
  statusSince: "s.st_since",
};

/** A state the caller chose from the enum, written as a constant so that the partial state index can serve it. */
const stateLiteral = (state: EventState) => sql.raw(`'${EVENT_STATES.find((s) => s === state)}'::facility_state`);

/**
 * Each listed facility's state on the date (and the day it got there), by the progress figures' rule:
 * closed from its closing day; else its latest event on or before the date (for one day the furthest
 * state), else its starting state. Written as two disjoint halves so that each uses its index: those that
 * have not moved since the date (their maintained status is the answer) and those that moved after it
 * (their events are read, one index probe each). `where` filters `facilities f`.
 */
function statesOn(asOf: string, filter: Pick<FacilityListFilter, "status" | "closed">, where: SQL): SQL {
  const a = sql`${asOf}::date`;
  const closedBy = sql`f.closed_on <= ${a}`;
  const open = sql`(f.closed_on is null or f.closed_on > ${a})`;
  const x = filter.status;
  // The settled half: the state is f.status, or closed.
  let settled: SQL;
  if (x === "closed") settled = sql`(${closedBy} or f.status = 'closed'::facility_state)`;
  else if (x) settled = sql`f.status = ${stateLiteral(x)} and ${open}`;
  else if (filter.closed === "include") settled = sql`true`;
  else settled = sql`f.status <> 'closed'::facility_state and ${open}`;
  const wanted = x ? sql`m.st = ${stateLiteral(x)}` : filter.closed === "include" ? sql`true` : sql`m.st <> 'closed'::facility_state`;
  return sql`(
    select f.code, case when ${closedBy} then 'closed'::facility_state else f.status end as st,
           case when ${closedBy} then f.closed_on else f.status_since end as st_since
    from facilities f
    where ${where} and (f.status_since is null or f.status_since <= ${a}) and ${settled}
    union all
    select m.code, m.st, m.st_since from (
      select f.code,
             case when ${closedBy} then 'closed'::facility_state else coalesce(e.state, f.initial_state) end as st,
             case when ${closedBy} then f.closed_on else e.effective_on end as st_since
      from facilities f
      left join lateral (
        select e.state, e.effective_on from status_events e
        where e.facility_code = f.code and e.effective_on <= ${a}
        order by e.effective_on desc nulls first, e.state desc nulls first limit 1
      ) e on true
      where ${where} and f.status_since > ${a}
    ) m where ${wanted}
  )`;
}

function listWhere(scope: Scope, filter: FacilityListFilter): SQL {
  const parts = [facilityFilter(scope, filter)];
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

const COLUMNS = sql`f.code, f.name, f.prefecture, f.table_type as "tableType", f.category, s.st as status, s.st_since::text as "statusSince",
  f.address, f.postal_code as "postalCode", f.phone, f.claim_method as "claimMethod", f.closed_on as "closedOn"`;

/**
 * A page of facilities within the scope (in SQL), as they stood on `filter.asOf`: `status` is the state on
 * that date, closed facilities are left out unless asked for. The same rows as the CSV export, and for any
 * filter the total equals the progress count (db/queries/list-on-date.test.ts).
 */
export async function listFacilities(db: Db, scope: Scope, filter: FacilityListFilter, page = 1, pageSize = 50): Promise<Page<FacilityListItem>> {
  const where = listWhere(scope, filter);
  const dir = filter.dir === "desc" ? "desc" : "asc";
  const sort = sql.raw(`${SORT_SQL[filter.sort ?? "code"]} ${dir} nulls last${filter.sort && filter.sort !== "code" ? `, f.code ${dir}` : ""}`);
  const listed = statesOn(filter.asOf, filter, where);
  const [items, [count]] = await Promise.all([
    queryRows<FacilityListItem>(
      db,
      sql`select ${COLUMNS} from ${listed} s join facilities f on f.code = s.code order by ${sort} limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${listed} s`),
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
      sql`select ${COLUMNS} from ${statesOn(filter.asOf, filter, sql`${where} and f.code > ${after}`)} s join facilities f on f.code = s.code
          order by f.code limit ${chunk}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].code;
    if (rows.length < chunk) return;
  }
}

