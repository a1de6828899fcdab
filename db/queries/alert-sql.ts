import { sql, type SQL } from "drizzle-orm";
import { latestEventOn } from "./on-date";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertRule, type AlertSettings } from "../../lib/alerts/rules";

/**
 * The follow-up rules (lib/alerts/rules.ts) written as SQL, so that the list can filter, count, sort
 * and page over every facility in one statement instead of shipping them all to Node. lib/alerts stays
 * the definition: the page rows are evaluated there again for their messages, and a test
 * (alert-sql.test.ts) checks that both agree, rule by rule, on a seeded country at several dates.
 *
 * `alertFacts` yields one row per facility that could have an alert on the date (not closed; not online
 * then, unless a certificate has lapsed or is about to), with its state as of the date, the filing in force then, and a
 * `d_<rule>` column per rule: the rule's due date when it fires, else null. `top_due` / `top_rank` give the most urgent
 * alert.
 */

/** Filing columns the rules (and the messages) read; taken from the filing in force on the date. */
const FILING_COLUMNS = [
  "filed_on",
  "deferral_until",
  "reason",
  "reason_sub",
  "readiness",
  "readiness_date",
  "usage_applied",
  "cert_applied",
  "outsourcer",
  "contractor",
];

/** The rules an online facility can raise (lib/alerts/rules.ts ONLINE_RULES); every other rule is null for it. */
const ONLINE_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>(["certificate_expired", "certificate_expiring"]);

/** Each rule as a SQL expression over the `facts` row giving its due date, or null when it does not fire. */
function ruleDue(settings: AlertSettings, asOf: SQL): Record<AlertRule, SQL> {
  const a = asOf;
  const hasFiling = sql`fl_filed_on is not null`;
  const isNew = sql`coalesce(opened_on >= ${settings.newRegistrationsEndedOn}::date, false)`;
  const noFilingDeadline = sql`(case when has_applied then ${settings.migrationDeadline}::date
                                   else ${settings.filingDeadline}::date end)`;
  // The 10th of the month after opening (lib/alerts/rules.ts firstClaimDeadline).
  const firstClaims = sql`((date_trunc('month', opened_on) + interval '1 month')::date + 9)`;
  const startFrom = sql`coalesce(certificate_on, case when shares_oqv_terminal then applied_on end)`;
  return {
    no_filing: sql`case when not ${hasFiling} and st <> 'deferred' and claim_method is distinct from 'paper'
                     and not ${isNew} and ${a} > ${noFilingDeadline} then ${noFilingDeadline} end`,
    new_on_disk: sql`case when ${isNew} and not was_online and ${a} > ${firstClaims} then ${firstClaims} end`,
    regression: sql`case when was_online then coalesce(st_since, ${a}) end`,
    promise_missed: sql`case when ${a} > lc_promised_on
                          and (st_since is null or st_since < lc_contacted_on) then lc_promised_on end`,
    certificate_expired: sql`c_expired_due`,
    certificate_expiring: sql`case when c_expired_due is null then c_expiring_due end`,
    deferral_expiring: sql`case when ${hasFiling} and not has_applied and (fl_deferral_until - ${a}) between 0
                             and ${settings.expiringWithinDays}::int then fl_deferral_until end`,
    deferral_expired: sql`case when ${hasFiling} and ${a} > fl_deferral_until then fl_deferral_until end`,
    apply_by_passed: sql`case when ${hasFiling} and not has_applied and ${a} > apply_by then apply_by end`,
    plan_slipped: sql`case when ${a} > ready_by then ready_by end`,
    certificate_overdue: sql`case when not shares_oqv_terminal and not has_certificate and not was_online
                               and ${a} > applied_on + ${settings.certificateDays}::int
                               then applied_on + ${settings.certificateDays}::int end`,
    start_missed: sql`case when not was_online and ${a} > ${startFrom} + ${settings.startDays}::int
                        then ${startFrom} + ${settings.startDays}::int end`,
    filing_mismatch: sql`case when ${hasFiling} and ((fl_usage_applied and not has_applied)
                                or (fl_cert_applied and not shares_oqv_terminal and not has_certificate))
                           then fl_filed_on end`,
    closure_overdue: sql`case when fl_reason = 'transitional' and fl_reason_sub = 3
                           and ${a} > fl_deferral_until then fl_deferral_until end`,
  };
}

/**
 * Per facility with a certificate that has lapsed or lapses within the window on the date: the earliest
 * lapsed terminal's last valid day, and the earliest one lapsing with no renewal applied for (see
 * lib/alerts/facts.ts terminalCertificates). The certificate in force for a terminal is the one not yet
 * renewed on the date (renewed_on is null or later), issued by then.
 */
