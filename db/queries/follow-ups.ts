import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts, dueColumn } from "./alert-sql";
import { facilityFilter } from "./scope";
import { evaluateAlerts, type AlertRule, type CertificateFacts, type FacilityFacts } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import type { EventState } from "../../lib/states";
import type { Category, ClaimMethod, TableType } from "../../lib/table-types";
import type { ContractorGroup, FollowUpItem, Page } from "../../lib/follow-ups/types";
import type { ContactOutcome } from "../../lib/follow-ups/contacts";

export const FOLLOW_UP_SORTS = [
  "urgency",
  "code",
  "name",
  "prefecture",
  "status",
  "nextAction",
  "dueOn",
  "tableType",
  "assignee",
] as const;
export type FollowUpSort = (typeof FOLLOW_UP_SORTS)[number];

export interface FollowUpFilter {
  asOf: string;
  alert?: AlertRule;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
  status?: EventState;
  /** A user id, or "none" for facilities nobody follows yet. */
  assignee?: number | "none";
  /** Only alerts due on or before this day (of the chosen rule, else the most urgent one). */
  dueBefore?: string;
  /** Only alerts due on or after this day (same reading as dueBefore): with it, a month of due dates. */
  dueFrom?: string;
  /** Only facilities whose filing in force names this contractor (⑥ア, the normalised key). */
  contractor?: string;
  /** Only facilities whose next action is on or before this day. */
  nextActionBefore?: string;
  q?: string;
  sort?: FollowUpSort;
  dir?: "asc" | "desc";
}

export type { FollowUpItem, Page } from "../../lib/follow-ups/types";

type Row = Record<string, unknown> & {
  code: string;
  st: EventState;
  total: number | string;
};

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function certificatesFromJson(value: unknown): CertificateFacts[] {
  const list = (typeof value === "string" ? JSON.parse(value) : value) as CertificateFacts[] | null;
  return list ?? [];
}

/**
 * The facts the rules read, back from an alertFacts row (so the page evaluates exactly what SQL selected).
 * The certificates come from `certs` (withCertificates), read for the page's rows only.
 */
