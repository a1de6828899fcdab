import { sql, type SQL } from "drizzle-orm";
import { FILING_COLUMNS } from "./alert-facts-sql";
import { latestEventOn } from "./on-date";
import { facilityFilter } from "./scope";
import { evaluateAlerts, type CertificateFacts, type FacilityFacts } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import type { EventState } from "../../lib/states";
import type { Category, ClaimMethod, TableType } from "../../lib/table-types";
import type { FollowUpItem } from "../../lib/follow-ups/types";
import type { ContactOutcome } from "../../lib/follow-ups/contacts";
import type { FollowUpFilter } from "./follow-up-filter";

/**
 * The follow-up list's page: the facts of its facilities as lib/alerts reads them (pageRows), and each one as
 * the list shows it, with its alerts and their messages from lib/alerts (toItem).
 */

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function certificatesFromJson(value: unknown): CertificateFacts[] {
  const list = (typeof value === "string" ? JSON.parse(value) : value) as CertificateFacts[] | null;
  return list ?? [];
}

/** The facts the rules read, from a pageRows row. */
function factsFromRow(r: Record<string, unknown>): FacilityFacts {
  return {
    claimMethod: (r.claim_method as ClaimMethod | null) ?? null,
    openedOn: str(r.opened_on),
    initialState: r.initial_state as EventState,
    firstOnlineOn: str(r.first_online_on),
    lastContact: r.last_contact_on
      ? { contactedOn: String(r.last_contact_on), promisedOn: str(r.last_contact_promised_on) }
      : null,
    certificates: certificatesFromJson(r.certs),
    status: r.st as EventState,
    statusSince: str(r.st_since),
    closedOn: str(r.closed_on),
    sharesOqvTerminal: Boolean(r.shares_oqv_terminal),
    firstAppliedOn: str(r.first_applied_on),
    firstCertificateOn: str(r.first_certificate_on),
    filing: r.fl_filed_on
      ? {
          filedOn: String(r.fl_filed_on),
          deferralUntil: String(r.fl_deferral_until),
          reason: r.fl_reason as "outsourced" | "transitional" | "other",
          reasonSub: r.fl_reason_sub === null ? null : Number(r.fl_reason_sub),
          readiness: r.fl_readiness as "december" | "march" | "september" | "other",
          readinessDate: str(r.fl_readiness_date),
          usageApplied: Boolean(r.fl_usage_applied),
          certApplied: Boolean(r.fl_cert_applied),
        }
      : null,
  };
}

export function toItem(r: Record<string, unknown>, asOf: string): FollowUpItem {
  const facts = factsFromRow(r);
  return {
    code: String(r.code),
    name: String(r.name),
    prefecture: String(r.prefecture),
    tableType: r.table_type as TableType,
    category: r.category as Category,
    address: str(r.address),
    postalCode: str(r.postal_code),
    phone: str(r.phone),
    status: facts.status,
    statusSince: facts.statusSince,
    alerts: evaluateAlerts(facts, asOf),
    assigneeId: r.assignee_id === null || r.assignee_id === undefined ? null : Number(r.assignee_id),
    assignee: str(r.assignee_email),
    nextActionOn: str(r.next_action_on),
    deferralUntil: facts.filing?.deferralUntil ?? null,
    lastContactOn: str(r.last_contact_on),
    lastContactOutcome: (r.last_contact_outcome as ContactOutcome | null) ?? null,
  };
}

/**
 * The facilities of the CTE `pg` (follow-up rows: code, top_due, top_rank, total), in scope, with who follows
 * them up and the facts lib/alerts reads as of the date: the state then, the filing in force then (none for a facility
 * online then: only its certificates count), the latest contact and every certificate record.
 */
export function pageRows(scope: Scope, filter: FollowUpFilter): SQL {
  const a = sql`${filter.asOf}::date`;
  // The filing in force (an index-only read) unless it was filed after the date; none for a facility online then.
  const filing = sql.join(
    FILING_COLUMNS.map(
      (c) =>
        sql`case when s.st = 'online' then null when fi.filed_on <= ${a} then fi.${sql.raw(c)}
                 else older.${sql.raw(c)} end as ${sql.raw(`fl_${c}`)}`,
    ),
    sql`, `,
  );
  return sql`select f.code, f.name, f.prefecture, f.table_type, f.category, f.address, f.postal_code, f.phone,
           f.closed_on, f.shares_oqv_terminal, f.first_applied_on, f.first_certificate_on, f.claim_method, f.opened_on,
           f.initial_state, f.first_online_on, s.st, s.st_since, ${filing},
           pg.top_due, pg.top_rank, pg.total, fu.assignee_id, u.email as assignee_email, fu.next_action_on,
           (select json_agg(json_build_object('terminal', c.terminal, 'appliedOn', c.applied_on,
                                              'issuedOn', c.issued_on, 'expiresOn', c.expires_on))
            from certificates c where c.facility_code = f.code) as certs,
           lc.contacted_on as last_contact_on, lc.outcome as last_contact_outcome,
           lc.promised_on as last_contact_promised_on
    from pg join facilities f on f.code = pg.code
    left join follow_ups fu on fu.facility_code = f.code
    left join users u on u.id = fu.assignee_id
    ${latestEventOn(filter.asOf, "ev")}
    cross join lateral (
      select case when f.status_since > ${a} then coalesce(ev.state, f.initial_state) else f.status end as st,
             case when f.status_since > ${a} then ev.effective_on else f.status_since end as st_since
    ) s
    left join filings fi on fi.facility_code = f.code and fi.in_force
    left join lateral (
      select p.* from filings p
      where fi.filed_on > ${a} and p.facility_code = f.code and p.filed_on <= ${a}
      order by p.filed_on desc limit 1
    ) older on true
    left join lateral (
      select c.contacted_on, c.outcome, c.promised_on from contacts c
      where c.facility_code = f.code and c.contacted_on <= ${a}
      order by c.contacted_on desc, c.id desc limit 1
    ) lc on true
    where ${facilityFilter(scope, filter)}`;
}