function certificateDue(a: SQL, settings: AlertSettings): SQL {
  const window = sql`${a} + ${settings.certificateExpiringDays}::int`;
  // Set-based (hash joins), not a subquery per certificate: the estimate stays under the JIT threshold.
  return sql`select cur.facility_code as code,
           min(cur.expires_on) filter (where cur.expires_on < ${a}) as c_expired_due,
           min(cur.expires_on) filter
             (where cur.expires_on >= ${a} and not coalesce(pr.last_applied >= cur.issued_on, false)) as c_expiring_due
    from (
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on is null and c.expires_on <= ${window} and c.issued_on <= ${a}
      union all
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on > ${a} and c.expires_on <= ${window} and c.issued_on <= ${a}
    ) cur
    left join (
      -- Applications not issued on the date (a renewal pending), latest per terminal.
      select r.facility_code, r.terminal, max(r.applied_on) as last_applied
      from (
        select facility_code, terminal, applied_on from certificates where issued_on is null and applied_on <= ${a}
        union all
        select facility_code, terminal, applied_on from certificates where issued_on > ${a} and applied_on <= ${a}
      ) r
      group by r.facility_code, r.terminal
    ) pr on pr.facility_code = cur.facility_code and pr.terminal = cur.terminal
    group by cur.facility_code`;
}

/**
 * The latest contact on or before the date, for the facilities where it carries a promise that has
 * passed (a later contact without one clears it).
 */
function promisedContacts(a: SQL): SQL {
  return sql`select p.facility_code as code, p.contacted_on as lc_contacted_on, p.promised_on as lc_promised_on
    from contacts p
    where p.promised_on is not null and p.promised_on < ${a} and p.contacted_on <= ${a}
      and not exists (
        select 1 from contacts n
        where n.facility_code = p.facility_code and n.contacted_on <= ${a}
          and (n.contacted_on, n.id) > (p.contacted_on, p.id)
      )`;
}

const FACILITY_NAMES = [
  "code",
  "name",
  "prefecture",
  "table_type",
  "category",
  "address",
  "postal_code",
  "phone",
  "closed_on",
  "shares_oqv_terminal",
  "first_applied_on",
  "first_certificate_on",
  "claim_method",
  "opened_on",
  "initial_state",
  "first_online_on",
];
const FACILITY_COLUMNS = sql.raw(FACILITY_NAMES.map((c) => `f.${c}`).join(", "));

/** Columns computed from the facts (before the due dates), in the order the select below makes them. */
const DERIVED_NAMES = [
  "has_applied",
  "was_online",
  "has_certificate",
  "applied_on",
  "certificate_on",
  "ready_by",
  "apply_by",
];

/** Every column of an alertFacts row, in order: the online branch spells the same list. */
const ROW_NAMES = [
  ...FACILITY_NAMES,
  "st",
  "st_since",
  ...FILING_COLUMNS.map((c) => `fl_${c}`),
  "c_expired_due",
  "c_expiring_due",
  "lc_contacted_on",
  "lc_promised_on",
  ...DERIVED_NAMES,
  ...ALERT_RULES.map((rule) => `d_${rule}`),
  "top_due",
  "top_rank",
];

/**
 * The facilities online on the date (and not moved since) with a certificate lapsing or lapsed: only the
 * two certificate rules apply to them, so they skip the filing and contact joins and the other rules
 * (a few thousand rows nationally, which the full pipeline would double the cost of).
 */
function onlineCertificateRows(a: SQL, where: SQL, notClosed: SQL): SQL {
  const expiredRank = ALERT_RULES.indexOf("certificate_expired");
  const expiringRank = ALERT_RULES.indexOf("certificate_expiring");
  const value: Record<string, string> = {
    st: "f.status",
    st_since: "f.status_since",
    c_expired_due: "cd.c_expired_due",
    c_expiring_due: "cd.c_expiring_due",
    d_certificate_expired: "cd.c_expired_due",
    d_certificate_expiring: "case when cd.c_expired_due is null then cd.c_expiring_due end",
    top_due: "coalesce(cd.c_expired_due, cd.c_expiring_due)",
    top_rank: `case when cd.c_expired_due is not null then ${expiredRank} else ${expiringRank} end`,
    has_applied: "true",
    has_certificate: "true",
    was_online: "true",
  };
  for (const c of FACILITY_NAMES) value[c] = `f.${c}`;
  const columns = sql.raw(ROW_NAMES.map((c) => `${value[c] ?? "null"} as ${c}`).join(", "));
  return sql`select ${columns}
    from facilities f join cd on cd.code = f.code
    -- The codes as an array: one bitmap scan reads the few thousand facility rows in table order, not a
    -- primary-key probe (a random page read) per certificate-holder.
    where f.code = any(array(select code from cd where c_expired_due is not null or c_expiring_due is not null))
      and ${where} and ${notClosed} and f.status = 'online' and (f.status_since <= ${a} or f.status_since is null)`;
}

