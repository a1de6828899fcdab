import type { FacilityRow } from "../../lib/import/types";
import type { Executor } from "../executor";

/** One valid row of a facility list, with the columns the file carried (absent columns are left alone). */
export type FacilityInput = FacilityRow;

/** Optional columns: database column, SQL type, and how to read it from a row. */
const OPTIONAL = [
  ["category", "facility_category", (r: FacilityInput) => r.category],
  ["address", "text", (r: FacilityInput) => r.address],
  ["postal_code", "text", (r: FacilityInput) => r.postalCode],
  ["phone", "text", (r: FacilityInput) => r.phone],
  ["specialties", "text", (r: FacilityInput) => r.specialties],
  ["claim_method", "claim_method", (r: FacilityInput) => r.claimMethod],
  ["monthly_claims", "int", (r: FacilityInput) => r.monthlyClaims],
  ["shares_oqv_terminal", "boolean", (r: FacilityInput) => r.sharesOqvTerminal],
  ["closed_on", "date", (r: FacilityInput) => r.closedOn],
] as const;

export type FacilityColumn = (typeof OPTIONAL)[number][0];

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Upserts a batch by code in one statement (unnest arrays: set-based, no per-row round trips). Only the
 * columns present in the file are compared and updated, so a list without phones keeps the phones on record.
 * A new facility starts online when its claim method is online, else on optical disk.
 */
export async function upsertFacilities(
  tx: Executor,
  rows: FacilityInput[],
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const optional = OPTIONAL.filter(([column]) => present.has(column));
  const base: [string, string, (r: FacilityInput) => unknown][] = [
    ["code", "text", (r) => r.code],
    ["prefecture", "text", (r) => r.prefecture],
    ["table_type", "table_type", (r) => r.tableType],
    ["name", "text", (r) => r.name],
  ];
  const columns = [...base, ...optional];
  const params = columns.map(([, , get]) => rows.map((r) => textOrNull(get(r))));
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const names = columns.map(([c]) => c);
  const typed = columns.map(([c, type]) => `t.${c}::${type}`).join(", ");
  const compared = ["prefecture", "table_type", "name", ...optional.map(([c]) => c)];
  const hasCategory = present.has("category");
  const hasMethod = present.has("claim_method");
  const defaultCategory = `(case t.table_type when 'pharmacy' then 'pharmacy' else 'clinic' end)::facility_category`;
  const startState = hasMethod ? `(case when t.claim_method = 'online' then 'online' else 'optical_disk' end)::facility_state` : `'optical_disk'::facility_state`;
  const result = await tx.query<{ inserted: number; updated: number }>(
    `with t as (select * from unnest(${unnest}) as t(${names.join(", ")})),
     upserted as (
       insert into facilities as f (${names.join(", ")}${hasCategory ? "" : ", category"}, initial_state, status, import_batch_id)
       select ${typed}${hasCategory ? "" : `, ${defaultCategory}`}, ${startState}, ${startState}, $${columns.length + 1}::int from t
       on conflict (code) do update set
         ${compared.map((c) => `${c} = excluded.${c}`).join(", ")}, import_batch_id = excluded.import_batch_id, updated_at = now()
       where (${compared.map((c) => `f.${c}`).join(", ")}) is distinct from (${compared.map((c) => `excluded.${c}`).join(", ")})
       returning (xmax = 0) as is_new
     )
     select (count(*) filter (where is_new))::int as inserted, (count(*) filter (where not is_new))::int as updated from upserted`,
    [...params, batchId],
  );
  const { inserted, updated } = result[0];
  return { inserted, updated, unchanged: rows.length - inserted - updated };
}
