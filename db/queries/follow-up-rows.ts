import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { dueColumn } from "./alert-sql";
import { FILING_COLUMNS } from "./alert-facts-sql";
import { alertSource, alertTops, firingAlerts, lateCodes, type AlertSource, type TopColumn } from "./alert-windows";
import { latestEventOn } from "./on-date";
import { facilityFilter } from "./scope";
import { ALERT_RULES, evaluateAlerts, type CertificateFacts, type FacilityFacts } from "../../lib/alerts/rules";
import type { Scope } from "../../lib/scope";
import type { EventState } from "../../lib/states";
import type { Category, ClaimMethod, TableType } from "../../lib/table-types";
import type { FollowUpItem } from "../../lib/follow-ups/types";
import type { ContactOutcome } from "../../lib/follow-ups/contacts";
import type { FollowUpFilter } from "./follow-up-filter";

/**
 * The SQL of the follow-up list (db/queries/follow-ups.ts): which facilities are on it, in which order
 * (alertTops, followUpSelect), and the facts of a page's facilities (pageRows), whose alerts and messages
 * lib/alerts then evaluates.
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
    parts.push(sql`(r.code like ${like} or fa.name like ${like} or fa.address like ${like})`);
  }
  return sql.join(parts, sql` and `);
}

/** The list order over followUpSelect's columns (pageRows keeps the same names). */
export function orderBy(filter: FollowUpFilter): SQL {
  const dir = sql.raw(filter.dir === "desc" ? "desc" : "asc");
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

/** What a statement over the follow-up rows needs of them besides the filter's own columns. */
export interface RowNeeds {
  /** The contractor and its name as written (followUpsByContractor), and who follows each facility up. */
  contractors?: boolean;
}

/**
 * The follow-up rows as SQL: every facility with an alert on the date (its most urgent one, alertTops), with
 * the columns the filter and the sort read (who follows it up only when they read it), for a statement().
 */
export function followUpSelect(source: AlertSource, scope: Scope, filter: FollowUpFilter, needs: RowNeeds = {}): SQL {
  const sort = filter.sort ?? "urgency";
  const columns: TopColumn[] = [];
  if (filter.status || sort === "status") columns.push("st");
  if (sort === "prefecture") columns.push("prefecture");
  if (sort === "tableType") columns.push("table_type");
  if (filter.contractor || needs.contractors) columns.push("fl_contractor");
  if (needs.contractors) columns.push("fl_outsourcer");
  const tops = alertTops(source, filter.asOf, facilityFilter(scope, filter, sql`w`), facilityFilter(scope, filter), {
    alert: filter.alert,
    columns,
  });
  const named = Boolean(filter.q) || sort === "name";
  const followed =
    filter.assignee !== undefined ||
    Boolean(filter.nextActionBefore) ||
    sort === "nextAction" ||
    sort === "assignee" ||
    Boolean(needs.contractors);
  const follower = followed ? sql`, fu.assignee_id, u.email as assignee_email, fu.next_action_on` : sql``;
  // A key lookup per listed facility (a join could hash every facility for a few hundred names).
  const name = named
    ? sql`join lateral (select f.name, f.address from facilities f where f.code = r.code offset 0) fa on true`
    : sql``;
  const follows = followed
    ? sql`left join follow_ups fu on fu.facility_code = r.code left join users u on u.id = fu.assignee_id`
    : sql``;
  return sql`select r.*${follower}${named ? sql`, fa.name` : sql``}
             from (${tops}) r ${name} ${follows}
             where ${conditions(filter)}`;
}

/** The list as it opens: most urgent first, narrowed only by scope, prefecture, table type or category. */
export function isPlainUrgency(filter: FollowUpFilter): boolean {
  const { asOf: _a, prefecture: _p, tableType: _t, category: _c, sort, dir, ...rest } = filter;
  void [_a, _p, _t, _c];
  return (
    (sort ?? "urgency") === "urgency" && (dir ?? "asc") === "asc" && Object.values(rest).every((v) => v === undefined)
  );
}

/**
 * The CTEs `t` and `pg` (code, top_due, top_rank, total) of a plain list's page (isPlainUrgency), without
 * ranking every facility: a facility has at most one firing window per rule, so the first n facilities by
 * urgency all have their most urgent window among the first n × 14 firing windows in (due date, rank, code)
 * order, where it is each one's first. The total counts the facilities with a window firing.
 */
export function urgentFirst(
  source: AlertSource,
  scope: Scope,
  filter: FollowUpFilter,
  limit: number,
  offset: number,
): SQL {
  const firing = firingAlerts(
    source,
    filter.asOf,
    facilityFilter(scope, filter, sql`w`),
    facilityFilter(scope, filter),
  );
  const windows = (offset + limit) * ALERT_RULES.length;
  return sql`t as materialized (${firing}),
    pg as (
      select h.code, h.top_due, h.top_rank, (select count(*) from (select distinct code from t) d)::int as total
      from (
        select distinct on (code) code, top_due, top_rank
        from (select * from t order by top_due, top_rank, code limit ${windows}) k
        order by code, top_due, top_rank
      ) h
      order by h.top_due, h.top_rank, h.code limit ${limit} offset ${offset}
    )`;
}

/**
 * A statement over follow-up rows for the date (`body` reads followUpSelect with the source it is given):
 * it starts with the CTE `late` when some facilities have to be evaluated for the date. With `cte`, the
 * body starts with a CTE of its own (`pg as (…) select …`).
 */
export async function statement(db: Db, asOf: string, body: (source: AlertSource) => SQL, cte = false): Promise<SQL> {
  const source = await alertSource(db, asOf);
  if (source === "windows-and-late")
    return sql`with late as (${lateCodes(asOf)})${cte ? sql`,` : sql``} ${body(source)}`;
  return sql`${cte ? sql`with` : sql``} ${body(source)}`;
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
