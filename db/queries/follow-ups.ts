import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { followUpSelect, isPlainUrgency, orderBy, statement, urgentFirst } from "./follow-up-rows";
import { pageRows, toItem } from "./follow-up-page";
import type { FollowUpFilter } from "./follow-up-filter";
import type { Scope } from "../../lib/scope";
import type { EventState } from "../../lib/states";
import type { ContractorGroup, FollowUpItem, Page } from "../../lib/follow-ups/types";

export { FOLLOW_UP_SORTS, type FollowUpFilter, type FollowUpSort } from "./follow-up-filter";
export type { FollowUpItem, Page } from "../../lib/follow-ups/types";

type Row = Record<string, unknown> & {
  code: string;
  st: EventState;
  total: number | string;
};

/**
 * The follow-up list grouped by the contractor in the filing in force (⑥ア): one call to a contractor covers
 * all the facilities it claims for. Most facilities first; at most `limit` groups.
 */
export async function followUpsByContractor(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  limit = 200,
): Promise<ContractorGroup[]> {
  const rows = await queryRows<{
    contractor: string;
    label: string;
    facilities: number;
    first_due: string;
    unassigned: number;
  }>(
    db,
    await statement(
      db,
      filter.asOf,
      (source) => sql`select x.fl_contractor as contractor, mode() within group (order by x.fl_outsourcer) as label,
                 count(*)::int as facilities,
                 min(x.top_due)::text as first_due, count(*) filter (where x.assignee_id is null)::int as unassigned
          from (${followUpSelect(source, scope, filter, { contractors: true })}) x
          where x.fl_contractor is not null and x.fl_contractor <> ''
          group by x.fl_contractor
          order by count(*) desc, min(x.top_due), x.fl_contractor
          limit ${limit}`,
    ),
  );
  return rows.map((r) => ({
    contractor: r.contractor,
    label: r.label,
    facilities: Number(r.facilities),
    firstDue: r.first_due,
    unassigned: Number(r.unassigned),
  }));
}

/** The codes of every facility on the filtered list (bounded: at most `max`), for an action over the whole list. */
export async function followUpCodes(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  max: number,
): Promise<{ codes: string[]; total: number }> {
  const rows = await queryRows<{ code: string; total: number }>(
    db,
    await statement(
      db,
      filter.asOf,
      (source) => sql`select x.code, count(*) over () as total from (${followUpSelect(source, scope, filter)}) x
          order by x.top_due, x.top_rank, x.code limit ${max}`,
    ),
  );
  return { codes: rows.map((r) => r.code), total: rows.length ? Number(rows[0].total) : 0 };
}

/** One page of the follow-up list, most urgent first by default, within the caller's scope (in SQL). */
export async function listFollowUps(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  page = 1,
  pageSize = 50,
): Promise<Page<FollowUpItem>> {
  const offset = (page - 1) * pageSize;
  const rows = await queryRows<Row>(
    db,
    await statement(
      db,
      filter.asOf,
      (source) =>
        isPlainUrgency(filter)
          ? sql`${urgentFirst(source, scope, filter, pageSize, offset)}
              select * from (${pageRows(scope, filter)}) y order by ${orderBy(filter)}`
          : sql`pg as (
            select x.*, count(*) over () as total from (${followUpSelect(source, scope, filter)}) x
            order by ${orderBy(filter)} limit ${pageSize} offset ${offset}
          )
          select * from (${pageRows(scope, filter)}) y order by ${orderBy(filter)}`,
      true,
    ),
  );
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) total = await countFollowUps(db, scope, filter);
  return { total, page, pageSize, items: rows.map((r) => toItem(r, filter.asOf)) };
}

export async function countFollowUps(db: Db, scope: Scope, filter: FollowUpFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    await statement(
      db,
      filter.asOf,
      (source) => sql`select count(*)::int as n from (${followUpSelect(source, scope, filter)}) x`,
    ),
  );
  return Number(row?.n ?? 0);
}

/**
 * Every follow-up row matching the filter, in list order, a chunk at a time (keyset on the urgency order,
 * so each chunk is one bounded query and memory stays flat however many rows there are).
 */
export async function* eachFollowUp(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  chunk = 5000,
): AsyncGenerator<FollowUpItem[]> {
  let after: { due: string; rank: number; code: string } | null = null;
  for (;;) {
    const keyset: SQL = after
      ? sql`(x.top_due, x.top_rank, x.code) > (${after.due}::date, ${after.rank}::int, ${after.code})`
      : sql`true`;
    const rows: Row[] = await queryRows<Row>(
      db,
      await statement(
        db,
        filter.asOf,
        (source) => sql`pg as (
              select x.*, null::int as total from (${followUpSelect(source, scope, filter)}) x where ${keyset}
              order by x.top_due, x.top_rank, x.code limit ${chunk}
            )
            select * from (${pageRows(scope, filter)}) y order by top_due, top_rank, code`,
        true,
      ),
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, filter.asOf));
    const last = rows[rows.length - 1];
    after = { due: String(last.top_due), rank: Number(last.top_rank), code: String(last.code) };
    if (rows.length < chunk) return;
  }
}
