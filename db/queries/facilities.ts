import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts, dueColumn } from "./alert-sql";
import { facilityFilter } from "./scope";
import type { AlertRule } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import { EVENT_STATES, LADDER, type EventState } from "../../lib/states";
import { NOT_YET_ONLINE, filingOn, readWithoutJit, statesOn } from "./on-date";
import { figureCondition, needsFiling, stillToMove } from "./figure-filter";
import type { FigureFilter } from "../../lib/figure-filter";
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
  /** The figure a number on the overview or prefecture page counts (lib/figure-filter.ts). */
  figure?: FigureFilter;
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
  status: "f.st",
  statusSince: "f.st_since",
};

/** Which states on the date the list keeps, from its status, closed and figure filters. */
function listedStates(filter: FacilityListFilter): readonly EventState[] {
  let states: readonly EventState[] = filter.status
    ? [filter.status]
    : filter.closed === "include" || filter.figure?.reached
      ? EVENT_STATES
      : LADDER;
  if (filter.figure && stillToMove(filter.figure)) states = states.filter((st) => NOT_YET_ONLINE.includes(st));
  return states;
}

/**
 * The list as SQL rows (f: the facility with st and st_since on
 * the date; g: its filing on the date when a figure needs it).
 */
async function listedFrom(db: Db, filter: FacilityListFilter, where: SQL): Promise<SQL> {
  const figure = filter.figure ?? {};
  const base = sql`${statesOn(filter.asOf, listedStates(filter), where)} f`;
  if (!needsFiling(figure) && !figure.reached) return base;
  const joined = needsFiling(figure) ? sql`${base} ${filingOn(filter.asOf, sql`f.code`)}` : base;
  return sql`${joined} where ${await figureCondition(db, filter.asOf, figure)}`;
}

function listWhere(scope: Scope, filter: FacilityListFilter): SQL {
  const parts = [facilityFilter(scope, filter)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(f.code like ${like} or f.name ilike ${like} or f.address ilike ${like} or f.phone like ${like})`);
  }
  if (filter.alert) {
    // The same rules as the follow-up list, over the same scoped facilities.
    parts.push(
      sql`f.code in (select a.code from ${alertFacts(filter.asOf, facilityFilter(scope, filter))} a
            where ${dueColumn(filter.alert)} is not null)`,
    );
  }
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql`f.code, f.name, f.prefecture, f.table_type as "tableType", f.category, f.st as status,
                      f.st_since::text as "statusSince",
  f.address, f.postal_code as "postalCode", f.phone, f.claim_method as "claimMethod", f.closed_on as "closedOn"`;

/**
 * A page of facilities within the scope (in SQL), as they stood on `filter.asOf`: `status` is the state on
 * that date, closed facilities are left out unless asked for. The same rows as the CSV export, and for any
 * filter the total equals the progress count (db/queries/list-on-date.test.ts).
 */
export async function listFacilities(
  db: Db,
  scope: Scope,
  filter: FacilityListFilter,
  page = 1,
  pageSize = 50,
): Promise<Page<FacilityListItem>> {
  const where = listWhere(scope, filter);
  const dir = filter.dir === "desc" ? "desc" : "asc";
  const sort = sql.raw(
    `${SORT_SQL[filter.sort ?? "code"]} ${dir} nulls last` +
      `${filter.sort && filter.sort !== "code" ? `, f.code ${dir}` : ""}`,
  );
  const listed = await listedFrom(db, filter, where);
  const [items, [count]] = await Promise.all([
    readWithoutJit<FacilityListItem>(
      db,
      sql`select ${COLUMNS} from ${listed} order by ${sort} limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    readWithoutJit<{ n: number }>(db, sql`select count(*)::int as n from ${listed}`),
  ]);
  return { total: Number(count?.n ?? 0), page, pageSize, items };
}

/**
 * Every facility matching the filter in code order, a chunk at a time (keyset on code: bounded memory). Each
 * chunk is a range of codes found first on the primary key (the next `chunk` facilities the filter's
 * columns admit), then read by state on the date within that range: an order-and-limit over the state
 * union would sort every remaining facility for each chunk, which grows with the square of the data.
 */
export async function* eachFacility(
  db: Db,
  scope: Scope,
  filter: FacilityListFilter,
  chunk = 1000,
): AsyncGenerator<FacilityListItem[]> {
  const where = listWhere(scope, filter);
  let after = "";
  for (;;) {
    const [bound] = await queryRows<{ code: string }>(
      db,
      sql`select f.code from facilities f where ${where} and f.code > ${after}
          order by f.code offset ${chunk - 1} limit 1`,
    );
    const range = bound
      ? sql`${where} and f.code > ${after} and f.code <= ${bound.code}`
      : sql`${where} and f.code > ${after}`;
    const rows: FacilityListItem[] = await queryRows<FacilityListItem>(
      db,
      sql`select ${COLUMNS} from ${await listedFrom(db, filter, range)} order by f.code`,
    );
    if (rows.length > 0) yield rows;
    if (!bound) return;
    after = bound.code;
  }
}
