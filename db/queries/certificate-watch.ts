import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { addDays, monthEnd, toEpochDay, todayIso } from "../../lib/dates";
import { DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/catalogue";
import { certificateHoldersOf, foldCertificates, type CertificateHolders } from "../../lib/figures/certificates";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import type { CertificateWatch, ExpiringMonth } from "../../lib/figures/types";

interface Filter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/** Days ahead the overview looks for lapsing certificates (the certificate_expiring window). */
export const CERTIFICATE_HORIZON_DAYS = DEFAULT_ALERT_SETTINGS.certificateExpiringDays;

/**
 * Per facility with a certificate that has lapsed or lapses within the window on the date, by the certificate
 * rules of the follow-up list (alert-sql.ts certificateDue, lib/alerts/facts.ts terminalCertificates): the
 * earliest lapsed terminal's last valid day, and the earliest one lapsing with no renewal applied for. The
 * certificate in force for a terminal is the one issued by the date and not renewed by then. `only` limits it to
 * some facilities (a condition on `c.facility_code`).
 */
function certificateDues(a: SQL, only: SQL): SQL {
  const window = sql`${a} + ${CERTIFICATE_HORIZON_DAYS}::int`;
  return sql`select cur.facility_code as code,
           min(cur.expires_on) filter (where cur.expires_on < ${a}) as expired_due,
           min(cur.expires_on) filter
             (where cur.expires_on >= ${a} and not coalesce(pr.last_applied >= cur.issued_on, false)) as expiring_due
    from (
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on is null and c.expires_on <= ${window} and c.issued_on <= ${a} and ${only}
      union all
      select c.facility_code, c.terminal, c.issued_on, c.expires_on from certificates c
      where c.renewed_on > ${a} and c.expires_on <= ${window} and c.issued_on <= ${a} and ${only}
    ) cur
    left join (
      -- Applications not issued on the date (a renewal pending), latest per terminal.
      select r.facility_code, r.terminal, max(r.applied_on) as last_applied
      from (
        select c.facility_code, c.terminal, c.applied_on from certificates c
        where c.issued_on is null and c.applied_on <= ${a} and ${only}
        union all
        select c.facility_code, c.terminal, c.applied_on from certificates c
        where c.issued_on > ${a} and c.applied_on <= ${a} and ${only}
      ) r
      group by r.facility_code, r.terminal
    ) pr on pr.facility_code = cur.facility_code and pr.terminal = cur.terminal
    group by cur.facility_code`;
}

/** The counts by due month (null for the lapsed) of the facilities given certificate alerts on the date. */
async function countedOn(
  db: Db,
  scope: Scope,
  filter: Filter,
  only: SQL = sql`true`,
): Promise<{ month: string | null; n: number; expired: number }[]> {
  const a = sql`${filter.asOf}::date`;
  // The state on the date: the maintained status unless the facility moved after it (then its events say).
  const stateOn = sql`case when f.status_since > ${a} then coalesce(
      (select e.state from status_events e where e.facility_code = f.code and e.effective_on <= ${a}
       order by e.effective_on desc nulls first, e.state desc nulls first limit 1), f.initial_state)
    else f.status end`;
  return queryRows(
    db,
    sql`with cd as (${certificateDues(a, only)})
        select to_char(case when cd.expired_due is null then cd.expiring_due end, 'YYYY-MM') as month,
               count(*) filter (where cd.expired_due is null and cd.expiring_due is not null)::int as n,
               count(*) filter (where cd.expired_due is not null)::int as expired
        from cd join facilities f on f.code = cd.code
        where f.code = any(array(select code from cd where expired_due is not null or expiring_due is not null))
          and ${facilityFilter(scope, filter)} and (f.closed_on is null or f.closed_on > ${a})
          and ${stateOn} <> 'closed'
        group by 1`,
  );
}

/**
 * The facilities whose certificates or state on the date are not those of their latest record: a certificate
 * issued or renewed after the date, an application after it not issued yet, or a state change after it. A
 * condition on `c.facility_code`, each part read through its index.
 */
function changedAfter(a: SQL): SQL {
  return sql`c.facility_code in (
      select facility_code from certificates where issued_on > ${a}
      union select facility_code from certificates where renewed_on > ${a}
      union select facility_code from certificates where issued_on is null and applied_on > ${a}
      union select code from facilities where status_since > ${a})`;
}

/**
 * Certificates lapsing within the next 90 days, by the month the facility's certificate_expiring alert
 * falls due, and those already lapsed: the facilities the follow-up list gives those alerts on the date
 * (any not closed then: a certificate stops the claims of an online facility too), so each figure is the
 * total of the list it links to (alert + due range; watch.test.ts holds them equal on several dates). With
 * `holders` (certificateHolders, kept for the data version) and a date they serve, only the facilities whose
 * certificates or state on the date differ from their latest record are read; the rest are counted from it.
 */
export async function certificateWatch(
  db: Db,
  scope: Scope,
  filter: Filter,
  holders?: CertificateHolders,
): Promise<CertificateWatch> {
  const day = toEpochDay(filter.asOf);
  const served = holders && day >= holders.from && day <= holders.through;
  const held = served ? foldCertificates(holders, day, CERTIFICATE_HORIZON_DAYS) : null;
  const rows = await countedOn(db, scope, filter, held ? changedAfter(sql`${filter.asOf}::date`) : sql`true`);
  const byMonth = new Map<string, number>(held?.expiringByMonth ?? []);
  let expired = held?.expired ?? 0;
  for (const r of rows) {
    expired += Number(r.expired);
    if (r.month !== null) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + Number(r.n));
  }
  const horizon = addDays(filter.asOf, CERTIFICATE_HORIZON_DAYS);
  const months: ExpiringMonth[] = [];
  for (let from = filter.asOf; from <= horizon; from = addDays(monthEnd(from), 1)) {
    const month = from.slice(0, 7);
    const until = monthEnd(from) < horizon ? monthEnd(from) : horizon;
    months.push({ month, facilities: byMonth.get(month) ?? 0, dueFrom: from, dueBefore: until });
  }
  return { months, expired };
}

