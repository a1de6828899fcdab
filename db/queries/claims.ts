import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
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
    sql`select to_char(s.month, 'YYYY-MM') as month, sum(s.claims)::float8 as total,
          sum(s.online_claims)::float8 as online
        from claims_summary s
        where s.month between ${`${fromMonth}-01`}::date and ${`${toMonth}-01`}::date
          and ${facilityFilter(scope, filter, sql`s`)}
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
  const [month, previous] = monthAndPrevious(filter.asOf);
  // Both months in one read of the summary (a few hundred rows at most); the month of asOf wins when it has any.
  const rows = await queryRows<ReportedClaimsCube["rows"][number] & { month: string }>(
    db,
    sql`select to_char(s.month, 'YYYY-MM') as month, s.prefecture, s.table_type::text, s.category::text,
               s.claims::float8 as total, s.online_claims::float8 as online
        from claims_summary s
        where s.month in (${`${month}-01`}::date, ${`${previous}-01`}::date)
          and ${facilityFilter(scope, filter, sql`s`)}`,
  );
  for (const m of [month, previous]) {
    const of = rows.filter((r) => r.month === m);
    if (of.length === 0) continue;
    return {
      month: m,
      rows: of.map((r) => ({
        prefecture: r.prefecture,
        table_type: r.table_type,
        category: r.category,
        total: Number(r.total),
        online: Number(r.online),
      })),
    };
  }
  return null;
}
