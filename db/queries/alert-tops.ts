import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts, dueColumn } from "./alert-sql";
import { ALERT_RULES_KEY } from "./alert-windows";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertRule } from "../../lib/alerts/rules";

/**
 * The alerts on a date as the lists read them: from the kept windows (alert-windows.ts) where they hold, the
 * rules evaluated for the date (alertFacts) where they may not.
 */

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
 * Past this many records after the date (a date weeks back), evaluating every facility for it costs less
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

/**
 * One row per facility with an alert on the date: `code`, `top_due`, `top_rank` (its most urgent alert), the
 * `columns` asked for, and `d_<alert>` when a rule is given (then only the facilities where it fires, with its
 * due date). With "windows-and-late" the statement needs `late` (lateCodes) as a CTE. `windowWhere` filters
 * alert_windows `w` (the scope: facilityFilter with alias w), `where` filters `facilities f` alike for the
 * facilities evaluated. The windows give each facility's first firing rule by due date, then urgency: the
 * same top_due and top_rank as alertFacts.
 */
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
