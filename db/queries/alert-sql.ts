import { sql, type SQL } from "drizzle-orm";
import { NOT_YET_ONLINE, statesOn } from "./on-date";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertRule, type AlertSettings } from "../../lib/alerts/rules";

/**
 * The nine follow-up rules (lib/alerts/rules.ts) written as SQL, so that the list can filter, count, sort
 * and page over every facility in one statement instead of shipping them all to Node. lib/alerts stays
 * the definition: the page rows are evaluated there again for their messages, and a test
 * (alert-sql.test.ts) checks that both agree, rule by rule, on a seeded country at several dates.
 *
 * `alertFacts` yields one row per facility that could have an alert on the date (not closed, not online
 * then), with its state as of the date, the filing in force then, and a `d_<rule>` column per rule: the
 * rule's due date when it fires, else null. `top_due` / `top_rank` give the most urgent alert.
 */

/** Filing columns the rules (and the messages) read; taken from the filing in force on the date. */
const FILING_COLUMNS = ["filed_on", "deferral_until", "reason", "reason_sub", "readiness", "readiness_date", "usage_applied", "cert_applied"];

/** Each rule as a SQL expression over the `facts` row giving its due date, or null when it does not fire. */
function ruleDue(settings: AlertSettings, asOf: SQL): Record<AlertRule, SQL> {
  const a = asOf;
  const hasFiling = sql`fl_filed_on is not null`;
  return {
    no_filing: sql`case when st = 'optical_disk' and not ${hasFiling} and ${a} > ${settings.filingDeadline}::date then ${settings.filingDeadline}::date end`,
    deferral_expiring: sql`case when ${hasFiling} and not has_applied and (fl_deferral_until - ${a}) between 0 and ${settings.expiringWithinDays}::int then fl_deferral_until end`,
    deferral_expired: sql`case when ${hasFiling} and ${a} > fl_deferral_until then fl_deferral_until end`,
    apply_by_passed: sql`case when ${hasFiling} and not has_applied and ${a} > apply_by then apply_by end`,
    plan_slipped: sql`case when ${a} > ready_by then ready_by end`,
    certificate_overdue: sql`case when not shares_oqv_terminal and not has_certificate and ${a} > applied_on + ${settings.certificateDays}::int then applied_on + ${settings.certificateDays}::int end`,
    start_missed: sql`case when ${a} > certificate_on + ${settings.startDays}::int then certificate_on + ${settings.startDays}::int end`,
    filing_mismatch: sql`case when ${hasFiling} and ((fl_usage_applied and not has_applied) or (fl_cert_applied and not shares_oqv_terminal and not has_certificate)) then fl_filed_on end`,
    closure_overdue: sql`case when fl_reason = 'transitional' and fl_reason_sub = 3 and ${a} > fl_deferral_until then fl_deferral_until end`,
  };
}

export const dueColumn = (rule: AlertRule) => sql.raw(`d_${rule}`);

/**
 * The candidate facilities with their facts and per-rule due dates. `where` filters `facilities f`
 * (scope first; see facilityFilter). Facilities closed or online on the date are left out early: the
 * rules give them nothing. A facility that moved after the date reads its state from the events.
 */
export function alertFacts(asOfDate: string, where: SQL, settings: AlertSettings = DEFAULT_ALERT_SETTINGS): SQL {
  const a = sql`${asOfDate}::date`;
  const fl = (c: string) => sql`case when fi.filed_on <= ${a} then fi.${sql.raw(c)} else older.${sql.raw(c)} end as ${sql.raw(`fl_${c}`)}`;
  const dues = ruleDue(settings, a);
  const dueCols = ALERT_RULES.map((rule) => sql`${dues[rule]} as ${dueColumn(rule)}`);
  const least = sql.join(ALERT_RULES.map(dueColumn), sql`, `);
  const rank = sql.join(
    ALERT_RULES.map((rule, i) => sql`when ${dueColumn(rule)} = top_due then ${sql.raw(String(i))}`),
    sql` `,
  );
  return sql`(
    -- "offset 0" fences keep the planner from pasting each computed column into every expression that
    -- reads it (the plan grew to 60 kB of SQL and crossed the JIT threshold: half a second of compiling).
    select r.*, case ${rank} end as top_rank
    from (
      select d.*, least(${least}) as top_due
      from (
        select c.*, ${sql.join(dueCols, sql`, `)}
        from (
          select b.*,
                 b.st >= 'applied' or coalesce(b.first_applied_on <= ${a}, false) as has_applied,
                 b.st >= 'certificate_issued' or coalesce(b.first_certificate_on <= ${a}, false) as has_certificate,
                 case when b.first_applied_on <= ${a} then b.first_applied_on
                      when b.st = 'applied' and b.st_since <= ${a} then b.st_since end as applied_on,
                 case when b.first_certificate_on <= ${a} then b.first_certificate_on
                      when b.st = 'certificate_issued' and b.st_since <= ${a} then b.st_since end as certificate_on,
                 case b.fl_readiness
                   when 'december' then make_date(extract(year from b.fl_filed_on)::int, 12, 31)
                   when 'march' then make_date(extract(year from b.fl_filed_on)::int + 1, 3, 31)
                   when 'september' then make_date(extract(year from b.fl_filed_on)::int + 1, 9, 30)
                   when 'other' then b.fl_readiness_date end as ready_by,
                 -- The 20th of the month two before the deferral end's month (lib/calendar/onboarding.ts applyByFor).
                 (date_trunc('month', b.fl_deferral_until) - interval '2 months')::date + 19 as apply_by
          from (
            select f.*, ${sql.join(FILING_COLUMNS.map(fl), sql`, `)}
            -- Each facility's state on the date (closed and online ones left out): see statesOn.
            from ${statesOn(asOfDate, NOT_YET_ONLINE, where)} f
            left join filings fi on fi.facility_code = f.code and fi.in_force
            left join lateral (
              select p.* from filings p
              where fi.filed_on > ${a} and p.facility_code = f.code and p.filed_on <= ${a}
              order by p.filed_on desc limit 1
            ) older on true
            offset 0
          ) b
          where b.st not in ('online', 'closed')
          offset 0
        ) c
        offset 0
      ) d
    ) r
    where r.top_due is not null
  )`;
}