export function factsFromRow(r: Record<string, unknown>): FacilityFacts {
  return {
    claimMethod: (r.claim_method as ClaimMethod | null) ?? null,
    openedOn: str(r.opened_on),
    initialState: r.initial_state as EventState,
    firstOnlineOn: str(r.first_online_on),
    lastContact: r.lc_contacted_on
      ? { contactedOn: String(r.lc_contacted_on), promisedOn: str(r.lc_promised_on) }
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

function conditions(filter: FollowUpFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.alert) parts.push(sql`${dueColumn(filter.alert)} is not null`);
  if (filter.status) parts.push(sql`r.st = ${filter.status}`);
  if (filter.assignee === "none") parts.push(sql`fu.assignee_id is null`);
  else if (filter.assignee !== undefined) parts.push(sql`fu.assignee_id = ${filter.assignee}`);
  if (filter.dueBefore) {
    const due = filter.alert ? dueColumn(filter.alert) : sql`r.top_due`;
    parts.push(sql`${due} <= ${filter.dueBefore}::date`);
  }
  if (filter.dueFrom) {
    const due = filter.alert ? dueColumn(filter.alert) : sql`r.top_due`;
    parts.push(sql`${due} >= ${filter.dueFrom}::date`);
  }
  if (filter.contractor) parts.push(sql`r.fl_contractor = ${filter.contractor}`);
  if (filter.nextActionBefore) parts.push(sql`fu.next_action_on <= ${filter.nextActionBefore}::date`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(r.code like ${like} or r.name like ${like} or r.address like ${like})`);
  }
  return sql.join(parts, sql` and `);
}

function orderBy(filter: FollowUpFilter): SQL {
  const dir = sql.raw(filter.dir === "desc" ? "desc" : "asc");
  // Column names of the wrapped follow-up select (x.*).
  const urgency = sql`top_due ${dir}, top_rank ${dir}, code ${dir}`;
  switch (filter.sort ?? "urgency") {
    case "code":
      return sql`code ${dir}`;
    case "name":
      return sql`name ${dir}, code`;
    case "prefecture":
      return sql`prefecture ${dir}, top_due, top_rank, code`;
    case "status":
      return sql`st ${dir}, top_due, top_rank, code`;
    case "nextAction":
      return sql`next_action_on ${dir} nulls last, top_due, top_rank, code`;
    case "dueOn":
      return sql`top_due ${dir}, code ${dir}`;
    case "tableType":
      return sql`table_type ${dir}, top_due, top_rank, code`;
    case "assignee":
      return sql`assignee_email ${dir} nulls last, top_due, top_rank, code`;
    default:
      return urgency;
  }
}

/**
 * The follow-up list grouped by the contractor in the filing in force (⑥ア): one call to a contractor covers
 * all the facilities it claims for. Most facilities first; at most `limit` groups.
 */
export async function followUpsByContractor(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  limit = 200,
): Promise<ContractorGroup[]> {
  const rows = await queryRows<{
    contractor: string;
    label: string;
    facilities: number;
    first_due: string;
    unassigned: number;
  }>(
    db,
    sql`select x.fl_contractor as contractor, mode() within group (order by x.fl_outsourcer) as label,
               count(*)::int as facilities,
               min(x.top_due)::text as first_due, count(*) filter (where x.assignee_id is null)::int as unassigned
        from (${followUpSelect(scope, filter)}) x
        where x.fl_contractor is not null and x.fl_contractor <> ''
        group by x.fl_contractor
        order by count(*) desc, min(x.top_due), x.fl_contractor
        limit ${limit}`,
  );
  return rows.map((r) => ({
    contractor: r.contractor,
    label: r.label,
    facilities: Number(r.facilities),
    firstDue: r.first_due,
    unassigned: Number(r.unassigned),
  }));
}

/** The codes of every facility on the filtered list (bounded: at most `max`), for an action over the whole list. */
export async function followUpCodes(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  max: number,
): Promise<{ codes: string[]; total: number }> {
  const rows = await queryRows<{ code: string; total: number }>(
    db,
    sql`select x.code, count(*) over () as total from (${followUpSelect(scope, filter)}) x
        order by x.top_due, x.top_rank, x.code limit ${max}`,
  );
  return { codes: rows.map((r) => r.code), total: rows.length ? Number(rows[0].total) : 0 };
}

/**
 * Adds to a bounded set of alertFacts rows each one's certificate records (`certs`, JSON) and its latest
 * contact on or before the date (`last_contact_on`, `last_contact_outcome`).
 */
export function withCertificates(rows: SQL, asOf: string): SQL {
  return sql`select p.*, (
      select json_agg(json_build_object('terminal', c.terminal, 'appliedOn', c.applied_on, 'issuedOn', c.issued_on,
                                        'expiresOn', c.expires_on))
      from certificates c where c.facility_code = p.code
    ) as certs, lc.contacted_on as last_contact_on, lc.outcome as last_contact_outcome
    from (${rows}) p
    left join lateral (
      select c.contacted_on, c.outcome from contacts c
      where c.facility_code = p.code and c.contacted_on <= ${asOf}::date
      order by c.contacted_on desc, c.id desc limit 1
    ) lc on true`;
}

/** The follow-up rows as SQL: every facility with an alert on the date, with who follows it up. */
function followUpSelect(scope: Scope, filter: FollowUpFilter): SQL {
  const where = facilityFilter(scope, filter);
  return sql`select r.*, fu.assignee_id, u.email as assignee_email, fu.next_action_on
             from ${alertFacts(filter.asOf, where)} r
             left join follow_ups fu on fu.facility_code = r.code
             left join users u on u.id = fu.assignee_id
             where ${conditions(filter)}`;
}

function toItem(r: Record<string, unknown>, asOf: string): FollowUpItem {
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

/** One page of the follow-up list, most urgent first by default, within the caller's scope (in SQL). */
export async function listFollowUps(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  page = 1,
  pageSize = 50,
): Promise<Page<FollowUpItem>> {
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${withCertificates(
      sql`select x.*, count(*) over () as total from (${followUpSelect(scope, filter)}) x
        order by ${orderBy(filter)}
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
      filter.asOf,
    )}) y order by ${orderBy(filter)}`,
  );
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) total = await countFollowUps(db, scope, filter);
  return { total, page, pageSize, items: rows.map((r) => toItem(r, filter.asOf)) };
}

export async function countFollowUps(db: Db, scope: Scope, filter: FollowUpFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${followUpSelect(scope, filter)}) x`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Every follow-up row matching the filter, in list order, a chunk at a time (keyset on the urgency order,
 * so each chunk is one bounded query and memory stays flat however many rows there are).
 */
export async function* eachFollowUp(
  db: Db,
  scope: Scope,
  filter: FollowUpFilter,
  chunk = 5000,
): AsyncGenerator<FollowUpItem[]> {
  let after: { due: string; rank: number; code: string } | null = null;
  for (;;) {
    const keyset: SQL = after
      ? sql`(x.top_due, x.top_rank, x.code) > (${after.due}::date, ${after.rank}::int, ${after.code})`
      : sql`true`;
    const rows: Row[] = await queryRows<Row>(
      db,
      sql`select * from (${withCertificates(
        sql`select x.* from (${followUpSelect(scope, filter)}) x where ${keyset}
          order by x.top_due, x.top_rank, x.code limit ${chunk}`,
        filter.asOf,
      )}) y order by top_due, top_rank, code`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, filter.asOf));
    const last = rows[rows.length - 1];
    after = { due: String(last.top_due), rank: Number(last.top_rank), code: String(last.code) };
    if (rows.length < chunk) return;
  }
}
