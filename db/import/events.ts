import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";
import type { CertificateOnlyRow, CertificateRow, EventRow } from "../../lib/import/types";
import { markBackwardSteps, refreshFacilityStatus } from "../queries/status";
import { refreshCertificateRenewals } from "../queries/certificates";
import { alertWindowsTouched, type WindowsRefresh } from "../queries/alert-windows";
import { certificateExpiry, certificateValidYears } from "../../lib/certificates";

/** A row of the payers' records: a step (with or without certificate columns), or a certificate alone. */
export type EventInput = EventRow | CertificateOnlyRow;

export type WriteCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Adds progress events by identity (code, state, date): a new identity is inserted, the same identity with
 * another note updated, the same values unchanged. Then backward steps are flagged and each facility's
 * current state brought in step, in the caller's transaction. Certificate columns on a row (or a
 * certificate-only row) go to `certificates` (upsertCertificates). Last, the facilities' alert windows.
 */
export async function upsertEvents(
  tx: Tx,
  input: EventInput[],
  batchId: number | null,
  windows: WindowsRefresh = "now",
): Promise<WriteCounts> {
  const steps = input.filter((r): r is EventRow => "state" in r);
  // One certificate may ride on several rows (the step it was issued with, a later one): the last row wins.
  const byKey = new Map<string, CertificateRow>();
  for (const r of input)
    if (r.certificate)
      byKey.set(certificateKey(r.certificate), { ...byKey.get(certificateKey(r.certificate)), ...r.certificate });
  const certificates = [...byKey.values()];
  const stepOutcome = await upsertSteps(tx, steps, batchId);
  const certOutcome = await upsertCertificates(tx, certificates, batchId);
  await alertWindowsTouched(tx, [...new Set(input.map((r) => r.code))], windows);
  // Each row counts once: inserted when its step (or, alone, its certificate) is new; updated when any part changed.
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const r of input) {
    const step = "state" in r ? stepOutcome.get(`${r.code}|${r.state}|${r.effectiveOn}`) : undefined;
    const cert = r.certificate ? certOutcome.get(certificateKey(r.certificate)) : undefined;
    const main = "state" in r ? step : cert;
    if (main === "inserted") counts.inserted++;
    else if (step || cert) counts.updated++;
    else counts.unchanged++;
  }
  return counts;
}

type Outcome = "inserted" | "updated";

function certificateKey(c: {
  code: string;
  terminal: string;
  appliedOn: string | null;
  issuedOn: string | null;
}): string {
  return `${c.code}|${c.terminal}|${c.appliedOn ?? c.issuedOn}`;
}

/**
 * Certificate records by identity (code, terminal, applied on — or issued on when no application is on
 * record): new ones inserted, changed ones updated. A missing expiry is the issue day plus the term
 * (CERTIFICATE_VALID_YEARS, default 3). Then each terminal's renewals are brought in step.
 */
export async function upsertCertificates(
  tx: Tx,
  rows: CertificateRow[],
  batchId: number | null,
): Promise<Map<string, Outcome>> {
  if (rows.length === 0) return new Map();
  const years = certificateValidYears(process.env.CERTIFICATE_VALID_YEARS);
  const expires = rows.map((r) => r.expiresOn ?? (r.issuedOn ? certificateExpiry(r.issuedOn, years) : null));
  const changed = await tx.query<{
    code: string;
    terminal: string;
    identity_on: string;
    is_new: boolean;
  }>(sql`with t as (select * from unnest(
         ${arrayParam(rows.map((r) => r.code))}::text[],
         ${arrayParam(rows.map((r) => r.terminal))}::text[],
         ${arrayParam(rows.map((r) => r.appliedOn))}::text[],
         ${arrayParam(rows.map((r) => r.issuedOn))}::text[],
         ${arrayParam(expires)}::text[]) as t(code, terminal, applied_on, issued_on, expires_on))
       insert into certificates as c (facility_code, terminal, applied_on, issued_on, expires_on, import_batch_id)
       select code, terminal, applied_on::date, issued_on::date, expires_on::date, ${batchId}::int from t
       on conflict (facility_code, terminal, identity_on) do update
         set issued_on = coalesce(excluded.issued_on, c.issued_on),
           expires_on = coalesce(excluded.expires_on, c.expires_on),
             import_batch_id = excluded.import_batch_id
       where (c.issued_on, c.expires_on) is distinct from
         (coalesce(excluded.issued_on, c.issued_on), coalesce(excluded.expires_on, c.expires_on))
       returning c.facility_code as code, c.terminal, c.identity_on::text, (xmax = 0) as is_new`);
  await refreshCertificateRenewals(tx, [...new Set(rows.map((r) => r.code))]);
  return new Map(changed.map((c) => [`${c.code}|${c.terminal}|${c.identity_on}`, c.is_new ? "inserted" : "updated"]));
}

async function upsertSteps(tx: Tx, rows: EventRow[], batchId: number | null): Promise<Map<string, Outcome>> {
  if (rows.length === 0) return new Map();
  const changed = await tx.query<{
    code: string;
    state: string;
    effective_on: string;
    is_new: boolean;
  }>(sql`with t as (select * from unnest(
         ${arrayParam(rows.map((r) => r.code))}::text[],
         ${arrayParam(rows.map((r) => r.state))}::text[],
         ${arrayParam(rows.map((r) => r.effectiveOn))}::text[],
         ${arrayParam(rows.map((r) => r.note))}::text[]) as t(code, state, effective_on, note))
       insert into status_events as e (facility_code, state, effective_on, source, note, import_batch_id)
       select code, state::facility_state, effective_on::date, 'import', note, ${batchId}::int from t
       on conflict (facility_code, state, effective_on) do update
         set note = excluded.note, import_batch_id = excluded.import_batch_id
       where e.note is distinct from excluded.note
       returning e.facility_code as code, e.state::text, e.effective_on::text, (xmax = 0) as is_new`);
  const codes = [...new Set(rows.map((r) => r.code))];
  await markBackwardSteps(tx, codes);
  await refreshFacilityStatus(tx, codes);
  return new Map(changed.map((c) => [`${c.code}|${c.state}|${c.effective_on}`, c.is_new ? "inserted" : "updated"]));
}
