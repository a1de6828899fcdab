import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { readWithoutJit } from "./on-date";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import type { ReportedClaimsCube } from "../../lib/progress/types";
import { rate } from "../../lib/progress/fold";
import type { ReportedClaims } from "../../lib/figures/types";

type Filter = { prefecture?: string; tableType?: TableType; category?: Category };

/**
 * The reported claims by month ('YYYY-MM') from `fromMonth` through `toMonth`, within the scope, over the
 * facilities the filter selects. Counts are facts of their month (the payers' own), so a past month reads
 * the same whatever has happened since.
 */
export async function reportedClaimsByMonth(
  db: Db,
  scope: Scope,
  filter: Filter,
  fromMonth: string,
  toMonth: string,
): Promise<Map<string, ReportedClaims>> {
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
      return [r.month, { month: r.month, total, online, onlineRate: rate(online, total) }];
    }),
  );
}

/** 'YYYY-MM' of a date, and of the month before it. */
function monthAndPrevious(asOf: string): [string, string] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  return [asOf.slice(0, 7), prev];
}

/**
 * The payers' reported claims behind the group tables on a date: those of the month of `asOf` when any
 * were imported for it (within the scope and filters), else those of the month before (the payers report a
 * month after it ends, so today's month is not in yet); null when neither month has any, and the tables
 * keep the estimate from the facilities' listed volumes. Older months are not used: a share from a year
 * ago would be shown as today's.
 */
export async function reportedClaimsCube(
  db: Db,
  scope: Scope,
  filter: Filter & { asOf: string },
): Promise<ReportedClaimsCube | null> {
  const within = facilityFilter(scope, filter);
  for (const month of monthAndPrevious(filter.asOf)) {
    const first = sql`${`${month}-01`}::date`;
    // A probe first (it stops at the first count): the month of asOf usually has none yet.
    const [any] = await queryRows<{ found: boolean }>(
      db,
      sql`select exists (select 1 from monthly_claims m join facilities f on f.code = m.facility_code where m.month = ${first} and ${within}) as found`,
    );
    if (!any?.found) continue;
    const rows = await readWithoutJit<ReportedClaimsCube["rows"][number]>(
      db,
      sql`select f.prefecture, f.table_type::text, f.category::text, sum(m.claims)::float8 as total, sum(m.online_claims)::float8 as online
          from monthly_claims m join facilities f on f.code = m.facility_code
          where m.month = ${first} and ${within}
          group by f.prefecture, f.table_type, f.category`,
    );
    return { month, rows: rows.map((r) => ({ ...r, total: Number(r.total), online: Number(r.online) })) };
  }
  return null;
}
