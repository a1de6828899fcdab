/**
 * The follow-up rules (contracts.md and README "Follow-up rules") for one facility as of a date. Pure: the facts come
 * in as a plain object (facts.ts), so a query, the seed and the tests all use the same rules.
 *
 * Conventions:
 * - Every dueOn is the last day that was still in time (see Alert); "passed", "ended" and "N days
 *   later" rules fire from the next day. deferral_expiring fires from N days before the deferral end up
 *   to and including that day, and deferral_expired takes over the day after.
 * - Closed facilities (status closed, or closedOn on or before the date) get no alerts.
 * - Online facilities get only the certificate rules: otherwise they need no call, and an old filing
 *   saying 済 no longer matters once claims arrive online. A lapsed certificate stops their claims.
 * - No contradictions: no_filing never meets a rule that reads a filing; new_on_disk replaces no_filing
 *   for a facility opened after new disk and paper registrations ended; certificate_expired replaces
 *   certificate_expiring; a facility that was online (regression) is not told it never started
 *   (start_missed, certificate_overdue, new_on_disk). rules-contradictions.test.ts checks it.
 * - A filing counts from its filed_on; the latest filing is the one in force even after its deferral
 *   ended (then deferral_expired, not no_filing, is the alert).
 */
import { addDays, addMonths, daysBetween } from "../dates";
import { applyByFor } from "../calendar/onboarding";
import { compareAlerts, DEFAULT_ALERT_SETTINGS, type Alert, type AlertRule, type AlertSettings } from "./catalogue";
import {
  appliedOn,
  certificateOn,
  contactAsOf,
  filingAsOf,
  hasApplied,
  hasCertificate,
  isClosedOn,
  isClosureFiling,
  openedAfterRegistrationsEnded,
  readinessDeadline,
  terminalCertificates,
  wasOnlineBy,
  type FacilityFacts,
  type FilingFacts,
} from "./facts";
import * as msg from "./messages";

export * from "./catalogue";
export type { CertificateFacts, ContactFacts, FacilityFacts, FilingFacts } from "./facts";

/** The rules an online facility can still raise: a lapsed certificate stops its claims. */
const ONLINE_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>(["certificate_expired", "certificate_expiring"]);

/** The last day to send a new facility's first claims: the 10th of the month after it opened. */
export function firstClaimDeadline(openedOn: string): string {
  const month = addMonths(`${openedOn.slice(0, 7)}-01`, 1);
  return `${month.slice(0, 7)}-10`;
}

interface RuleInput {
  facts: FacilityFacts;
  filing: FilingFacts | null;
  asOf: string;
  settings: AlertSettings;
}

type RuleCheck = (input: RuleInput) => Omit<Alert, "rule"> | null;

