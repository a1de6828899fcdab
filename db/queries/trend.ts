import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./progress";
import type { Scope } from "../../lib/scope";
import { emptyCounts, type EventState, type LadderState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";

export interface TrendPoint {
  /** The last day of the month (or the as-of date for the current month). */
  date: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
}

/** The first point on or after a day: its month end, or the last point; none when after the range. */
function bucket(day: SQL, to: string): SQL {
  return sql`case when ${day} > ${to}::date then null
    else greatest((select d from first_point), least((date_trunc('month', ${day}) + interval '1 month - 1 day')::date, ${to}::date)) end`;
}

/**
 * Counts by state at the end of every month from `from` to `to`, exact from the event history.
 * Each facility's history is a run of intervals [from, to) at one state; an interval adds one to its
 * state at the first month end it covers and takes it away at the first month end after it ends, so the
 * cost grows with the number of events, not with events × months.
 */
export async function monthlyTrend(
  db: Db,
  scope: Scope,
  filter: { from: string; to: string; prefecture?: string; tableType?: TableType; category?: Category },
): Promise<TrendPoint[]> {
  const where = facilityFilter(scope, filter);
  const rows = await queryRows<{ date: string; state: EventState; n: number }>(
    db,
    sql`with points as (
          select least((date_trunc('month', m) + interval '1 month - 1 day')::date, ${filter.to}::date) as d
          from generate_series(date_trunc('month', ${filter.from}::date), ${filter.to}::date, interval '1 month') m
        ),
        scoped as (select f.code, f.initial_state, f.closed_on from facilities f where ${where}),
        steps as (
          select s.code, e.state, e.effective_on as start_on,
                 lead(e.effective_on) over (partition by s.code order by e.effective_on, e.state) as end_on
          from scoped s join status_events e on e.facility_code = s.code
          union all
          select s.code, s.initial_state, '-infinity'::date,
                 (select min(e.effective_on) from status_events e where e.facility_code = s.code)
          from scoped s
        ),
        clipped as (
          select st.state, st.start_on,
                 case when sc.closed_on is not null and (st.end_on is null or st.end_on > sc.closed_on) then sc.closed_on else st.end_on end as end_on
          from steps st join scoped sc on sc.code = st.code
          where sc.closed_on is null or st.start_on < sc.closed_on
          union all
          select 'closed'::facility_state, sc.closed_on, null from scoped sc where sc.closed_on is not null
        ),
        first_point as (select min(d) as d from points),
        deltas as (
          select c.state, ${bucket(sql`c.start_on`, filter.to)} as d, 1 as delta from clipped c
          union all
          select c.state, ${bucket(sql`c.end_on`, filter.to)}, -1 from clipped c where c.end_on is not null
        ),
        per_point as (select d, state, sum(delta)::int as delta from deltas where d is not null group by d, state)
        select p.d::text as date, s.state, coalesce(sum(pp.delta) over (partition by s.state order by p.d), 0)::int as n
        from points p
        cross join (select unnest(enum_range(null::facility_state)) as state) s
        left join per_point pp on pp.d = p.d and pp.state = s.state
        order by p.d`,
  );
  const byDate = new Map<string, TrendPoint>();
  for (const row of rows) {
    let point = byDate.get(row.date);
    if (!point) byDate.set(row.date, (point = { date: row.date, total: 0, closed: 0, counts: emptyCounts(), onlineRate: 0 }));
    if (row.state === "closed") point.closed = row.n;
    else {
      point.counts[row.state] = row.n;
      point.total += row.n;
    }
  }
  const points = [...byDate.values()];
  for (const p of points) p.onlineRate = p.total === 0 ? 0 : p.counts.online / p.total;
  return points;
}
