import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "../client";
import { arrayParam, type Tx } from "../transaction";
import { withIndexesRebuiltAfter } from "../bulk/rebuild";
import { alertFacts, alertWindowRows, dueColumn, WINDOW_COLUMNS } from "./alert-sql";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertRule } from "../../lib/alerts/rules";

/**
 * alert_windows (db/schema.ts): each facility's rules as windows of dates, kept with the data. A facility's
 * windows are valid for every date on or after its latest record (event, filing, contact or certificate);
 * for an earlier date its alerts are evaluated for that date (alertFacts). Every write to those records
 * calls refreshAlertWindows for the facilities it touched, in its own transaction, so a reader sees the
 * windows and the data of one commit.
 */

/**
 * The rules the windows are built with: a hash of their SQL and settings. Windows built with other rules
 * (an older release) are not read: every facility is then evaluated for the date until they are rebuilt,
 * which the next refresh or `npm run db:migrate` does.
 */
export const ALERT_RULES_KEY = createHash("sha256")
  .update(JSON.stringify(new PgDialect().sqlToQuery(alertWindowRows(DEFAULT_ALERT_SETTINGS))))
  .update(JSON.stringify(ALERT_RULES))
  .digest("hex")
  .slice(0, 32);

const columns = sql.raw(WINDOW_COLUMNS.join(", "));

/**
 * Refreshes take turns (a transaction-scoped lock, held to commit), so that each reads the records after the
 * one before it committed: two writes to the same facility in parallel transactions cannot leave windows that
 * saw only one of them. An import takes its turn before it writes anything (else two imports, each holding
 * rows the other is about to update, could wait for each other); taking it again is free.
 */
export async function takeAlertWindowsTurn(tx: Tx): Promise<void> {
  await tx.query(sql`select pg_advisory_xact_lock(hashtext('alert-windows'))`);
}

/**
 * Rebuilds the windows of the given facilities (all when `codes` is null, or when the stored windows were
 * built with other rules) from their records as they are in this transaction: called after every write to
 * those records, in its transaction. Only the rows that differ are written.
 */
export async function refreshAlertWindows(tx: Tx, codes: readonly string[] | null): Promise<void> {
  if (codes !== null && codes.length === 0) return;
  await takeAlertWindowsTurn(tx);
  const [state] = await tx.query<{ rules_key: string }>(sql`select rules_key from alert_windows_state where id = 1`);
  // Many facilities: all are worked out (the planner, taking the list for a few, would probe each one's
  // records by key), and only the rows that differ written, so the others stay as they are.
  if (codes === null || codes.length > BY_KEY_MAX || state?.rules_key !== ALERT_RULES_KEY) {
    const [{ empty }] = await tx.query<{ empty: boolean }>(
      sql`select not exists (select 1 from alert_windows) as empty`,
    );
    // Into an empty table (the seed, a first facility list): its indexes are built once afterwards.
    if (empty)
      await withIndexesRebuiltAfter(tx, ["alert_windows"], () =>
        tx.query(sql`insert into alert_windows (${columns}) ${alertWindowRows()}`),
      );
    else await mergeWindows(tx, alertWindowRows(), sql`true`);
    await tx.query(sql`insert into alert_windows_state (id, rules_key) values (1, ${ALERT_RULES_KEY})
      on conflict (id) do update set rules_key = excluded.rules_key, built_at = now()`);
    return;
  }
  const only = sql`select unnest(${arrayParam(codes)}::text[])`;
  await mergeWindows(tx, alertWindowRows(DEFAULT_ALERT_SETTINGS, only), sql`w.facility_code in (${only})`);
}

/**
 * Where a write's touched facilities go: their windows refreshed at once ("now", a write on its own), or
 * gathered in a set for one refresh before an import commits (each of its batches would otherwise refresh
 * its own: 200 refreshes for a million events).
 */
export type WindowsRefresh = "now" | Set<string>;