export const dueColumn = (rule: AlertRule) => sql.raw(`d_${rule}`);

/**
 * The candidate facilities with their facts and per-rule due dates. `where` filters `facilities f`
 * (scope first; see facilityFilter). Facilities closed or online on the date are left out early: the
 * rules give them nothing. A facility that moved after the date reads its state from the events.
 */
export function alertFacts(asOfDate: string, where: SQL, settings: AlertSettings = DEFAULT_ALERT_SETTINGS): SQL {
  const a = sql`${asOfDate}::date`;
  const fl = (c: string) =>
    sql`case when fi.filed_on <= ${a} then fi.${sql.raw(c)} else older.${sql.raw(c)} end as ${sql.raw(`fl_${c}`)}`;
  const notClosed = sql`(f.closed_on is null or f.closed_on > ${a})`;
  const dues = ruleDue(settings, a);
  const dueCols = ALERT_RULES.map((rule) =>
    ONLINE_RULES.has(rule)
      ? sql`${dues[rule]} as ${dueColumn(rule)}`
      : sql`case when st <> 'online' then ${dues[rule]} end as ${dueColumn(rule)}`,
  );
  const least = sql.join(ALERT_RULES.map(dueColumn), sql`, `);
  const rank = sql.join(
    ALERT_RULES.map((rule, i) => sql`when ${dueColumn(rule)} = top_due then ${sql.raw(String(i))}`),
    sql` `,
  );
  return sql`(
    with cd as (${certificateDue(a, settings)}), pm as (${promisedContacts(a)})
    -- "offset 0" fences keep the planner from pasting each computed column into every expression that
    -- reads it (the plan grew to 60 kB of SQL and crossed the JIT threshold: half a second of compiling).
    select ${sql.raw(
      ROW_NAMES.filter((c) => c !== "top_rank")
        .map((c) => `r.${c}`)
        .join(", "),
    )}, case ${rank} end as top_rank
    from (
      select d.*, least(${least}) as top_due
      from (
        select c.*, ${sql.join(dueCols, sql`, `)}
        from (
          select b.*,
                 b.st >= 'applied' or coalesce(b.first_applied_on <= ${a}, false) as has_applied,
                 b.initial_state = 'online' or coalesce(b.first_online_on <= ${a}, false) as was_online,
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
            select f.*, ${sql.join(FILING_COLUMNS.map(fl), sql`, `)}, cd.c_expired_due, cd.c_expiring_due,
              pm.lc_contacted_on, pm.lc_promised_on
            from (
              -- Not moved since the date: the maintained status is the state then (an index range on status).
              select ${FACILITY_COLUMNS}, f.status as st, f.status_since as st_since
              from facilities f
              where ${where} and ${notClosed}
                and f.status in ('optical_disk', 'deferred', 'applied', 'certificate_issued')
                and (f.status_since <= ${a} or f.status_since is null)
              union all
              -- Moved after the date (none for today): the latest event on or before it.
              select ${FACILITY_COLUMNS}, coalesce(ev.state, f.initial_state), ev.effective_on
              from facilities f
              ${latestEventOn(asOfDate, "ev")}
              where ${where} and ${notClosed} and f.status_since > ${a}
            ) f
            left join cd on cd.code = f.code
            left join pm on pm.code = f.code
            left join filings fi on fi.facility_code = f.code and fi.in_force
            left join lateral (
              select p.* from filings p
              where fi.filed_on > ${a} and p.facility_code = f.code and p.filed_on <= ${a}
              order by p.filed_on desc limit 1
            ) older on true
            offset 0
          ) b
          -- Online on the date only when it moved after it (the rest come through onlineCertificateRows).
          where b.st <> 'closed' and (b.st <> 'online' or b.c_expired_due is not null or b.c_expiring_due is not null)
          offset 0
        ) c
        offset 0
      ) d
    ) r
    where r.top_due is not null
    union all
    ${onlineCertificateRows(a, where, notClosed)}
  )`;
}
