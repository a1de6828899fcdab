import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../client";
import { facilityFilter } from "../scope";
import { NOT_YET_ONLINE, PLAN_DATE, readWithoutJit, filingOn, statesOn } from "../on-date";
import { deferralKey, deferralPopulation, planKey } from "../figure-filter";
import { normalizeContractorName } from "../../../lib/contractors";
import { LADDER, type LadderState } from "../../../lib/states";
import type { DeferralDim, DeferralFigures } from "../../../lib/figure-filter";
import type { FunnelStep, PlanForecast } from "../../../lib/figures/types";
import type { Scope } from "../../../lib/scope";
import type { Category, TableType } from "../../../lib/table-types";

/**
 * For tests only: the deferral, plan and funnel figures as they were computed before they were kept per data
 * version and folded for a date (one statement per figure over every facility, on the date), word for word.
 * figures-kept.test.ts holds the figures of today's code equal to these.
 */

type Filter = { asOf: string; prefecture?: string; tableType?: TableType; category?: Category };

const DIMS: { dim: DeferralDim; out: keyof DeferralFigures }[] = [
  { dim: "reason", out: "reasons" },
  { dim: "reasonSub", out: "transitionalSub" },
  { dim: "readiness", out: "readiness" },
  { dim: "network", out: "network" },
  { dim: "rececom", out: "rececom" },
  { dim: "usageApplied", out: "usageApplied" },
  { dim: "certApplied", out: "certApplied" },
  { dim: "deferralEnds", out: "endingByMonth" },
  { dim: "contractor", out: "contractors" },
];

export async function previousDeferralFigures(db: Db, scope: Scope, filter: Filter): Promise<DeferralFigures> {
  const { asOf } = filter;
  // One pass over the open filings with a grouping set per figure (and the empty set for the lapsed count):
  // ten scans of a materialised CTE, one per figure, took most of the national as-of time.
  const id = (dim: DeferralDim) => sql.identifier(dim);
  const grouped = await readWithoutJit<{ dim: string | null; key: string | null; n: number; lapsed: number }>(
    db,
    sql`select case ${sql.join(
      DIMS.map(({ dim }) => sql`when grouping(${id(dim)}) = 0 then ${dim}`),
      sql` `,
    )} end as dim,
               case ${sql.join(
                 DIMS.map(({ dim }) => sql`when grouping(${id(dim)}) = 0 then ${id(dim)}::text`),
                 sql` `,
               )} end as key,
               (count(*) filter (where in_force))::int as n, (count(*) filter (where lapsed))::int as lapsed
        from (
          select ${sql.join(
            DIMS.map(({ dim }) => sql`${deferralKey(dim, asOf)} as ${id(dim)}`),
            sql`, `,
          )},
                 (${deferralPopulation(asOf)}) as in_force, (${deferralPopulation(asOf, "lapsed")}) as lapsed
          from ${statesOn(asOf, NOT_YET_ONLINE, facilityFilter(scope, filter))} f
          ${filingOn(asOf, sql`f.code`)}
          where g.facility_code is not null
        ) open
        group by grouping sets (${sql.join(
          DIMS.map(({ dim }) => sql`(${id(dim)})`),
          sql`, `,
        )}, ())`,
  );
  const lapsed = grouped.find((r) => r.dim === null)?.lapsed ?? 0;
  const rows = grouped.filter((r) => r.dim !== null && r.key !== null && r.n > 0);
  const pick = (dim: string) => Object.fromEntries(rows.filter((r) => r.dim === dim).map((r) => [r.key ?? "", r.n]));
  const reasons = pick("reason");
  const contractors = new Map<string, { key: string; name: string; count: number; top: number }>();
  for (const r of rows.filter((row) => row.dim === "contractor" && row.key)) {
    const key = normalizeContractorName(r.key!);
    const seen = contractors.get(key) ?? { key, name: r.key!, count: 0, top: 0 };
    seen.count += r.n;
    // The spelling most filings use names the group.
    if (r.n > seen.top) Object.assign(seen, { name: r.key!, top: r.n });
    contractors.set(key, seen);
  }
  return {
    asOf,
    inForce: Object.values(reasons).reduce((a, b) => a + b, 0),
    lapsed,
    reasons,
    transitionalSub: pick("reasonSub"),
    readiness: pick("readiness"),
    network: pick("network"),
    rececom: pick("rececom"),
    usageApplied: pick("usageApplied"),
    certApplied: pick("certApplied"),
    contractors: [...contractors.values()]
      .filter((c) => c.key !== "")
      .map(({ key, name, count }) => ({ key, name, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    endingByMonth: Object.entries(pick("deferralEnds"))
      .map(([month, count]) => ({ month, count }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}

export async function previousPlanForecast(
  db: Db,
  scope: Scope,
  filter: Filter,
  sampleSize = 20,
): Promise<PlanForecast> {
  const { asOf } = filter;
  const plans = sql`select f.code, f.name, f.prefecture, f.st::text as status, ${PLAN_DATE} as plan_on,
                      ${planKey(asOf)} as bucket
    from ${statesOn(asOf, NOT_YET_ONLINE, facilityFilter(scope, filter))} f
    ${filingOn(asOf, sql`f.code`)}`;
  const [byBucket, sample] = await Promise.all([
    readWithoutJit<{ bucket: string; n: number }>(
      db,
      sql`select p.bucket, count(*)::int as n from (${plans}) p group by 1`,
    ),
    readWithoutJit<{ code: string; name: string; prefecture: string; plan_on: string; status: string }>(
      db,
      sql`select p.code, p.name, p.prefecture, p.plan_on::text, p.status from (${plans}) p
          where p.bucket = 'slipped' order by p.plan_on desc, p.code limit ${sampleSize}`,
    ),
  ]);
  let slipped = 0;
  let withoutPlan = 0;
  let remaining = 0;
  const planned: { month: string; count: number }[] = [];
  for (const r of byBucket) {
    remaining += r.n;
    if (r.bucket === "none") withoutPlan += r.n;
    else if (r.bucket === "slipped") slipped += r.n;
    else planned.push({ month: r.bucket, count: r.n });
  }
  planned.sort((a, b) => a.month.localeCompare(b.month));
  return {
    asOf,
    remaining,
    plannedByMonth: planned,
    slipped,
    withoutPlan,
    slippedSample: sample.map((s) => ({
      code: s.code,
      name: s.name,
      prefecture: s.prefecture,
      planOn: s.plan_on,
      status: s.status,
    })),
  };
}

export async function previousFunnel(
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
