import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter, notOnlineOn } from "./progress";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export interface PlanForecast {
  /** Active facilities not online on the date. */
  remaining: number;
  /** Of those, with a plan date still ahead, by plan month ('YYYY-MM'). */
  plannedByMonth: { month: string; count: number }[];
  /** Plan date passed without going online. */
  slipped: number;
  /** No filing in force to take a plan from. */
  withoutPlan: number;
  /** The first few slipped facilities, latest plan first, for the list beside the chart. */
  slippedSample: { code: string; name: string; prefecture: string; planOn: string; status: string }[];
}

type Filter = { asOf: string; prefecture?: string; tableType?: TableType; category?: Category };

/**
 * The plan date of a filing (⑦): ア end of December of the filing year, イ end of March and ウ end of
 * September of the next year, エ the date given (else the end of the deferral).
 */
export const PLAN_DATE = sql`case g.readiness
    when 'december' then make_date(extract(year from g.filed_on)::int, 12, 31)
    when 'march' then make_date(extract(year from g.filed_on)::int + 1, 3, 31)
    when 'september' then make_date(extract(year from g.filed_on)::int + 1, 9, 30)
    else coalesce(g.readiness_date, g.deferral_until) end`;

/** "If every facility keeps its filed plan": who is still to come online, when they said they would, who slipped. */
export async function planForecast(db: Db, scope: Scope, filter: Filter, sampleSize = 20): Promise<PlanForecast> {
  const remainingWhere = sql`${facilityFilter(scope, filter)}
    and (f.closed_on is null or f.closed_on > ${filter.asOf}::date)
    and ${notOnlineOn(filter.asOf)}`;
  const plans = sql`select f.code, f.name, f.prefecture, f.status::text as status, ${PLAN_DATE} as plan_on
    from facilities f
    left join filings g on g.facility_code = f.code and g.in_force and g.filed_on <= ${filter.asOf}::date
    where ${remainingWhere}`;
  const [byMonth, sample] = await Promise.all([
    queryRows<{ month: string | null; slipped: boolean; n: number }>(
      db,
      sql`select to_char(p.plan_on, 'YYYY-MM') as month, (p.plan_on < ${filter.asOf}::date) as slipped, count(*)::int as n
          from (${plans}) p group by 1, 2`,
    ),
    queryRows<{ code: string; name: string; prefecture: string; plan_on: string; status: string }>(
      db,
      sql`select p.code, p.name, p.prefecture, p.plan_on::text, p.status from (${plans}) p
          where p.plan_on < ${filter.asOf}::date order by p.plan_on desc, p.code limit ${sampleSize}`,
    ),
  ]);
  let slipped = 0;
  let withoutPlan = 0;
  let remaining = 0;
  const planned: { month: string; count: number }[] = [];
  for (const r of byMonth) {
    remaining += r.n;
    if (r.month === null) withoutPlan += r.n;
    else if (r.slipped) slipped += r.n;
    else planned.push({ month: r.month, count: r.n });
  }
  planned.sort((a, b) => a.month.localeCompare(b.month));
  return {
    remaining,
    plannedByMonth: planned,
    slipped,
    withoutPlan,
    slippedSample: sample.map((s) => ({ code: s.code, name: s.name, prefecture: s.prefecture, planOn: s.plan_on, status: s.status })),
  };
}
