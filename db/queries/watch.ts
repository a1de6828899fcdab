import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { stillToMove } from "./still-to-move";
import { HISTORY_START } from "../../lib/progress/history";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import type { RegressionCounts, RegressionEvent } from "../../lib/figures/types";

export interface WatchFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

export { CERTIFICATE_HORIZON_DAYS, certificateWatch } from "./certificate-watch";

/**
 * Steps from online back to a lower state (a backward event whose state before was online) since the
 * history's start (January 2023, the payers' baseline), up to the date when one is given, within the scope and
 * filter. Only the facilities with such a step in that span have their events read: the partial index on
 * backward events is by date, so steps before 2023 (however many a long history holds) cost nothing.
 */
function regressionSteps(scope: Scope, filter: Omit<WatchFilter, "asOf">, upTo?: string) {
  const start = sql`${HISTORY_START}::date`;
  const until = (column: SQL) => (upTo ? sql`${column} <= ${upTo}::date` : sql`true`);
  return sql`select s.* from (
      select e.facility_code, e.effective_on, e.state, e.note,
             coalesce(lag(e.state) over w, f.initial_state) as before
      from status_events e join facilities f on f.code = e.facility_code
      -- As an array: the facilities are then probed by key, not hashed against a scan of every facility.
      where e.facility_code = any(array(
          select distinct facility_code from status_events
          where backward and effective_on >= ${start} and ${until(sql`effective_on`)}))
        and ${facilityFilter(scope, filter)}
      window w as (partition by e.facility_code order by e.effective_on, e.state)
    ) s
    where s.before = 'online' and s.state not in ('online', 'closed') and s.effective_on >= ${start}
      and ${until(sql`s.effective_on`)}`;
}

/**
 * The day of every step back from online since the history's start, up to any date (oldest first): a step's
 * state before it is the event before it, whatever date is asked, so the list holds for every date of this data.
 */
export async function regressionDays(db: Db, scope: Scope, filter: Omit<WatchFilter, "asOf">): Promise<string[]> {
  const { prefecture, tableType, category } = filter;
  const rows = await queryRows<{ day: string }>(
    db,
    sql`select x.effective_on::text as day from (${regressionSteps(scope, { prefecture, tableType, category })}) x
        order by 1`,
  );
  return rows.map((r) => r.day);
}

/** This month's and all steps back from online on the date (from regressionDays), with the still-off count. */
export function regressionCountsOn(days: readonly string[], asOf: string, stillOff: number): RegressionCounts {
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const upTo = days.filter((d) => d <= asOf);
  return { thisMonth: upTo.filter((d) => d >= monthStart).length, sinceStart: upTo.length, stillOff };
}

/**
 * The regression counts on the date: the steps back from online since the start and this month, and the
 * facilities still back below online that had been online (the follow-up list's regression alert: those still to
 * move on the date that had been online by it, counted with the other still-to-move figures).
 */
export async function regressionCounts(db: Db, scope: Scope, filter: WatchFilter): Promise<RegressionCounts> {
  const [days, still] = await Promise.all([regressionDays(db, scope, filter), stillToMove(db, scope, filter)]);
  return regressionCountsOn(days, filter.asOf, still.stillOff);
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
        from (${regressionSteps(scope, filter, filter.asOf)}) x
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
