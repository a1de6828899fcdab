/**
 * What the alert rules need to know about one facility, as plain data: the caller (a query, a seed, a
 * test) reads it from wherever it lives. State facts are as of the evaluation date; the helpers below
 * also ignore any recorded date after it, so facts read today can be replayed for a past date.
 */
import { stateRank, type EventState } from "../states";
import type { FilingRow } from "../import/types";
import type { ClaimMethod } from "../table-types";

/** The answers of the filing in force (様式第1号) that the rules read; a filings row has them all. */
export type FilingFacts = Pick<
  FilingRow,
  "filedOn" | "deferralUntil" | "reason" | "reasonSub" | "readiness" | "readinessDate" | "usageApplied" | "certApplied"
>;

/** One row of the payers' certificate records: a terminal's application and the certificate issued for it. */
export interface CertificateFacts {
  terminal: string;
  appliedOn: string | null;
  issuedOn: string | null;
  /** The last valid day (stored at import: given, or issued_on plus the term less one day). */
  expiresOn: string | null;
}

/** The latest contact-log entry on or before the evaluation date (by contacted_on, then entry order). */
export interface ContactFacts {
  contactedOn: string;
  /** The date the facility promised (outcome "promised"), else null. */
  promisedOn: string | null;
}

export interface FacilityFacts {
  /** The state as of the evaluation date: a ladder state or 'closed'. */
  status: EventState;
  statusSince: string | null;
  closedOn: string | null;
  /** Shares the eligibility-check terminal, so needs no certificate of its own. */
  sharesOqvTerminal: boolean;
  /** First day the facility reached `applied` / `certificate_issued` (null when never). */
  firstAppliedOn: string | null;
  firstCertificateOn: string | null;
  /** The latest filing (by filed_on), or null when the facility never filed. */
  filing: FilingFacts | null;
  /** How the facility claims (請求方法) on the master list; null when the list did not say. */
  claimMethod: ClaimMethod | null;
  /** 開設日 from the master list, null when unknown. */
  openedOn: string | null;
  /** Where the facility stood before its first event. */
  initialState: EventState;
  /** The first day of an `online` event (null when none). */
  firstOnlineOn: string | null;
  lastContact: ContactFacts | null;
  /** Every certificate record of the facility (any terminal, any date; the rules read them as of the date). */
  certificates: CertificateFacts[];
}

function onOrBefore(date: string | null, asOf: string): date is string {
  return date !== null && date <= asOf;
}

export function isClosedOn(facts: FacilityFacts, asOf: string): boolean {
  return facts.status === "closed" || onOrBefore(facts.closedOn, asOf);
}

/** The filing, unless it was filed after the date (a replay of the past must not see it). */
export function filingAsOf(facts: FacilityFacts, asOf: string): FilingFacts | null {
  return facts.filing && facts.filing.filedOn <= asOf ? facts.filing : null;
}

/** At `applied` or beyond, or an application on record by the date (kept even after a backward step). */
export function hasApplied(facts: FacilityFacts, asOf: string): boolean {
  return stateRank(facts.status) >= stateRank("applied") || onOrBefore(facts.firstAppliedOn, asOf);
}

export function hasCertificate(facts: FacilityFacts, asOf: string): boolean {
  return stateRank(facts.status) >= stateRank("certificate_issued") || onOrBefore(facts.firstCertificateOn, asOf);
}

/** Online on or before the date: it started online, or reached `online` by then. */
export function wasOnlineBy(facts: FacilityFacts, asOf: string): boolean {
  return facts.initialState === "online" || onOrBefore(facts.firstOnlineOn, asOf);
}

/** Opened on or after the day new disk and paper registrations ended. */
export function openedAfterRegistrationsEnded(facts: FacilityFacts, endedOn: string): boolean {
  return facts.openedOn !== null && facts.openedOn >= endedOn;
}

/** When the facility applied: its first application, else the start of its current `applied` state. */
export function appliedOn(facts: FacilityFacts, asOf: string): string | null {
  if (onOrBefore(facts.firstAppliedOn, asOf)) return facts.firstAppliedOn;
  return facts.status === "applied" && onOrBefore(facts.statusSince, asOf) ? facts.statusSince : null;
}

/** When the certificate was issued, read the same way as appliedOn. */
export function certificateOn(facts: FacilityFacts, asOf: string): string | null {
  if (onOrBefore(facts.firstCertificateOn, asOf)) return facts.firstCertificateOn;
  return facts.status === "certificate_issued" && onOrBefore(facts.statusSince, asOf) ? facts.statusSince : null;
}

/**
 * The day ⑦ promises online readiness: ア end of December of the filing year, イ end of March and ウ end
 * of September of the next year, エ the date written (null when only a description was given).
 */
export function readinessDeadline(filing: FilingFacts): string | null {
  const year = Number(filing.filedOn.slice(0, 4));
  switch (filing.readiness) {
    case "december":
      return `${year}-12-31`;
    case "march":
      return `${year + 1}-03-31`;
    case "september":
      return `${year + 1}-09-30`;
    case "other":
      return filing.readinessDate;
  }
}

/** ⑥イ(3): filed because the facility plans to suspend or close. */
export function isClosureFiling(filing: FilingFacts): boolean {
  return filing.reason === "transitional" && filing.reasonSub === 3;
}

/** The contact, unless it was logged for a day after the date. */
export function contactAsOf(facts: FacilityFacts, asOf: string): ContactFacts | null {
  return facts.lastContact && facts.lastContact.contactedOn <= asOf ? facts.lastContact : null;
}

export interface TerminalCertificate {
  terminal: string;
  expiresOn: string;
  /** A newer application for the terminal is on record and not yet issued on the date. */
  renewalApplied: boolean;
}

/**
 * Each terminal's certificate in force on the date: of the certificates issued by then, the latest
 * (by issued_on, then expires_on), whether or not it has expired, with whether a renewal is pending.
 */
export function terminalCertificates(facts: FacilityFacts, asOf: string): TerminalCertificate[] {
  const current = new Map<string, CertificateFacts>();
  for (const c of facts.certificates) {
    if (!onOrBefore(c.issuedOn, asOf) || c.expiresOn === null) continue;
    const held = current.get(c.terminal);
    if (!held || [c.issuedOn, c.expiresOn].join() > [held.issuedOn, held.expiresOn].join()) current.set(c.terminal, c);
  }
  return [...current.values()].map((c) => ({
    terminal: c.terminal,
    expiresOn: c.expiresOn as string,
    renewalApplied: facts.certificates.some(
      (r) =>
        r.terminal === c.terminal &&
        onOrBefore(r.appliedOn, asOf) &&
        r.appliedOn >= (c.issuedOn as string) &&
        (r.issuedOn === null || r.issuedOn > asOf),
    ),
  }));
}