export async function alertWindowsTouched(tx: Tx, codes: readonly string[], refresh: WindowsRefresh): Promise<void> {
  if (refresh === "now") await refreshAlertWindows(tx, codes);
  else for (const code of codes) refresh.add(code);
}

/** Up to this many facilities, a refresh reads their records by key (working out all costs about as much). */
const BY_KEY_MAX = 5000;

const SAME_WINDOW = sql.raw(
  "w.facility_code = f.facility_code and w.rule = f.rule" +
    ` and (${WINDOW_COLUMNS.slice(2).map((c) => `w.${c}`)})` +
    ` is not distinct from (${WINDOW_COLUMNS.slice(2).map((c) => `f.${c}`)})`,
);

/** Makes the windows of the facilities `mine` selects (over alert_windows w) those of `fresh`, row by row. */
async function mergeWindows(tx: Tx, fresh: SQL, mine: SQL): Promise<void> {
  await tx.query(sql`with f as materialized (${fresh}),
      gone as (delete from alert_windows w where ${mine} and not exists (select 1 from f where ${SAME_WINDOW}))
    insert into alert_windows (${columns})
    select * from f where not exists (select 1 from alert_windows w where ${SAME_WINDOW})`);
}

/**
 * For a first facility list into an empty table: working out every new facility's windows would add a third to
 * that import (README, Performance), so the windows are marked as not built instead: the lists evaluate every
 * facility for the date (as correct, and as slow, as without windows) until the next write or
 * `npm run db:migrate` builds them all.
 */
export async function setAsideAlertWindows(tx: Tx): Promise<void> {
  await takeAlertWindowsTurn(tx);
  await tx.query(sql`delete from alert_windows_state`);
  await tx.query(sql`delete from alert_windows`);
}

/** Builds the windows when they are missing or were built with other rules (after the migrations). */
export async function ensureAlertWindows(tx: Tx): Promise<boolean> {
  const [state] = await tx.query<{ rules_key: string }>(sql`select rules_key from alert_windows_state where id = 1`);
  if (state?.rules_key === ALERT_RULES_KEY) return false;
  await refreshAlertWindows(tx, null);
  return true;
}

/**
 * Where the alerts on a date are read from: the windows alone (no facility has a record after the date: the
 * usual case for today), the windows with the facilities that have one evaluated for the date ("late"), or
 * every facility evaluated (the windows were built with other rules).
 */
export type AlertSource = "windows" | "windows-and-late" | "evaluated";

export async function alertSource(db: Db, asOf: string): Promise<AlertSource> {
  const [row] = await queryRows<{ current: boolean | null; late: number }>(
    db,
    sql`select (select rules_key = ${ALERT_RULES_KEY} from alert_windows_state where id = 1) as current,
               (select count(*)::int from (select 1 from (${lateCodes(asOf, "union all")}) l limit ${LATE_MAX + 1}) x)
                 as late`,
  );
  if (!row?.current || Number(row.late) > LATE_MAX) return "evaluated";
  return Number(row.late) > 0 ? "windows-and-late" : "windows";
}

/**
 * Past this many records after the date (a date months back), evaluating every facility for it costs less
 * than the windows with that many facilities evaluated one by one.
 */
const LATE_MAX = 2000;

/** The codes with a record after the date (an event, filing, contact or certificate): their windows may not hold. */
export function lateCodes(asOf: string, union: "union" | "union all" = "union"): SQL {
  const a = sql`${asOf}::date`;
  const u = sql.raw(union);
  return sql`select code from facilities where status_since > ${a}
    ${u} select facility_code from filings where filed_on > ${a}
    ${u} select facility_code from contacts where contacted_on > ${a}
    ${u} select facility_code from certificates where applied_on > ${a} or issued_on > ${a}`;
}

/** Columns a list can ask alertTops for besides the code and the most urgent alert, as alert_windows holds them. */
const TOP_EXTRAS = {
  st: "status",
  prefecture: "prefecture",
  table_type: "table_type",
  category: "category",
  fl_contractor: "contractor",
  fl_outsourcer: "outsourcer",
} as const;
export type TopColumn = keyof typeof TOP_EXTRAS;

