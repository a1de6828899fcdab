import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { scopeCondition } from "./scope";
import { listContacts } from "./contacts";
import type {
  CertificateRecord,
  FacilityDetail,
  FacilityEvent,
  FacilityRecord,
  FilingRecord,
} from "../../lib/facilities/types";
import { evaluateAlerts, type FacilityFacts } from "../../lib/alerts/rules";
import { applyByFor, onboardingCalendar, latestStartMonthFor } from "../../lib/calendar/onboarding";
import type { Scope } from "../../lib/scope";

/** One facility with everything the facility page and GET /api/v1/facilities/{code} show; null outside the scope. */
export async function facilityDetail(db: Db, scope: Scope, code: string, asOf: string): Promise<FacilityDetail | null> {
  const [facility] = await queryRows<FacilityRecord>(
    db,
    sql`select code, name, prefecture, table_type as "tableType", category, address, postal_code as "postalCode",
               phone, specialties, claim_method as "claimMethod", monthly_claims as "monthlyClaims",
               shares_oqv_terminal as "sharesOqvTerminal",
               closed_on as "closedOn", initial_state as "initialState", status, status_since as "statusSince",
               first_applied_on as "firstAppliedOn", first_certificate_on as "firstCertificateOn",
               first_online_on as "firstOnlineOn", opened_on as "openedOn"
        from facilities f where f.code = ${code} and ${scopeCondition(scope, sql`f.prefecture`)}`,
  );
  if (!facility) return null;
  const [events, filings, followUps, contacts, certificates] = await Promise.all([
    queryRows<FacilityEvent>(
      db,
      sql`select state, effective_on as "effectiveOn", source, note, backward from status_events
          where facility_code = ${code} order by effective_on, state`,
    ),
    queryRows<FilingRecord>(
      db,
      sql`select filed_on as "filedOn", facility_name as "facilityName", phone, specialties,
                 deferral_until as "deferralUntil",
                 reason, reason_sub as "reasonSub", outsourcer, reason_other as "reasonOther", readiness,
                 readiness_date as "readinessDate", readiness_other as "readinessOther",
                 rececom, rececom_month as "rececomMonth",
                 network, network_month as "networkMonth", usage_applied as "usageApplied",
                 cert_applied as "certApplied",
                 remarks, founder_name as "founderName", address, email, in_force as "inForce"
          from filings where facility_code = ${code} order by filed_on desc`,
    ),
    queryRows<{
      assignee_id: number | null;
      email: string | null;
      next_action_on: string | null;
      updated_at: string | Date | null;
    }>(
      db,
      sql`select fu.assignee_id, u.email, fu.next_action_on, fu.updated_at from follow_ups fu
          left join users u on u.id = fu.assignee_id where fu.facility_code = ${code}`,
    ),
    listContacts(db, scope, code),
    queryRows<CertificateRecord>(
      db,
      sql`select terminal, applied_on as "appliedOn", issued_on as "issuedOn", expires_on as "expiresOn",
                 renewed_on as "renewedOn"
          from certificates where facility_code = ${code} order by terminal, identity_on desc`,
    ),
  ]);
  // The log is newest first (by contacted_on, then entry); the rules read the latest one on or before the date.
  const lastContact = contacts.find((c) => c.contactedOn <= asOf) ?? null;
  const inForce = filings.find((f) => f.filedOn <= asOf) ?? null;
  const facts: FacilityFacts = {
    status: facility.status,
    statusSince: facility.statusSince,
    closedOn: facility.closedOn,
    sharesOqvTerminal: facility.sharesOqvTerminal,
    firstAppliedOn: facility.firstAppliedOn,
    firstCertificateOn: facility.firstCertificateOn,
    claimMethod: facility.claimMethod,
    openedOn: facility.openedOn,
    initialState: facility.initialState,
    firstOnlineOn: facility.firstOnlineOn,
    lastContact: lastContact && { contactedOn: lastContact.contactedOn, promisedOn: lastContact.promisedOn },
    certificates,
    filing: inForce && {
      filedOn: inForce.filedOn,
      deferralUntil: inForce.deferralUntil,
      reason: inForce.reason as "outsourced" | "transitional" | "other",
      reasonSub: inForce.reasonSub === null ? null : Number(inForce.reasonSub),
      readiness: inForce.readiness as "december" | "march" | "september" | "other",
      readinessDate: (inForce.readinessDate as string | null) ?? null,
      usageApplied: Boolean(inForce.usageApplied),
      certApplied: Boolean(inForce.certApplied),
    },
  };
  const fu = followUps[0];
  return {
    facility: { ...facility, monthlyClaims: facility.monthlyClaims === null ? null : Number(facility.monthlyClaims) },
    events,
    filings,
    followUp: {
      assigneeId: fu?.assignee_id ?? null,
      assignee: fu?.email ?? null,
      nextActionOn: fu?.next_action_on ?? null,
      updatedAt: fu?.updated_at ? new Date(fu.updated_at).toISOString() : null,
    },
    contacts,
    certificates,
    alerts: evaluateAlerts(facts, asOf),
    applyBy: inForce ? applyByFor(inForce.deferralUntil) : null,
    calendar: inForce ? onboardingCalendar(latestStartMonthFor(inForce.deferralUntil)) : null,
  };
}
