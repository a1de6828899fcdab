import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { dueColumn } from "./alert-sql";
import { alertSource, alertTops, firingAlerts, lateCodes, type AlertSource, type TopColumn } from "./alert-tops";
import { facilityFilter } from "./scope";
import { ALERT_RULES } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import type { FollowUpFilter } from "./follow-up-filter";

/**
 * The SQL of the follow-up list (db/queries/follow-ups.ts): which facilities are on it and in which order
 * (followUpSelect over alertTops; urgentFirst for the list as it opens); its page's facts are follow-up-page.ts.
 */

function conditions(filter: FollowUpFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.alert) parts.push(sql`${dueColumn(filter.alert)} is not null`);
  if (filter.status) parts.push(sql`r.st = ${filter.status}`);
  if (filter.assignee === "none") parts.push(sql`fu.assignee_id is null`);
  else if (filter.assignee !== undefined) parts.push(sql`fu.assignee_id = ${filter.assignee}`);
  if (filter.dueBefore) {
    const due = filter.alert ? dueColumn(filter.alert) : sql`r.top_due`;
    parts.push(sql`${due} <= ${filter.dueBefore}::date`);
  }
  if (filter.dueFrom) {
    const due = filter.alert ? dueColumn(filter.alert) : sql`r.top_due`;
    parts.push(sql`${due} >= ${filter.dueFrom}::date`);
  }
  if (filter.contractor) parts.push(sql`r.fl_contractor = ${filter.contractor}`);
  if (filter.nextActionBefore) parts.push(sql`fu.next_action_on <= ${filter.nextActionBefore}::date`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(r.code like ${like} or fa.name like ${like} or fa.address like ${like})`);
  }
  return sql.join(parts, sql` and `);
}

/** The list order over followUpSelect's columns (pageRows keeps the same names). */
export function orderBy(filter: FollowUpFilter): SQL {
  const dir = sql.raw(filter.dir === "desc" ? "desc" : "asc");
  const urgency = sql`top_due ${dir}, top_rank ${dir}, code ${dir}`;
  switch (filter.sort ?? "urgency") {
    case "code":
      return sql`code ${dir}`;
    case "name":
      return sql`name ${dir}, code`;
    case "prefecture":
      return sql`prefecture ${dir}, top_due, top_rank, code`;
    case "status":
      return sql`st ${dir}, top_due, top_rank, code`;
    case "nextAction":
      return sql`next_action_on ${dir} nulls last, top_due, top_rank, code`;
    case "dueOn":
      return sql`top_due ${dir}, code ${dir}`;
    case "tableType":
      return sql`table_type ${dir}, top_due, top_rank, code`;
    case "assignee":
      return sql`assignee_email ${dir} nulls last, top_due, top_rank, code`;
    default:
      return urgency;
  }
}

/** What a statement over the follow-up rows needs of them besides the filter's own columns. */
export interface RowNeeds {
  /** The contractor and its name as written (followUpsByContractor), and who follows each facility up. */
  contractors?: boolean;
}

/**
 * The follow-up rows as SQL: every facility with an alert on the date (its most urgent one, alertTops), with
 * the columns the filter and the sort read (who follows it up only when they read it), for a statement().
 */
export function followUpSelect(source: AlertSource, scope: Scope, filter: FollowUpFilter, needs: RowNeeds = {}): SQL {
  const sort = filter.sort ?? "urgency";
  const columns: TopColumn[] = [];
  if (filter.status || sort === "status") columns.push("st");
  if (sort === "prefecture") columns.push("prefecture");
  if (sort === "tableType") columns.push("table_type");
  if (filter.contractor || needs.contractors) columns.push("fl_contractor");
  if (needs.contractors) columns.push("fl_outsourcer");
  const tops = alertTops(source, filter.asOf, facilityFilter(scope, filter, sql`w`), facilityFilter(scope, filter), {
    alert: filter.alert,
    columns,
  });
  const named = Boolean(filter.q) || sort === "name";
  const followed =
    filter.assignee !== undefined ||
    Boolean(filter.nextActionBefore) ||
    sort === "nextAction" ||
    sort === "assignee" ||
    Boolean(needs.contractors);
  const follower = followed ? sql`, fu.assignee_id, u.email as assignee_email, fu.next_action_on` : sql``;
  // A key lookup per listed facility (a join could hash every facility for a few hundred names).
  const name = named
    ? sql`join lateral (select f.name, f.address from facilities f where f.code = r.code offset 0) fa on true`
    : sql``;
  const follows = followed
    ? sql`left join follow_ups fu on fu.facility_code = r.code left join users u on u.id = fu.assignee_id`
    : sql``;
  return sql`select r.*${follower}${named ? sql`, fa.name` : sql``}
             from (${tops}) r ${name} ${follows}
             where ${conditions(filter)}`;
}

/** The list as it opens: most urgent first, narrowed only by scope, prefecture, table type or category. */
export function isPlainUrgency(filter: FollowUpFilter): boolean {
  const { asOf: _a, prefecture: _p, tableType: _t, category: _c, sort, dir, ...rest } = filter;
  void [_a, _p, _t, _c];
  return (
    (sort ?? "urgency") === "urgency" && (dir ?? "asc") === "asc" && Object.values(rest).every((v) => v === undefined)
  );
}

/**
 * The CTEs `t` and `pg` (code, top_due, top_rank, total) of a plain list's page (isPlainUrgency), without
 * ranking every facility: a facility has at most one firing window per rule, so the first n facilities by
 * urgency all have their most urgent window among the first n × 14 firing windows in (due date, rank, code)
 * order, where it is each one's first. The total counts the facilities with a window firing.
 */
export function urgentFirst(
  source: AlertSource,
  scope: Scope,
  filter: FollowUpFilter,
  limit: number,
  offset: number,
): SQL {
  const firing = firingAlerts(
    source,
    filter.asOf,
    facilityFilter(scope, filter, sql`w`),
    facilityFilter(scope, filter),
  );
  const windows = (offset + limit) * ALERT_RULES.length;
  return sql`t as materialized (${firing}),
    pg as (
      select h.code, h.top_due, h.top_rank, (select count(*) from (select distinct code from t) d)::int as total
      from (
        select distinct on (code) code, top_due, top_rank
        from (select * from t order by top_due, top_rank, code limit ${windows}) k
        order by code, top_due, top_rank
      ) h
      order by h.top_due, h.top_rank, h.code limit ${limit} offset ${offset}
    )`;
}

/**
 * A statement over follow-up rows for the date (`body` reads followUpSelect with the source it is given):
 * it starts with the CTE `late` when some facilities have to be evaluated for the date. With `cte`, the
 * body starts with a CTE of its own (`pg as (…) select …`).
 */
export async function statement(db: Db, asOf: string, body: (source: AlertSource) => SQL, cte = false): Promise<SQL> {
  const source = await alertSource(db, asOf);
  if (source === "windows-and-late")
    return sql`with late as (${lateCodes(asOf)})${cte ? sql`,` : sql``} ${body(source)}`;
  return sql`${cte ? sql`with` : sql``} ${body(source)}`;
}