/**
 * One row per facility with an alert on the date: `code`, `top_due`, `top_rank` (its most urgent alert), the
 * `columns` asked for, and `d_<alert>` when a rule is given (then only the facilities where it fires, with its
 * due date). With "windows-and-late" the statement needs `late` (lateCodes) as a CTE. `windowWhere` filters
 * alert_windows `w` (the scope: facilityFilter with alias w), `where` filters `facilities f` alike for the
 * facilities evaluated. The windows give each facility's first firing rule by due date, then urgency: the
 * same top_due and top_rank as alertFacts.
 */
/**
 * Every window firing on the date (code, due date, rank), and for the facilities evaluated their most urgent
 * alert: a facility's first row in due date and rank order is its most urgent alert. `windowWhere` and `where`
 * as for alertTops.
 */
export function firingAlerts(source: AlertSource, asOf: string, windowWhere: SQL, where: SQL): SQL {
  const a = sql`${asOf}::date`;
  const notLate =
    source === "windows-and-late" ? sql` and not exists (select 1 from late where late.code = w.facility_code)` : sql``;
  const windows = sql`select w.facility_code as code, w.due_on as top_due, w.rule::int as top_rank from alert_windows w
    where w.fires_from <= ${a} and (w.fires_until is null or w.fires_until >= ${a})${notLate} and ${windowWhere}`;
  if (source === "windows") return windows;
  const only = source === "windows-and-late" ? sql`select code from late` : undefined;
  const evaluated = sql`select r.code, r.top_due, r.top_rank
    from ${alertFacts(asOf, where, DEFAULT_ALERT_SETTINGS, only)} r`;
  return source === "evaluated" ? evaluated : sql`${windows} union all ${evaluated}`;
}

export function alertTops(
  source: AlertSource,
  asOf: string,
  windowWhere: SQL,
  where: SQL,
  options: { alert?: AlertRule; columns?: readonly TopColumn[] } = {},
): SQL {
  const { alert, columns = [] } = options;
  const a = sql`${asOf}::date`;
  const notLate = (w: SQL) =>
    source === "windows-and-late"
      ? sql` and not exists (select 1 from late where late.code = ${w}.facility_code)`
      : sql``;
  const firing = (w: SQL) =>
    sql`${w}.fires_from <= ${a} and (${w}.fires_until is null or ${w}.fires_until >= ${a})${notLate(w)}`;
  // With a rule: only the facilities where it fires (x), each with its due date.
  const withRule = alert
    ? sql`, x.due_on as ${dueColumn(alert)}
        from alert_windows x join alert_windows w on w.facility_code = x.facility_code
        where x.rule = ${ALERT_RULES.indexOf(alert)} and ${firing(sql`x`)} and`
    : sql` from alert_windows w where`;
  const extra = (from: (c: TopColumn) => string) => sql.raw(columns.map((c) => `, ${from(c)} as ${c}`).join(""));
  const windows = sql`select distinct on (w.facility_code) w.facility_code as code, w.due_on as top_due,
         w.rule::int as top_rank${extra((c) => `w.${TOP_EXTRAS[c]}`)}${withRule} ${firing(sql`w`)} and ${windowWhere}
    order by w.facility_code, w.due_on, w.rule`;
  if (source === "windows") return windows;
  const only = source === "windows-and-late" ? sql`select code from late` : undefined;
  const due = alert ? sql`, r.${dueColumn(alert)}` : sql``;
  const evaluated = sql`select r.code, r.top_due, r.top_rank${extra((c) => `r.${c}`)}${due}
    from ${alertFacts(asOf, where, DEFAULT_ALERT_SETTINGS, only)} r
    ${alert ? sql`where r.${dueColumn(alert)} is not null` : sql``}`;
  return source === "evaluated" ? evaluated : sql`(${windows}) union all (${evaluated})`;
}