const CHECKS: Record<AlertRule, RuleCheck> = {
  no_filing({ facts, filing, asOf, settings }) {
    // A deferred state without a filing on record is the filing's absence in our data, not the facility's.
    if (filing || facts.status === "deferred" || facts.claimMethod === "paper") return null;
    if (openedAfterRegistrationsEnded(facts, settings.newRegistrationsEndedOn)) return null;
    // Applied or certified: only outside the rules once the move deadline passes without a filing (念のため).
    const applied = hasApplied(facts, asOf);
    const deadline = applied ? settings.migrationDeadline : settings.filingDeadline;
    if (asOf <= deadline) return null;
    return { dueOn: deadline, message: applied ? msg.noFilingAppliedMessage(deadline) : msg.noFilingMessage(deadline) };
  },

  new_on_disk({ facts, asOf, settings }) {
    if (!openedAfterRegistrationsEnded(facts, settings.newRegistrationsEndedOn) || wasOnlineBy(facts, asOf))
      return null;
    const opened = facts.openedOn as string;
    const dueOn = firstClaimDeadline(opened);
    if (asOf <= dueOn) return null;
    return { dueOn, message: msg.newOnDiskMessage(opened, dueOn) };
  },

  regression({ facts, asOf }) {
    if (!wasOnlineBy(facts, asOf)) return null;
    const since = facts.statusSince ?? asOf;
    return { dueOn: since, message: msg.regressionMessage(since, facts.status) };
  },

  promise_missed({ facts, asOf }) {
    const contact = contactAsOf(facts, asOf);
    if (!contact?.promisedOn || asOf <= contact.promisedOn) return null;
    // A step recorded on or after the day of the promise means the facility moved: nothing to chase.
    if (facts.statusSince !== null && facts.statusSince >= contact.contactedOn) return null;
    return { dueOn: contact.promisedOn, message: msg.promiseMissedMessage(contact.contactedOn, contact.promisedOn) };
  },

  certificate_expired({ facts, asOf }) {
    const expired = terminalCertificates(facts, asOf).filter((t) => asOf > t.expiresOn);
    if (expired.length === 0) return null;
    const dueOn = expired.map((t) => t.expiresOn).sort()[0];
    return { dueOn, message: msg.certificateExpiredMessage(dueOn, expired.length) };
  },

  certificate_expiring({ facts, asOf, settings }) {
    const terminals = terminalCertificates(facts, asOf);
    if (terminals.some((t) => asOf > t.expiresOn)) return null;
    const soon = terminals.filter(
      (t) => !t.renewalApplied && daysBetween(asOf, t.expiresOn) <= settings.certificateExpiringDays,
    );
    if (soon.length === 0) return null;
    const dueOn = soon.map((t) => t.expiresOn).sort()[0];
    return { dueOn, message: msg.certificateExpiringMessage(dueOn, daysBetween(asOf, dueOn), soon.length) };
  },

  deferral_expiring({ facts, filing, asOf, settings }) {
    if (!filing || hasApplied(facts, asOf)) return null;
    const daysLeft = daysBetween(asOf, filing.deferralUntil);
    if (daysLeft < 0 || daysLeft > settings.expiringWithinDays) return null;
    return { dueOn: filing.deferralUntil, message: msg.deferralExpiringMessage(filing.deferralUntil, daysLeft) };
  },

  deferral_expired({ filing, asOf }) {
    if (!filing || asOf <= filing.deferralUntil) return null;
    return { dueOn: filing.deferralUntil, message: msg.deferralExpiredMessage(filing.deferralUntil) };
  },

  apply_by_passed({ facts, filing, asOf }) {
    if (!filing || hasApplied(facts, asOf)) return null;
    const applyBy = applyByFor(filing.deferralUntil);
    if (asOf <= applyBy) return null;
    return { dueOn: applyBy, message: msg.applyByPassedMessage(applyBy, filing.deferralUntil) };
  },

  plan_slipped({ filing, asOf }) {
    const readyBy = filing && readinessDeadline(filing);
    if (!readyBy || asOf <= readyBy) return null;
    return { dueOn: readyBy, message: msg.planSlippedMessage(readyBy) };
  },

  certificate_overdue({ facts, asOf, settings }) {
    if (facts.sharesOqvTerminal || hasCertificate(facts, asOf) || wasOnlineBy(facts, asOf)) return null;
    const applied = appliedOn(facts, asOf);
    if (!applied) return null;
    const dueOn = addDays(applied, settings.certificateDays);
    if (asOf <= dueOn) return null;
    return { dueOn, message: msg.certificateOverdueMessage(applied, daysBetween(applied, asOf)) };
  },

  start_missed({ facts, asOf, settings }) {
    if (wasOnlineBy(facts, asOf)) return null;
    const issued = certificateOn(facts, asOf);
    // Sharing the eligibility-check terminal, the facility needs no certificate: count from the application.
    const from = issued ?? (facts.sharesOqvTerminal ? appliedOn(facts, asOf) : null);
    if (!from) return null;
    const dueOn = addDays(from, settings.startDays);
    if (asOf <= dueOn) return null;
    const days = daysBetween(from, asOf);
    return { dueOn, message: issued ? msg.startMissedMessage(issued, days) : msg.startMissedSharedMessage(from, days) };
  },

  filing_mismatch({ facts, filing, asOf }) {
    if (!filing) return null;
    const usage = filing.usageApplied && !hasApplied(facts, asOf);
    // A facility sharing the eligibility terminal needs no certificate, so its answer is not checked.
    const certificate = filing.certApplied && !facts.sharesOqvTerminal && !hasCertificate(facts, asOf);
    if (!usage && !certificate) return null;
    return { dueOn: filing.filedOn, message: msg.filingMismatchMessage(filing.filedOn, usage, certificate) };
  },

  closure_overdue({ filing, asOf }) {
    if (!filing || !isClosureFiling(filing) || asOf <= filing.deferralUntil) return null;
    return { dueOn: filing.deferralUntil, message: msg.closureOverdueMessage(filing.deferralUntil) };
  },
};

/** Every alert the facility has on `asOf`, most urgent first (earliest dueOn, then rule urgency). */
export function evaluateAlerts(
  facts: FacilityFacts,
  asOf: string,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): Alert[] {
  if (isClosedOn(facts, asOf)) return [];
  const online = facts.status === "online";
  const input: RuleInput = { facts, filing: filingAsOf(facts, asOf), asOf, settings };
  const alerts: Alert[] = [];
  for (const [rule, check] of Object.entries(CHECKS) as [AlertRule, RuleCheck][]) {
    if (online && !ONLINE_RULES.has(rule)) continue;
    const found = check(input);
    if (found) alerts.push({ rule, ...found });
  }
  return alerts.sort(compareAlerts);
}

/** True when the facility has the given alert on `asOf` (the follow-up filter). */
export function hasAlert(
  facts: FacilityFacts,
  rule: AlertRule,
  asOf: string,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): boolean {
  return evaluateAlerts(facts, asOf, settings).some((alert) => alert.rule === rule);
}
