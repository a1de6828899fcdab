import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter, notOnlineOn } from "./progress";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export interface DeferralFigures {
  /** Filings in force for active facilities not yet online on the date. */
  inForce: number;
  reasons: Record<string, number>;
  transitionalSub: Record<string, number>;
  readiness: Record<string, number>;
  network: Record<string, number>;
  rececom: Record<string, number>;
  /** How many deferrals end in each month from the date on ('YYYY-MM' → count). */
  endingByMonth: { month: string; count: number }[];
}

type Filter = { asOf: string; prefecture?: string; tableType?: TableType; category?: Category };

/** What the filings in force say, for facilities still to move (state on the date below online, not closed). */
export async function deferralFigures(db: Db, scope: Scope, filter: Filter): Promise<DeferralFigures> {
  const rows = await queryRows<{ dim: string; key: string | null; n: number }>(
    db,
    sql`with open as (
          select g.* from filings g
          join facilities f on f.code = g.facility_code
          where g.in_force and g.filed_on <= ${filter.asOf}::date and ${facilityFilter(scope, filter)}
            and (f.closed_on is null or f.closed_on > ${filter.asOf}::date)
            and ${notOnlineOn(filter.asOf)}
        )
        select 'reason' as dim, reason as key, count(*)::int as n from open group by 2
        union all select 'sub', reason_sub::text, count(*)::int from open where reason = 'transitional' group by 2
        union all select 'readiness', readiness, count(*)::int from open group by 2
        union all select 'network', network, count(*)::int from open group by 2
        union all select 'rececom', rececom, count(*)::int from open where rececom is not null group by 2
        union all select 'ending', to_char(deferral_until, 'YYYY-MM'), count(*)::int from open where deferral_until >= ${filter.asOf}::date group by 2`,
  );
  const pick = (dim: string) => Object.fromEntries(rows.filter((r) => r.dim === dim).map((r) => [r.key ?? "", r.n]));
  const reasons = pick("reason");
  return {
    inForce: Object.values(reasons).reduce((a, b) => a + b, 0),
    reasons,
    transitionalSub: pick("sub"),
    readiness: pick("readiness"),
    network: pick("network"),
    rececom: pick("rececom"),
    endingByMonth: rows
      .filter((r) => r.dim === "ending")
      .map((r) => ({ month: r.key ?? "", count: r.n }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}
