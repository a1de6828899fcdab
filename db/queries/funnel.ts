import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import type { Scope } from "../../lib/scope";
import { LADDER, type LadderState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";
import type { FunnelStep } from "../../lib/figures/types";

/**
 * The path of the facilities that started on optical disk: how many reached each step by the date, the
 * share that moved on, and how long the step took. Steps may be skipped (no certificate with a shared
 * terminal), so "moved on" means reached any later step.
 */
export async function funnel(
  db: Db,
  scope: Scope,
  filter: { asOf: string; prefecture?: string; tableType?: TableType; category?: Category },
): Promise<FunnelStep[]> {
  const rows = await queryRows<{ state: LadderState; reached: number; moved_on: number; median_days: number | null }>(
    db,
    sql`with firsts as (
          select case when f.first_deferred_on <= ${filter.asOf}::date then f.first_deferred_on end as d1,
                 case when f.first_applied_on <= ${filter.asOf}::date then f.first_applied_on end as d2,
                 case when f.first_certificate_on <= ${filter.asOf}::date then f.first_certificate_on end as d3,
                 case when f.first_online_on <= ${filter.asOf}::date then f.first_online_on end as d4
          from facilities f
          where ${facilityFilter(scope, filter)} and f.initial_state = 'optical_disk'
            and (f.closed_on is null or f.closed_on > ${filter.asOf}::date)
        ),
        -- One pass: each step's next day is the earliest later step reached (steps may be skipped).
        steps as (
          select d1, d2, d3, d4, least(d1, d2, d3, d4) as n0, least(d2, d3, d4) as n1, least(d3, d4) as n2 from firsts
        ),
        agg as (
          select count(*)::int as r0, count(n0)::int as m0,
                 count(d1)::int as r1, count(d1) filter (where n1 is not null)::int as m1,
                 percentile_cont(0.5) within group (order by n1 - d1) filter (where n1 >= d1) as med1,
                 count(d2)::int as r2, count(d2) filter (where n2 is not null)::int as m2,
                 percentile_cont(0.5) within group (order by n2 - d2) filter (where n2 >= d2) as med2,
                 count(d3)::int as r3, count(d3) filter (where d4 is not null)::int as m3,
                 percentile_cont(0.5) within group (order by d4 - d3) filter (where d4 >= d3) as med3,
                 count(d4)::int as r4
          from steps
        )
        select v.state, v.reached, v.moved_on, v.median_days from agg,
          lateral (values ('optical_disk'::text, r0, m0, null::float8), ('deferred', r1, m1, med1),
                          ('applied', r2, m2, med2), ('certificate_issued', r3, m3, med3), ('online', r4, 0, null))
                  as v(state, reached, moved_on, median_days)`,
  );
  const byState = new Map(rows.map((r) => [r.state, r]));
  return LADDER.map((state) => {
    const r = byState.get(state);
    const reached = r?.reached ?? 0;
    const movedOn = state === "online" ? 0 : (r?.moved_on ?? 0);
    return {
      state,
      reached,
      movedOn,
      moveOnRate: reached === 0 ? 0 : movedOn / reached,
      medianDays: r?.median_days == null ? null : Math.round(Number(r.median_days)),
    };
  });
}
