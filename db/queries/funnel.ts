import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./progress";
import type { Scope } from "../../lib/scope";
import { LADDER, type LadderState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";

export interface FunnelStep {
  state: LadderState;
  /** Facilities that reached this step (started there or moved to it) by the date. */
  reached: number;
  /** Of those, the ones that went further (to any later step). */
  movedOn: number;
  moveOnRate: number;
  /** Median days from reaching this step to reaching the next one reached; null without dated pairs. */
  medianDays: number | null;
}

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
        steps as (
          select 'optical_disk'::facility_state as state, true as reached, null::date as first_on, least(d1, d2, d3, d4) as next_on from firsts
          union all select 'deferred', d1 is not null, d1, least(d2, d3, d4) from firsts
          union all select 'applied', d2 is not null, d2, least(d3, d4) from firsts
          union all select 'certificate_issued', d3 is not null, d3, d4 from firsts
          union all select 'online', d4 is not null, d4, null from firsts
        )
        select state, (count(*) filter (where reached))::int as reached,
               (count(*) filter (where reached and next_on is not null))::int as moved_on,
               percentile_cont(0.5) within group (order by next_on - first_on)
                 filter (where reached and next_on >= first_on) as median_days
        from steps group by state`,
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
