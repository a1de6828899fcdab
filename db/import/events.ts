import type { Executor } from "../executor";
import type { EventRow } from "../../lib/import/types";
import { markBackwardSteps, refreshFacilityStatus } from "../queries/status";

export type EventInput = EventRow;

export type WriteCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Adds progress events by identity (code, state, date): a new identity is inserted, the same identity with
 * another note updated, the same values unchanged. Then backward steps are flagged and each facility's
 * current state brought in step, in the caller's transaction.
 */
export async function upsertEvents(tx: Executor, rows: EventInput[], batchId: number | null): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `with t as (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(code, state, effective_on, note)),
     up as (
       insert into status_events as e (facility_code, state, effective_on, source, note, import_batch_id)
       select code, state::facility_state, effective_on::date, 'import', note, $5::int from t
       on conflict (facility_code, state, effective_on) do update set note = excluded.note, import_batch_id = excluded.import_batch_id
       where e.note is distinct from excluded.note
       returning (xmax = 0) as is_new
     )
     select (count(*) filter (where is_new))::int as inserted, (count(*) filter (where not is_new))::int as updated from up`,
    [rows.map((r) => r.code), rows.map((r) => r.state), rows.map((r) => r.effectiveOn), rows.map((r) => r.note), batchId],
  );
  const codes = [...new Set(rows.map((r) => r.code))];
  await markBackwardSteps(tx, codes);
  await refreshFacilityStatus(tx, codes);
  return { ...counts, unchanged: rows.length - counts.inserted - counts.updated };
}
