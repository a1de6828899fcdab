import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./progress";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

/** The payers' reported claims of one month: all claims and those sent online. */
export interface ReportedClaims {
  month: string;
  total: number;
  online: number;
  onlineRate: number;
}

type Filter = { prefecture?: string; tableType?: TableType; category?: Category };

/**
 * The reported claims by month ('YYYY-MM') from `fromMonth` through `toMonth`, within the scope, over the
 * facilities the filter selects. Counts are facts of their month (the payers' own), so a past month reads
 * the same whatever has happened since.
 */
export async function reportedClaimsByMonth(db: Db, scope: Scope, filter: Filter, fromMonth: string, toMonth: string): Promise<Map<string, ReportedClaims>> {
  const rows = await queryRows<{ month: string; total: number; online: number }>(
    db,
    sql`select to_char(m.month, 'YYYY-MM') as month, sum(m.claims)::float8 as total, sum(m.online_claims)::float8 as online
        from monthly_claims m join facilities f on f.code = m.facility_code
        where m.month between ${`${fromMonth}-01`}::date and ${`${toMonth}-01`}::date and ${facilityFilter(scope, filter)}
        group by 1`,
  );
  return new Map(
    rows.map((r) => {
      const total = Number(r.total);
      const online = Number(r.online);
      return [r.month, { month: r.month, total, online, onlineRate: total === 0 ? 0 : online / total }];
    }),
  );
}