/**
 * The facilities holding certificates within the scope and filter (in SQL), as of their latest record (see
 * CertificateHolder), that have a current certificate lapsing by `through` plus the window: what the counts of
 * the dates from `from` to `through` need, read once for a data version (a few thousand facilities nationally).
 * By default the dates around today: further back, the facilities whose certificates changed since are many and
 * the statement reads them all at less cost.
 */
export async function certificateHolders(
  db: Db,
  scope: Scope,
  filter: Omit<Filter, "asOf">,
  { from = addDays(todayIso(), -62), through = addDays(todayIso(), 31) }: { from?: string; through?: string } = {},
): Promise<CertificateHolders> {
  const day = (value: SQL) => sql`(${value} - date '1970-01-01')`;
  const current = sql`c.issued_on is not null and c.renewed_on is null and c.expires_on is not null`;
  const holding = sql`select distinct c.facility_code from certificates c
    where ${current} and c.expires_on <= ${through}::date + ${CERTIFICATE_HORIZON_DAYS}::int`;
  const rows = await queryRows<{
    code: string;
    closed_on: number | null;
    closed: boolean;
    valid_from: number | null;
    expires: number[] | null;
    renewal: boolean[] | null;
  }>(
    db,
    sql`select f.code, ${day(sql`f.closed_on`)} as closed_on, f.status = 'closed' as closed,
               ${day(sql`greatest(f.status_since, h.last_record)`)} as valid_from, h.expires, h.renewal
        from (
          select c.facility_code,
                 max(greatest(c.issued_on, c.renewed_on, case when c.issued_on is null then c.applied_on end))
                   as last_record,
                 array_agg(${day(sql`c.expires_on`)} order by c.id) filter (where ${current}) as expires,
                 array_agg(coalesce(p.last_applied >= c.issued_on, false) order by c.id)
                   filter (where ${current}) as renewal
          from certificates c
          left join (
            -- Applications not issued (a renewal pending), latest per terminal.
            select facility_code, terminal, max(applied_on) as last_applied from certificates
            where issued_on is null group by 1, 2
          ) p on p.facility_code = c.facility_code and p.terminal = c.terminal
          -- As arrays: the few thousand holders' certificates and facility rows are read by key, not by scanning
          -- every certificate and facility.
          where c.facility_code = any(array(${holding}))
          group by c.facility_code
        ) h
        join facilities f on f.code = h.facility_code
        where f.code = any(array(${holding})) and ${facilityFilter(scope, filter)}`,
  );
  const holders = rows.map((r) => ({
    code: r.code,
    closedOn: r.closed_on === null ? null : Number(r.closed_on),
    closed: r.closed,
    validFrom: r.valid_from === null ? null : Number(r.valid_from),
    expires: (r.expires ?? []).map(Number),
    renewalApplied: r.renewal ?? [],
  }));
  return certificateHoldersOf(holders, toEpochDay(from), toEpochDay(through));
}
