import type { Alert } from "../alerts/rules";
import type { OnboardingCalendar } from "../calendar/onboarding";
import type { EventState } from "../states";
import type { Category, ClaimMethod, TableType } from "../table-types";
import type { Contact } from "../follow-ups/types";

/** The shapes of a facility's page and its letters: made by db/queries, shown by components. */

export interface FacilityRecord {
  code: string;
  name: string;
  prefecture: string;
  tableType: TableType;
  category: Category;
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  specialties: string | null;
  claimMethod: ClaimMethod | null;
  monthlyClaims: number | null;
  sharesOqvTerminal: boolean;
  closedOn: string | null;
  initialState: EventState;
  status: EventState;
  statusSince: string | null;
  firstAppliedOn: string | null;
  firstCertificateOn: string | null;
  firstOnlineOn: string | null;
  openedOn: string | null;
}

/** One certificate record (per terminal; a renewal is a newer row for the same terminal). */
export interface CertificateRecord {
  terminal: string;
  appliedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  renewedOn: string | null;
}

export interface FacilityEvent {
  state: EventState;
  effectiveOn: string;
  source: string;
  note: string | null;
  backward: boolean;
}

/** A filings row as stored (every 様式第1号 answer). */
export type FilingRecord = Record<string, string | number | boolean | null> & {
  filedOn: string;
  deferralUntil: string;
  inForce: boolean;
};

export interface FacilityDetail {
  facility: FacilityRecord;
  events: FacilityEvent[];
  filings: FilingRecord[];
  followUp: {
    assigneeId: number | null;
    assignee: string | null;
    nextActionOn: string | null;
    updatedAt: string | null;
  };
  contacts: Contact[];
  certificates: CertificateRecord[];
  alerts: Alert[];
  /** From the filing in force: the last day to apply and the onboarding calendar that meets the deferral end. */
  applyBy: string | null;
  calendar: OnboardingCalendar | null;
}

export interface Office {
  prefecture: string;
  officeName: string;
  phone: string | null;
  portalUrl: string | null;
}
