import { sql, type SQL } from "drizzle-orm";
import type { AlertRule, AlertSettings } from "../../lib/alerts/rules";

/**
 * The follow-up rules (lib/alerts/rules.ts) in SQL, each as a window of dates over a facility's facts: the
 * rule fires on a date when `when` holds and the date lies in [from, until] (no end when until is null), and
 * its due date is then `due`. The facts are columns of a row (see FACT_NAMES in alert-sql.ts) read as of the
 * date (alertFacts, evaluated for one date) or as of the facility's latest record (alert-windows.ts, kept
 * with the data and valid for every date on or after that record), so both read the rules from here.
 *
 * `when`, `due`, `from` and `until` never read the date itself: only the facts may depend on it.
 */
export interface RuleWindow {
  when: SQL;
  due: SQL;
  from: SQL;
  until: SQL | null;
}

/** The rules an online facility can raise (lib/alerts/rules.ts ONLINE_RULES); the others need it not online. */
export const ONLINE_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>(["certificate_expired", "certificate_expiring"]);

/** A rule that fires from the day after its due date, for good. */
const overdue = (when: SQL, due: SQL): RuleWindow => ({ when, due, from: sql`${due} + 1`, until: null });

export function ruleWindows(settings: AlertSettings): Record<AlertRule, RuleWindow> {
  const hasFiling = sql`fl_filed_on is not null`;
  const isNew = sql`coalesce(opened_on >= ${settings.newRegistrationsEndedOn}::date, false)`;
  const noFilingDeadline = sql`(case when has_applied then ${settings.migrationDeadline}::date
                                   else ${settings.filingDeadline}::date end)`;
  // The 10th of the month after opening (lib/alerts/rules.ts firstClaimDeadline).
  const firstClaims = sql`((date_trunc('month', opened_on) + interval '1 month')::date + 9)`;
  const startFrom = sql`coalesce(certificate_on, case when shares_oqv_terminal then applied_on end)`;
  return {
    no_filing: overdue(
      sql`not ${hasFiling} and st <> 'deferred' and claim_method is distinct from 'paper' and not ${isNew}`,
      noFilingDeadline,
    ),
    new_on_disk: overdue(sql`${isNew} and not was_online`, firstClaims),
    // From the day of the step back. A facility online once has an event by then, so st_since is set.
    regression: {
      when: sql`was_online and st_since is not null`,
      due: sql`st_since`,
      from: sql`st_since`,
      until: null,
    },
    promise_missed: overdue(
      sql`lc_promised_on is not null and (st_since is null or st_since < lc_contacted_on)`,
      sql`lc_promised_on`,
    ),
    certificate_expired: overdue(sql`c_lapse_on is not null`, sql`c_lapse_on`),
    // Up to the first lapse of any terminal: certificate_expired takes over the day after.
    certificate_expiring: {
      when: sql`c_unrenewed_lapse_on is not null`,
      due: sql`c_unrenewed_lapse_on`,
      from: sql`c_unrenewed_lapse_on - ${settings.certificateExpiringDays}::int`,
      until: sql`c_lapse_on`,
    },
    deferral_expiring: {
      when: sql`${hasFiling} and not has_applied`,
      due: sql`fl_deferral_until`,
      from: sql`fl_deferral_until - ${settings.expiringWithinDays}::int`,
      until: sql`fl_deferral_until`,
    },
    deferral_expired: overdue(hasFiling, sql`fl_deferral_until`),
    apply_by_passed: overdue(sql`${hasFiling} and not has_applied`, sql`apply_by`),
    plan_slipped: overdue(sql`ready_by is not null`, sql`ready_by`),
    certificate_overdue: overdue(
      sql`not shares_oqv_terminal and not has_certificate and not was_online and applied_on is not null`,
      sql`applied_on + ${settings.certificateDays}::int`,
    ),
    start_missed: overdue(
      sql`not was_online and ${startFrom} is not null`,
      sql`${startFrom} + ${settings.startDays}::int`,
    ),
    // Whenever the filing is in force (the facts hold only filings filed by the date).
    filing_mismatch: {
      when: sql`${hasFiling} and ((fl_usage_applied and not has_applied)
                  or (fl_cert_applied and not shares_oqv_terminal and not has_certificate))`,
      due: sql`fl_filed_on`,
      from: sql`fl_filed_on`,
      until: null,
    },
    closure_overdue: overdue(sql`fl_reason = 'transitional' and fl_reason_sub = 3`, sql`fl_deferral_until`),
  };
}

/** The rule's condition with its gate: online facilities raise only the certificate rules. */
export function ruleHolds(rule: AlertRule, window: RuleWindow): SQL {
  return ONLINE_RULES.has(rule) ? window.when : sql`st <> 'online' and ${window.when}`;
}
