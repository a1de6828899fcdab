import { sql, type SQL } from "drizzle-orm";
import { driverName, queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { EVENT_STATES, type EventState } from "../../lib/states";

/** States the caller chose from the enum, written as constants so that the partial state index can serve them. */
function stateList(states: readonly EventState[]): SQL {
  return sql.raw(
    EVENT_STATES.filter((s) => states.includes(s))
      .map((s) => `'${s}'::facility_state`)
      .join(", "),
  );
}

/**
 * Rows (every facilities column, plus st and st_since) for the facilities matching `where` (over `facilities f`) whose
 * state on the date is one of `states`, by the progress figures' rule: closed from its closing day; else the latest
 * event on or before the date (for one day the furthest state), else the starting state. Two disjoint
 * halves, each served by its index: the facilities not moved since the date (the maintained status is the
 * answer) and those that moved after it (one index probe into their events each). Callers alias the result
 * `f`, so that conditions on `facilities f` read the same on it.
 */
export function statesOn(asOf: string, states: readonly EventState[], where: SQL): SQL {
  const a = sql`${asOf}::date`;
  const closedBy = sql`f.closed_on <= ${a}`;
  const list = stateList(states);
  const settled = states.includes("closed")
    ? sql`(${closedBy} or f.status in (${list}))`
    : sql`f.status in (${list}) and (f.closed_on is null or f.closed_on > ${a})`;
  return sql`(
    select f.*, case when ${closedBy} then 'closed'::facility_state else f.status end as st,
           case when ${closedBy} then f.closed_on else f.status_since end as st_since
    from facilities f
    where ${where} and (f.status_since is null or f.status_since <= ${a}) and ${settled}
    union all
    select m.* from (
      select f.*,
             case when ${closedBy} then 'closed'::facility_state else coalesce(e.state, f.initial_state) end as st,
             case when ${closedBy} then f.closed_on else e.effective_on end as st_since
      from facilities f
      ${latestEventOn(asOf, "e")}
      where ${where} and f.status_since > ${a}
    ) m where m.st in (${list})
  )`;
}

/**
 * `left join lateral … <alias>`: the facility f's latest event on or before the date (for one day the
 * furthest state), one index probe into its events; `<alias>.state` is null when it has none by then.
 */
export function latestEventOn(asOf: string, alias: "e" | "ev"): SQL {
  return sql`left join lateral (
    select e.state, e.effective_on from status_events e
    where e.facility_code = f.code and e.effective_on <= ${asOf}::date
    order by e.effective_on desc nulls first, e.state desc nulls first limit 1
  ) ${sql.raw(alias)} on true`;
}

/** The ladder below online: a facility "still to move" on a date is in one of these. */
export const NOT_YET_ONLINE: readonly EventState[] = ["optical_disk", "deferred", "applied", "certificate_issued"];

/**
 * `left join lateral … g`: the filing that speaks for the facility `code` on the date: its latest filing
 * filed on or before the date (a later filing supersedes it only from its own filing day). Its period runs
 * from `filed_on` to `deferral_until`; `g.facility_code` is null when there is none.
 */
export function filingOn(asOf: string, code: SQL): SQL {
  return sql`left join lateral (
    select g.* from filings g where g.facility_code = ${code} and g.filed_on <= ${asOf}::date
    order by g.filed_on desc limit 1
  ) g on true`;
}

/**
 * The plan date of a filing (⑦): ア end of December of the filing year, イ end of March and ウ end of
 * September of the next year, エ the date given (else the end of the deferral).
 */
export const PLAN_DATE = sql`case g.readiness
    when 'december' then make_date(extract(year from g.filed_on)::int, 12, 31)
    when 'march' then make_date(extract(year from g.filed_on)::int + 1, 3, 31)
    when 'september' then make_date(extract(year from g.filed_on)::int + 1, 9, 30)
    else coalesce(g.readiness_date, g.deferral_until) end`;

/**
 * Rows of a read-only aggregate without PostgreSQL's JIT: the national as-of statements cross its cost
 * threshold and spent more time compiling than running.
 */
export async function readWithoutJit<T>(db: Db, query: SQL): Promise<T[]> {
  if (driverName() !== "postgres") return queryRows<T>(db, query);
  return withTransaction((tx) => queryRows<T>(tx.db, query), { db, settings: { jit: "off" } });
}
