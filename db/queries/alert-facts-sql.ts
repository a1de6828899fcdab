import { sql, type SQL } from "drizzle-orm";
import { latestEventOn } from "./on-date";
import type { AlertSettings } from "../../lib/alerts/rules";

/**
 * The facts the rules (alert-rules-sql.ts) read, one row per facility that could have an alert, as of a date
 * `a`. Given `current`, as of the facility's latest record instead (the date is then 'infinity'): every recorded
 * date counts, and a facility closing on a later day is kept (its closing day ends its windows).
 */
export interface FactsOptions {
  current?: boolean;
  /** A subquery of codes: only those facilities, and only their certificates and contacts, are read. */
  only?: SQL;
}

/** Filing columns the rules (and the messages) read; taken from the filing in force on the date. */
export const FILING_COLUMNS = [
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

/** The facility's columns the rules and the lists read (its name and address are read for a page only). */
const FACILITY_NAMES = [
  "code",
  "prefecture",
  "table_type",
  "category",
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

/** Columns computed from the facts, in the order derivedFacts makes them. */
const DERIVED_NAMES = [
  "has_applied",
  "was_online",
  "has_certificate",
  "applied_on",
  "certificate_on",
  "ready_by",
  "apply_by",
];

/** The type of each facts column that is not a date and that the online branch leaves empty. */
const NULL_TYPES: Record<string, string> = {
  fl_reason: "text",
  fl_reason_sub: "smallint",
  fl_readiness: "text",
  fl_usage_applied: "boolean",
  fl_cert_applied: "boolean",
  fl_outsourcer: "text",
  fl_contractor: "text",
};

/** Every column of a facts row, in order: the online branch spells the same list. */
export const FACT_NAMES = [
  ...FACILITY_NAMES,
  "st",
  "st_since",
  ...FILING_COLUMNS.map((c) => `fl_${c}`),
  "c_lapse_on",
  "c_unrenewed_lapse_on",
  "lc_contacted_on",
  "lc_promised_on",
  ...DERIVED_NAMES,
];

const inOnly = (column: SQL, only: SQL | undefined) => (only ? sql`${column} in (${only})` : sql`true`);

/**
 * `cd`: per facility with a certificate in force on the date (issued by then, not yet renewed then): the
 * earliest last valid day of any terminal (`c_lapse_on`) and of those with no renewal applied for and not
 * issued on the date (`c_unrenewed_lapse_on`; see lib/alerts/facts.ts terminalCertificates). As of a date,
 * only certificates lapsing within the certificate_expiring window can fire, so only those are read.
 */
export function certificateFacts(asOf: string, settings: AlertSettings, only?: SQL): SQL {
  const a = sql`${asOf}::date`;
  const window = sql`${a} + ${settings.certificateExpiringDays}::int`;
  const mine = inOnly(sql`c.facility_code`, only);
  // Set-based (hash joins), not a subquery per certificate: the estimate stays under the JIT threshold.
  return sql`select cur.facility_code as code, min(cur.expires_on) as c_lapse_on,
           min(cur.expires_on) filter (where not coalesce(pr.last_applied >= cur.issued_on, false))
             as c_unrenewed_lapse_on
    from (
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on is null and c.expires_on <= ${window} and c.issued_on <= ${a} and ${mine}
      union all
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on > ${a} and c.expires_on <= ${window} and c.issued_on <= ${a} and ${mine}
    ) cur
    left join (
      -- Applications not issued on the date (a renewal pending), latest per terminal.
      select r.facility_code, r.terminal, max(r.applied_on) as last_applied
      from (
        select c.facility_code, c.terminal, c.applied_on from certificates c
        where c.issued_on is null and c.applied_on <= ${a} and ${mine}
        union all
        select c.facility_code, c.terminal, c.applied_on from certificates c
        where c.issued_on > ${a} and c.applied_on <= ${a} and ${mine}
      ) r
      group by r.facility_code, r.terminal
    ) pr on pr.facility_code = cur.facility_code and pr.terminal = cur.terminal
    group by cur.facility_code`;
}

/** `pm`: the latest contact on or before the date, where it carries a promise (a later one without clears it). */
export function promisedContacts(asOf: string, only?: SQL): SQL {
  const a = sql`${asOf}::date`;
  return sql`select p.facility_code as code, p.contacted_on as lc_contacted_on, p.promised_on as lc_promised_on
    from contacts p
    where p.promised_on is not null and p.contacted_on <= ${a} and ${inOnly(sql`p.facility_code`, only)}
      and not exists (
        select 1 from contacts n
        where n.facility_code = p.facility_code and n.contacted_on <= ${a}
          and (n.contacted_on, n.id) > (p.contacted_on, p.id)
      )`;
}

/**
 * The facilities not online on the date (and those moved since it, whatever their state then), with their
 * filing in force then, certificate and contact facts (the `cd` and `pm` CTEs) and the derived columns.
 */
export function notOnlineFacts(asOf: string, where: SQL, options: FactsOptions): SQL {
  const a = sql`${asOf}::date`;
  // As of the latest record, the filing in force is the one to read.
  const fl = (c: string) =>
    options.current
      ? sql`fi.${sql.raw(c)} as ${sql.raw(`fl_${c}`)}`
      : sql`case when fi.filed_on <= ${a} then fi.${sql.raw(c)} else older.${sql.raw(c)} end as ${sql.raw(`fl_${c}`)}`;
  const live = options.current ? sql`true` : sql`(f.closed_on is null or f.closed_on > ${a})`;
  const only = inOnly(sql`f.code`, options.only);
  // "offset 0" fences keep the planner from pasting each computed column into every expression that reads it
  // (the plan grew to 60 kB of SQL and crossed the JIT threshold: half a second of compiling).
  return sql`select b.*,
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
      select f.*, ${sql.join(FILING_COLUMNS.map(fl), sql`, `)}, cd.c_lapse_on, cd.c_unrenewed_lapse_on,
             pm.lc_contacted_on, pm.lc_promised_on
      from (
        -- Not moved since the date: the maintained status is the state then (an index range on status).
        select ${FACILITY_COLUMNS}, f.status as st, f.status_since as st_since
        from facilities f
        where ${where} and ${live} and ${only}
          and f.status in ('optical_disk', 'deferred', 'applied', 'certificate_issued')
          and (f.status_since <= ${a} or f.status_since is null)
        ${options.current ? sql`` : movedSince(asOf, sql`${where} and ${live} and ${only}`)}
      ) f
      left join cd on cd.code = f.code
      left join pm on pm.code = f.code
      left join filings fi on fi.facility_code = f.code and fi.in_force
      ${options.current ? sql`` : filedBefore(a)}
      offset 0
    ) b
    -- Online on the date only when it moved after it (the rest come through onlineFacts).
    where b.st <> 'closed' and (b.st <> 'online' or b.c_lapse_on is not null)
    offset 0`;
}

/** The facilities moved after the date (none for today), each with its latest event on or before it. */
function movedSince(asOf: string, where: SQL): SQL {
  return sql`union all
    select ${FACILITY_COLUMNS}, coalesce(ev.state, f.initial_state), ev.effective_on
    from facilities f
    ${latestEventOn(asOf, "ev")}
    where ${where} and f.status_since > ${asOf}::date`;
}

/** `older`: the filing in force on the date when the latest one was filed after it. */
function filedBefore(a: SQL): SQL {
  return sql`left join lateral (
    select p.* from filings p
    where fi.filed_on > ${a} and p.facility_code = f.code and p.filed_on <= ${a}
    order by p.filed_on desc limit 1
  ) older on true`;
}

/**
 * The facilities online on the date (and not moved since) with a certificate in force that can fire: only
 * the certificate rules apply to them, so they skip the filing and contact joins (a few thousand rows
 * nationally as of a date, which the full pipeline would double the cost of). Same columns as notOnlineFacts.
 */
export function onlineFacts(asOf: string, where: SQL, options: FactsOptions): SQL {
  const a = sql`${asOf}::date`;
  const value: Record<string, string> = {
    st: "f.status",
    st_since: "f.status_since",
    c_lapse_on: "cd.c_lapse_on",
    c_unrenewed_lapse_on: "cd.c_unrenewed_lapse_on",
    has_applied: "true",
    has_certificate: "true",
    was_online: "true",
  };
  for (const c of FACILITY_NAMES) value[c] = `f.${c}`;
  // Typed, so that the rules over these rows compile (they give null for an online facility).
  const columns = sql.raw(
    FACT_NAMES.map((c) => `${value[c] ?? `null::${NULL_TYPES[c] ?? "date"}`} as ${c}`).join(", "),
  );
  const live = options.current ? sql`true` : sql`(f.closed_on is null or f.closed_on > ${a})`;
  return sql`select ${columns}
    from facilities f join cd on cd.code = f.code
    -- The codes as an array: one bitmap scan reads the few thousand facility rows in table order, not a
    -- primary-key probe (a random page read) per certificate-holder.
    where f.code = any(array(select code from cd))
      and ${where} and ${live} and f.status = 'online' and (f.status_since <= ${a} or f.status_since is null)`;
}
