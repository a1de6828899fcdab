import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts } from "./alert-sql";
import { facilityFilter } from "./scope";
import { addDays, monthEnd } from "../../lib/dates";
import { DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/catalogue";
import { HISTORY_START } from "../../lib/progress/history";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import type { CertificateWatch, ExpiringMonth, RegressionCounts, RegressionEvent } from "../../lib/figures/types";

export interface WatchFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/** Days ahead the overview looks for lapsing certificates (the certificate_expiring window). */
export const CERTIFICATE_HORIZON_DAYS = DEFAULT_ALERT_SETTINGS.certificateExpiringDays;

/**
 * Certificates lapsing within the next 90 days, by the month the facility's certificate_expiring alert
 * falls due, and those already lapsed: counted over the same SQL as the follow-up list, so each figure
 * is the total of the list it links to (alert + due range).
 */
export async function certificateWatch(db: Db, scope: Scope, filter: WatchFilter): Promise<CertificateWatch> {
  const rows = await queryRows<{ month: string | null; n: number; expired: number }>(
    db,
    sql`select to_char(d_certificate_expiring, 'YYYY-MM') as month,
          count(*) filter (where d_certificate_expiring is not null)::int as n,
               count(*) filter (where d_certificate_expired is not null)::int as expired
        from ${alertFacts(filter.asOf, facilityFilter(scope, filter))} r
        where d_certificate_expiring is not null or d_certificate_expired is not null
        group by 1 order by 1 nulls first`,
  );
  const horizon = addDays(filter.asOf, CERTIFICATE_HORIZON_DAYS);
  const months: ExpiringMonth[] = [];
  for (let from = filter.asOf; from <= horizon; from = addDays(monthEnd(from), 1)) {
    const month = from.slice(0, 7);
    const until = monthEnd(from) < horizon ? monthEnd(from) : horizon;
    months.push({ month, facilities: rows.find((r) => r.month === month)?.n ?? 0, dueFrom: from, dueBefore: until });
  }
  return { months, expired: rows.reduce((sum, r) => sum + Number(r.expired), 0) };
}

/**
 * Steps from online back to a lower state (a backward event whose state before was online) since the
 * history's start (January 2023, the payers' baseline) up to the date, within the scope and filter. Only
 * the facilities with such a step in that span have their events read: the partial index on backward
 * events is by date, so steps before 2023 (however many a long history holds) cost nothing.
 */
function regressionSteps(scope: Scope, filter: WatchFilter) {
  const a = sql`${filter.asOf}::date`;
  const start = sql`${HISTORY_START}::date`;
  return sql`select s.* from (
      select e.facility_code, e.effective_on, e.state, e.note,
             coalesce(lag(e.state) over w, f.initial_state) as before
      from status_events e join facilities f on f.code = e.facility_code
      -- As an array: the facilities are then probed by key, not hashed against a scan of every facility.
      where e.facility_code = any(array(
          select distinct facility_code from status_events
          where backward and effective_on >= ${start} and effective_on <= ${a}))
        and ${facilityFilter(scope, filter)}
      window w as (partition by e.facility_code order by e.effective_on, e.state)
    ) s
    where s.before = 'online' and s.state not in ('online', 'closed') and s.effective_on >= ${start}
      and s.effective_on <= ${a}`;
}

export async function regressionCounts(db: Db, scope: Scope, filter: WatchFilter): Promise<RegressionCounts> {
  const monthStart = `${filter.asOf.slice(0, 7)}-01`;
  const [row] = await queryRows<{ month: number; all: number }>(
    db,
    sql`select count(*) filter (where effective_on >= ${monthStart}::date)::int as month, count(*)::int as all
        from (${regressionSteps(scope, filter)}) x`,
  );
  // The follow-up list's own SQL, over the facilities that had been online by the date (the regression
  // rule's condition, and a small part of those not online): each facility's alerts are its own, so leaving
  // the others out changes no count.
  const wasOnline = sql`(f.initial_state = 'online' or f.first_online_on <= ${filter.asOf}::date)`;
  const [still] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n
        from ${alertFacts(filter.asOf, sql`${facilityFilter(scope, filter)} and ${wasOnline}`)} r
        where d_regression is not null`,
  );
  return { thisMonth: Number(row?.month ?? 0), sinceStart: Number(row?.all ?? 0), stillOff: Number(still?.n ?? 0) };
}

/**
 * The regression steps, newest first (bounded: the first `limit`), with the payer's note and the first contact after.
 */
export async function listRegressions(
  db: Db,
  scope: Scope,
  filter: WatchFilter & { from?: string },
  limit = 500,
): Promise<RegressionEvent[]> {
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select x.facility_code as code, f.name, f.prefecture, x.effective_on::text as "leftOn", x.state::text as state,
               (select min(o.effective_on)::text from status_events o
                 where o.facility_code = x.facility_code and o.state = 'online' and o.effective_on > x.effective_on
                   and o.effective_on <= ${filter.asOf}::date) as "backOn",
               x.note, c.contacted_on::text as "contactOn", c.note as "contactNote"
        from (${regressionSteps(scope, filter)}) x
        join facilities f on f.code = x.facility_code
        left join lateral (
          select c.contacted_on, c.note from contacts c
          where c.facility_code = x.facility_code and c.contacted_on >= x.effective_on
            and c.contacted_on <= ${filter.asOf}::date
            and c.note is not null
          order by c.contacted_on, c.id limit 1
        ) c on true
        where ${filter.from ? sql`x.effective_on >= ${filter.from}::date` : sql`true`}
        order by x.effective_on desc, x.facility_code
        limit ${limit}`,
  );
  return rows as unknown as RegressionEvent[];
}
