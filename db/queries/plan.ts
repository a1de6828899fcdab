import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { facilityFilter } from "./scope";
import { NOT_YET_ONLINE, readWithoutJit, PLAN_DATE, filingOn, statesOn } from "./on-date";
import { planKey } from "./figure-filter";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import type { PlanForecast } from "../../lib/figures/types";

export { PLAN_DATE } from "./on-date";

type Filter = { asOf: string; prefecture?: string; tableType?: TableType; category?: Category };

/**
 * "If every facility keeps its filed plan": who is still to come online on the date, when the latest
 * filing filed by then said they would, and who slipped. The buckets are the facility list's `plan` filter.
 */
export async function planForecast(db: Db, scope: Scope, filter: Filter, sampleSize = 20): Promise<PlanForecast> {
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
