import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { reportedClaimsCube } from "./claims";
import type { Scope } from "../../lib/scope";
import { monthEnd } from "../../lib/dates";
import { HISTORY_START, monthEndOnOrBefore } from "../../lib/progress/history";
import { foldProgress, withReportedClaims } from "../../lib/progress/fold";
import type { EventState } from "../../lib/states";
import type { ProgressFilter, ProgressGroupBy, ProgressResult, ReportedClaimsCube } from "../../lib/progress/types";

type CubeRow = {
  prefecture: string;
  table_type: string;
  category: string;
  state: EventState;
  n: number | string;
  claims: number | string;
};

/**
 * Counts (and claim volumes) by prefecture × table type × category × state as of a date, within the scope
 * (applied in SQL). Every grouping the pages and the API show is a fold of these rows.
 */
async function progressCube(db: Db, scope: Scope, filter: Omit<ProgressFilter, "groupBy">): Promise<CubeRow[]> {
  return (await cubeFromSummary(db, scope, filter)) ?? (await cubeFromHistory(db, scope, filter));
}

/**
 * The cube from the monthly summary at the month end M on or before the date, corrected by the facilities
 * that moved or closed after M and on or before the date: each leaves its state at M and joins its state
 * on the date. A month's events are a small part of the history, so this reads a few thousand events
 * instead of every facility. Only when the summary is current through M (every import refreshes it in its
 * transaction); otherwise null, and the history is read.
 */
async function cubeFromSummary(
  db: Db,
  scope: Scope,
  filter: Omit<ProgressFilter, "groupBy">,
): Promise<CubeRow[] | null> {
  const asOf = filter.asOf;
  const m = monthEndOnOrBefore(asOf);
  if (m < monthEnd(HISTORY_START)) return null;
  const [state] = await queryRows<{ through: string | null }>(
    db,
    sql`select (select computed_through::text from summary_state where id = 1) as through`,
  );
  if (!state?.through || state.through < m) return null;
  const stateOn = (day: SQL) => sql`case when c.closed_on <= ${day}::date then 'closed'::facility_state else coalesce(
      (select e.state from status_events e where e.facility_code = c.code and e.effective_on <= ${day}::date
       order by e.effective_on desc, e.state desc limit 1), c.initial_state) end`;
  return queryRows<CubeRow>(
    db,
    sql`with changed as (
          select f.code, f.prefecture, f.table_type, f.category, f.monthly_claims, f.closed_on, f.initial_state
          from facilities f
          where f.code in (
                  select e.facility_code from status_events e
                  where e.effective_on > ${m}::date and e.effective_on <= ${asOf}::date
                  union
                  select g.code from facilities g where g.closed_on > ${m}::date and g.closed_on <= ${asOf}::date)
            and ${facilityFilter(scope, filter)}
        ),
        moves as (
          select c.prefecture, c.table_type, c.category, coalesce(c.monthly_claims, 0)::float8 as claims,
                 ${stateOn(sql`${m}`)} as state_then, ${stateOn(sql`${asOf}`)} as state_now
          from changed c
        ),
        parts as (
          select s.prefecture, s.table_type, s.category, s.state, s.facilities as n, s.claims::float8 as claims
          from monthly_summary s where s.month_end = ${m}::date and ${facilityFilter(scope, filter, sql`s`)}
          union all select prefecture, table_type, category, state_then, -1, -claims from moves
          where state_then <> state_now
          union all select prefecture, table_type, category, state_now, 1, claims from moves
          where state_then <> state_now
        )
        select prefecture, table_type::text, category::text, state, sum(n)::int as n, sum(claims)::float8 as claims
        from parts group by prefecture, table_type, category, state
        having sum(n) <> 0`,
  );
}

async function cubeFromHistory(db: Db, scope: Scope, filter: Omit<ProgressFilter, "groupBy">): Promise<CubeRow[]> {
  const where = facilityFilter(scope, filter);
  const asOf = filter.asOf;
  // A facility whose latest event is on or before the date (status_since) was already at its current status
  // then; only those that moved after it, and are not closed by then, need their events read. The two parts
  // split the facilities exactly, so a year-ago query costs little more than today's.
  const moved = sql`f.status_since > ${asOf}::date and (f.closed_on is null or f.closed_on > ${asOf}::date)`;
  return queryRows<CubeRow>(
    db,
    sql`with moved_state as (
          select distinct on (e.facility_code) e.facility_code, e.state
          from facilities f
          join status_events e on e.facility_code = f.code and e.effective_on <= ${asOf}::date
          where ${moved} and ${where}
          order by e.facility_code, e.effective_on desc nulls first, e.state desc nulls first
        )
        -- Grouped by the enum columns themselves and cast after: grouping by their text casts took 1.7× as long.
        select f.prefecture, f.table_type::text, f.category::text,
               case when f.closed_on <= ${asOf}::date then 'closed'::facility_state else f.status end as state,
               count(*)::int as n, coalesce(sum(f.monthly_claims), 0)::float8 as claims
        from facilities f
        where ${where} and not coalesce(${moved}, false)
        group by f.prefecture, f.table_type, f.category, 4
        union all
        select f.prefecture, f.table_type::text, f.category::text, coalesce(p.state, f.initial_state) as state,
               count(*)::int as n, coalesce(sum(f.monthly_claims), 0)::float8 as claims
        from facilities f
        left join moved_state p on p.facility_code = f.code
        where ${where} and ${moved}
        group by f.prefecture, f.table_type, f.category, 4`,
  );
}

const CUBE_KEY: Record<ProgressGroupBy, (row: Pick<CubeRow, "prefecture" | "table_type" | "category">) => string> = {
  prefecture: (r) => r.prefecture,
  tableType: (r) => r.table_type,
  category: (r) => r.category,
};

function foldCube(
  filter: Pick<ProgressFilter, "asOf" | "groupBy">,
  rows: CubeRow[],
  reported: ReportedClaimsCube | null = null,
): ProgressResult {
  const key = CUBE_KEY[filter.groupBy];
  const result = foldProgress(
    filter,
    rows.map((r) => ({ key: key(r), state: r.state, n: r.n, claims: r.claims })),
  );
  return reported ? withReportedClaims(result, reported, key) : result;
}

/**
 * Counts of facilities by state as of a date, grouped, within the
 * caller's scope; the claim share as reportedClaimsCube says.
 */
export async function progress(db: Db, scope: Scope, filter: ProgressFilter): Promise<ProgressResult> {
  const [rows, reported] = await Promise.all([progressCube(db, scope, filter), reportedClaimsCube(db, scope, filter)]);
  return foldCube(filter, rows, reported);
}

/**
 * The progress totals with the claim share estimated from the listed volumes only (the trend's line, month by month).
 */
export async function progressEstimated(db: Db, scope: Scope, filter: ProgressFilter): Promise<ProgressResult> {
  return foldCube(filter, await progressCube(db, scope, filter));
}

/** The three groupings of the dashboard from one pass over the facilities. */
export async function progressByEveryGrouping(
  db: Db,
  scope: Scope,
  filter: Omit<ProgressFilter, "groupBy">,
): Promise<Record<ProgressGroupBy, ProgressResult>> {
  const [rows, reported] = await Promise.all([progressCube(db, scope, filter), reportedClaimsCube(db, scope, filter)]);
  return {
    prefecture: foldCube({ ...filter, groupBy: "prefecture" }, rows, reported),
    tableType: foldCube({ ...filter, groupBy: "tableType" }, rows, reported),
    category: foldCube({ ...filter, groupBy: "category" }, rows, reported),
  };
}
