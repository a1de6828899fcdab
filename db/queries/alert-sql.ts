import { sql, type SQL } from "drizzle-orm";
import { certificateFacts, FACT_NAMES, notOnlineFacts, onlineFacts, promisedContacts } from "./alert-facts-sql";
import { ONLINE_RULES, ruleHolds, ruleWindows, type RuleWindow } from "./alert-rules-sql";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertRule, type AlertSettings } from "../../lib/alerts/rules";

/**
 * The follow-up rules (lib/alerts/rules.ts) written as SQL, so that lists can filter, count, sort and page
 * over every facility in one statement instead of shipping them all to Node. lib/alerts stays the
 * definition: the page rows are evaluated there again for their messages, and a test (alert-sql.test.ts)
 * checks that both agree, rule by rule, on a seeded country at several dates.
 *
 * Two readings of the same rules (alert-rules-sql.ts): `alertFacts` evaluates them for one date over the facts
 * as of that date; `alertWindowRows` gives, from the facts as of each facility's latest record, every rule's
 * window of dates, which alert-windows.ts keeps in a table with the data (valid for any date on or after
 * that record).
 */

export const dueColumn = (rule: AlertRule) => sql.raw(`d_${rule}`);

/** The rule's due date when it fires on the date `a`, else null. */
function firesOn(a: SQL, rule: AlertRule, window: RuleWindow): SQL {
  const until = window.until ? sql` and ${a} <= ${window.until}` : sql``;
  return sql`case when ${ruleHolds(rule, window)} and ${a} >= ${window.from}${until} then ${window.due} end`;
}

/**
 * The candidate facilities with their facts (alert-facts-sql.ts FACT_NAMES) and per-rule due dates on the
 * date: a `d_<rule>` column per rule (its due date when it fires, else null), then `top_due` / `top_rank`
 * for the most urgent alert; only rows with an alert. `where` filters `facilities f` (scope first; see
 * facilityFilter); `only` (a subquery of codes) limits everything read to those facilities. Facilities
 * closed or online on the date are left out early (online ones but for their certificates): the rules give
 * them nothing. A facility that moved after the date reads its state from the events.
 */
export function alertFacts(
  asOfDate: string,
  where: SQL,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
  only?: SQL,
): SQL {
  const a = sql`${asOfDate}::date`;
  const windows = ruleWindows(settings);
  const dues = sql.join(
    ALERT_RULES.map((rule) => sql`${firesOn(a, rule, windows[rule])} as ${dueColumn(rule)}`),
    sql`, `,
  );
  const least = sql.join(ALERT_RULES.map(dueColumn), sql`, `);
  const rank = sql.join(
    ALERT_RULES.map((rule, i) => sql`when ${dueColumn(rule)} = top_due then ${sql.raw(String(i))}`),
    sql` `,
  );
  // "offset 0": the due dates are computed once, not pasted into least() and the rank (see notOnlineFacts).
  const ranked = (facts: SQL) => sql`select r.*, case ${rank} end as top_rank
    from (select d.*, least(${least}) as top_due from (select c.*, ${dues} from (${facts}) c offset 0) d) r
    where r.top_due is not null`;
  return sql`(
    with cd as (${certificateFacts(asOfDate, settings, only)}), pm as (${promisedContacts(asOfDate, only)})
    ${ranked(notOnlineFacts(asOfDate, where, { only }))}
    union all
    ${ranked(onlineFacts(asOfDate, where, { only }))}
  )`;
}

/** Every column of an alertFacts row, in order. */
export const ALERT_FACT_COLUMNS = [...FACT_NAMES, ...ALERT_RULES.map((rule) => `d_${rule}`), "top_due", "top_rank"];

/** The columns alertWindowRows gives, in order and by name (the alert_windows table's). */
export const WINDOW_COLUMNS = [
  "facility_code",
  "rule",
  "due_on",
  "fires_from",
  "fires_until",
  "prefecture",
  "table_type",
  "category",
  "status",
  "contractor",
  "outsourcer",
];

/**
 * Every rule that holds for a facility, from its facts as of its latest record, as a row: the rule (its
 * place in ALERT_RULES, the urgency rank), the due date and the dates it fires from and until (the day
 * before the facility closes at the latest), with the facility's columns the lists filter on. Empty windows
 * are left out. `only` as for alertFacts.
 */
export function alertWindowRows(settings: AlertSettings = DEFAULT_ALERT_SETTINGS, only?: SQL): SQL {
  const asOf = "infinity";
  const windows = ruleWindows(settings);
  const options = { current: true, only };
  // One select per rule over the facts, each keeping the facilities it holds for (cheaper than every rule
  // for every facility): online facilities (o) can raise only the certificate rules.
  const rows = (facts: "n" | "o") =>
    ALERT_RULES.filter((rule) => facts === "n" || ONLINE_RULES.has(rule)).map((rule) => {
      const w = windows[rule];
      const until = sql`least(${w.until ?? sql`null::date`}, closed_on - 1)`;
      return sql`select code as facility_code, ${sql.raw(String(ALERT_RULES.indexOf(rule)))}::smallint as rule,
          ${w.due} as due_on, ${w.from} as fires_from, ${until} as fires_until, prefecture, table_type, category,
          st as status, fl_contractor as contractor, fl_outsourcer as outsourcer
        from ${sql.raw(facts)} where ${ruleHolds(rule, w)} and (${until} is null or ${w.from} <= ${until})`;
    });
  return sql`with cd as (${certificateFacts(asOf, settings, only)}), pm as (${promisedContacts(asOf, only)}),
      n as materialized (${notOnlineFacts(asOf, sql`true`, options)}),
      o as materialized (${onlineFacts(asOf, sql`true`, options)})
    ${sql.join([...rows("n"), ...rows("o")], sql` union all `)}`;
}
