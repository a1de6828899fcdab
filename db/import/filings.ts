import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";
import { markBackwardSteps, refreshFacilityStatus } from "../queries/status";
import type { WriteCounts } from "./events";
import type { FilingRow } from "../../lib/import/types";
import { normalizeContractorName } from "../../lib/contractors";
import { alertWindowsTouched, type WindowsRefresh } from "../queries/alert-windows";

/** One valid 様式第1号 row; field names follow db/schema.ts `filings`. */
export type FilingInput = FilingRow;

const COLUMNS: [string, string, (f: FilingInput) => unknown][] = [
  ["facility_code", "text", (f) => f.code],
  ["filed_on", "date", (f) => f.filedOn],
  ["facility_name", "text", (f) => f.facilityName],
  ["phone", "text", (f) => f.phone],
  ["specialties", "text", (f) => f.specialties],
  ["deferral_until", "date", (f) => f.deferralUntil],
  ["reason", "text", (f) => f.reason],
  ["reason_sub", "smallint", (f) => f.reasonSub],
  ["outsourcer", "text", (f) => f.outsourcer],
  ["contractor", "text", (f) => (f.outsourcer ? normalizeContractorName(f.outsourcer) || null : null)],
  ["reason_other", "text", (f) => f.reasonOther],
  ["readiness", "text", (f) => f.readiness],
  ["readiness_date", "date", (f) => f.readinessDate],
  ["readiness_other", "text", (f) => f.readinessOther],
  ["rececom", "text", (f) => f.rececom],
  ["rececom_month", "text", (f) => f.rececomMonth],
  ["network", "text", (f) => f.network],
  ["network_month", "text", (f) => f.networkMonth],
  ["usage_applied", "boolean", (f) => f.usageApplied],
  ["cert_applied", "boolean", (f) => f.certApplied],
  ["remarks", "text", (f) => f.remarks],
  ["founder_name", "text", (f) => f.founderName],
  ["address", "text", (f) => f.address],
  ["email", "text", (f) => f.email],
];

/**
 * Upserts filings by identity (code, filed_on), marks the latest filing per code as the one in force, and
 * adds a `deferred` event on filed_on for a facility that was on optical disk that day (a filing never moves
 * a facility backwards, and one from a facility already further along changes no state).
 */
export async function upsertFilings(
  tx: Tx,
  rows: FilingInput[],
  batchId: number | null,
  windows: WindowsRefresh = "now",
): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const names = COLUMNS.map(([c]) => c);
  const columns = sql.raw(names.join(", "));
  const arrays = COLUMNS.map(
    ([, , get]) =>
      sql`${arrayParam(
        rows.map((r) => {
          const v = get(r);
          return v === null || v === undefined ? null : String(v);
        }),
      )}::text[]`,
  );
  const typed = sql.raw(COLUMNS.map(([c, type]) => `t.${c}::${type}`).join(", "));
  const compared = names.slice(2);
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    sql`with t as (select * from unnest(${sql.join(arrays, sql`, `)}) as t(${columns})),
     up as (
       insert into filings as f (${columns}, import_batch_id)
       select ${typed}, ${batchId}::int from t
       on conflict (facility_code, filed_on) do update set
         ${sql.raw(compared.map((c) => `${c} = excluded.${c}`).join(", "))}, import_batch_id = excluded.import_batch_id
       where (${sql.raw(compared.map((c) => `f.${c}`).join(", "))}) is distinct from
         (${sql.raw(compared.map((c) => `excluded.${c}`).join(", "))})
       returning (xmax = 0) as is_new
     )
     select (count(*) filter (where is_new))::int as inserted, (count(*) filter (where not is_new))::int as updated
     from up`,
  );
  const codes = [...new Set(rows.map((r) => r.code))];
  await tx.query(sql`update filings f set in_force = (f.filed_on = m.latest)
     from (select facility_code, max(filed_on) as latest from filings
       where facility_code = any(${arrayParam(codes)}::text[]) group by facility_code) m
     where f.facility_code = m.facility_code and f.in_force is distinct from (f.filed_on = m.latest)`);
  await tx.query(sql`insert into status_events (facility_code, state, effective_on, source, note, import_batch_id)
     select t.code, 'deferred', t.filed_on::date, 'filing', '様式第1号', ${batchId}::int
     from unnest(
         ${arrayParam(rows.map((r) => r.code))}::text[],
         ${arrayParam(rows.map((r) => r.filedOn))}::text[]) as t(code, filed_on)
     join facilities f on f.code = t.code
     left join lateral (
       select e.state from status_events e
       where e.facility_code = t.code and e.effective_on <= t.filed_on::date
       order by e.effective_on desc nulls first, e.state desc nulls first limit 1
     ) l on true
     where coalesce(l.state, f.initial_state) = 'optical_disk'
       and (f.closed_on is null or f.closed_on > t.filed_on::date)
     on conflict (facility_code, state, effective_on) do nothing`);
  await markBackwardSteps(tx, codes);
  await refreshFacilityStatus(tx, codes);
  await alertWindowsTouched(tx, codes, windows);
  return { ...counts, unchanged: rows.length - counts.inserted - counts.updated };
}
