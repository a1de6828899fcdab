import { sql } from "drizzle-orm";
import { arrayParam, withSetting, type Tx } from "../transaction";
import { HISTORY_START, monthEndOnOrBefore } from "../../lib/progress/history";
import { refreshClaimsSummary } from "./claims-summary";
import type { TableType } from "../../lib/table-types";

/** A slice of the summary: every category and state of one table type in one prefecture. */
export interface SummaryGroup {
  prefecture: string;
  tableType: TableType;
}

/**
 * Recomputes the monthly summary from the event history for every month end from January 2023 up to
 * `through`, in the caller's transaction. Each facility's history is a run of intervals [start, end) at
 * one state (its starting state from the beginning of time, then each event; a closing date cuts it and
 * starts a closed interval). An interval adds one at the first month end it covers and takes it away at
 * the first month end after it ends, so the cost grows with the events, not with events × months.
 *
 * With `only`, just those slices are recomputed (a facility's prefecture and table type never change: both
 * are in its code), so an import touching a few facilities costs a few prefectures, not the country. That
 * holds only while the summary already covers the same month ends; otherwise everything is recomputed.
 */
export async function refreshMonthlySummary(tx: Tx, through: string, only?: readonly SummaryGroup[]): Promise<void> {
  // Refreshes take turns on the state row (made if missing, dated before the history so that it matches no
  // month end): a second import waits here until the first commits, then sees and replaces its rows.
  await tx.query(
    sql`insert into summary_state (id, computed_through) values (1, ${HISTORY_START}::date - 1)
        on conflict (id) do nothing`,
  );
  const [state] = await tx.query<{ through: string }>(
    sql`select computed_through::text as through from summary_state where id = 1 for update`,
  );
  if (only && monthEndOnOrBefore(state.through) !== monthEndOnOrBefore(through)) only = undefined;
  // The facilities (or summary rows) in the slices; every one when no slices are given.
  const slices = only;
  const inSlices = (alias: string) =>
    slices
      ? sql`(${sql.raw(alias)}.prefecture, ${sql.raw(alias)}.table_type::text) in (select * from unnest(
          ${arrayParam(slices.map((g) => g.prefecture))}::text[],
            ${arrayParam(slices.map((g) => g.tableType))}::text[]))`
      : sql`true`;
  await tx.query(sql`delete from monthly_summary s where ${inSlices("s")}`);
  // After a first list no facility has events yet: the history's parts of the query are left out. Asked
  // under the state row's lock: every writer of status_events refreshes the summary under it before it
  // commits, so no events can be committed between this question and the statement below.
  const [{ moved }] = await tx.query<{ moved: boolean }>(sql`select exists (select 1 from status_events) as moved`);
  // Facilities with events: their starting state, then each event, each lasting until the next.
  const historySteps = sql`marks as (
       select f.code, f.prefecture, f.table_type, f.category, f.monthly_claims, f.closed_on, f.initial_state as state,
         '-infinity'::date as on_date
       from facilities f where ${inSlices("f")}
         and exists (select 1 from status_events e where e.facility_code = f.code)
       union all
       select f.code, f.prefecture, f.table_type, f.category, f.monthly_claims, f.closed_on, e.state, e.effective_on
       from status_events e join facilities f on f.code = e.facility_code where ${inSlices("f")}
     ),
     steps as (
       select m.*, lead(m.on_date) over (partition by m.code order by m.on_date, m.state) as end_on from marks m
     ),`;
  // Each step of theirs, cut short by a closing date (the closing's own interval is counted below).
  const movedIntervals = sql`select s.prefecture, s.table_type, s.category, s.state, s.on_date as start_on,
              case when s.closed_on is not null and (s.end_on is null or s.end_on > s.closed_on) then s.closed_on
                else s.end_on end as end_on,
              1 as n, coalesce(s.monthly_claims, 0)::bigint as claims
       from steps s where s.closed_on is null or s.on_date < s.closed_on
       union all`;
  // JIT compiling this one-off statement costs more than it saves (national history); the caller's
  // setting is put back after it.
  await withSetting(tx, "jit", "off", () =>
    tx.query(sql`with points as (
       select p.d from (
         select (date_trunc('month', m) + interval '1 month - 1 day')::date as d
         from generate_series(${HISTORY_START}::date, ${through}::date, interval '1 month') m
       ) p where p.d <= ${through}::date
     ),
     bounds as (select min(d) as first_d, max(d) as last_d from points),
     ${moved ? historySteps : sql``}
     -- Facilities without events, alike ones together (after a first list, that is every facility).
     unmoved as (
       select f.prefecture, f.table_type, f.category, f.initial_state, f.closed_on, count(*)::int as n,
         sum(coalesce(f.monthly_claims, 0))::bigint as claims
       from facilities f where ${inSlices("f")}
         ${moved ? sql`and not exists (select 1 from status_events e where e.facility_code = f.code)` : sql``}
       group by f.prefecture, f.table_type, f.category, f.initial_state, f.closed_on
     ),
     -- n facilities (with their claims) at one state from start_on until end_on (null: still so).
     intervals as (
       ${moved ? movedIntervals : sql``}
       select u.prefecture, u.table_type, u.category, u.initial_state as state, '-infinity'::date as start_on,
         u.closed_on as end_on, u.n, u.claims from unmoved u
       union all
       ${
         moved
           ? sql`select f.prefecture, f.table_type, f.category, 'closed'::facility_state, f.closed_on, null,
                count(*)::int, sum(coalesce(f.monthly_claims, 0))::bigint
              from facilities f where f.closed_on is not null and ${inSlices("f")}
              group by f.prefecture, f.table_type, f.category, f.closed_on`
           : sql`select u.prefecture, u.table_type, u.category, 'closed'::facility_state, u.closed_on, null,
                u.n, u.claims
              from unmoved u where u.closed_on is not null`
       }
     ),
     deltas as (
       select i.prefecture, i.table_type, i.category, i.state, i.start_on as on_date, i.n as delta, i.claims
       from intervals i
       union all
       select i.prefecture, i.table_type, i.category, i.state, i.end_on, -i.n, -i.claims from intervals i
       where i.end_on is not null
     ),
     -- The change at each month end (a change between two month ends shows at the later one) …
     changes as (
       select greatest(b.first_d, (date_trunc('month', d.on_date::timestamp) + interval '1 month - 1 day')::date) as d,
              d.prefecture, d.table_type, d.category, d.state, sum(d.delta)::int as delta,
                sum(d.claims)::bigint as claims
       from deltas d cross join bounds b
       where d.on_date <= b.last_d
       group by 1, 2, 3, 4, 5
     ),
     -- … summed along each slice's month ends, each sum holding until the month end of the next change.
     running as (
       select c.d, c.prefecture, c.table_type, c.category, c.state, lead(c.d) over w as next_d,
              sum(c.delta) over w as facilities, sum(c.claims) over w as claims
       from changes c
       window w as (partition by c.prefecture collate "C", c.table_type, c.category, c.state order by c.d)
     )
     insert into monthly_summary (month_end, prefecture, table_type, category, state, facilities, claims)
     select (m + interval '1 month - 1 day')::date, r.prefecture, r.table_type, r.category, r.state, r.facilities,
       r.claims
     from running r cross join bounds b
     cross join lateral generate_series(
       date_trunc('month', r.d::timestamp),
       case when r.next_d is null then date_trunc('month', b.last_d::timestamp)
         else date_trunc('month', r.next_d::timestamp) - interval '1 month' end,
       interval '1 month'
     ) m
     where r.facilities <> 0`),
  );
  // The claims summary has the same slices and changes with the same writes (a list may move a facility to
  // another category); it is rebuilt here, under the same turn, so no writer can forget it.
  await refreshClaimsSummary(tx, only);
  await tx.query(sql`insert into summary_state (id, computed_through, refreshed_at) values (1, ${through}::date, now())
     on conflict (id) do update
       set computed_through = excluded.computed_through, refreshed_at = excluded.refreshed_at`);
}
