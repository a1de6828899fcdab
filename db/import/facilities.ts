import type { FacilityRow } from "../../lib/import/types";
import { copyInto, type BulkTx } from "../bulk";

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

const defaultCategory = (r: FacilityInput) => (r.tableType === "pharmacy" ? "pharmacy" : "clinic");

/**
 * Upserts a batch by code. One indexed lookup splits the batch: codes not yet on record go in by COPY (the
 * file has no duplicate codes: the reader rejects them), the rest through one set-based upsert that counts
 * what changed. A concurrent import adding the same code fails this one on the key, and it rolls back.
 */
export async function upsertFacilities(
  tx: BulkTx,
  rows: FacilityInput[],
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const found = await tx.query<{ code: string }>("select code from facilities where code = any($1::text[])", [rows.map((r) => r.code)]);
  const known = new Set(found.map((f) => f.code));
  const fresh = known.size === 0 ? rows : rows.filter((r) => !known.has(r.code));
  if (fresh.length > 0) await insertFacilities(tx, fresh, present, batchId);
  const { updated } = known.size > 0 ? await updateFacilities(tx, known.size === rows.length ? rows : rows.filter((r) => known.has(r.code)), present, batchId) : { updated: 0 };
  return { inserted: fresh.length, updated, unchanged: rows.length - fresh.length - updated };
}

/**
 * New facilities by COPY: a batch, or a whole file's batches in one COPY stream (the first list into an
 * empty table). A new facility starts online when its claim method is online, else on optical disk.
 */
export async function insertFacilities(
  tx: BulkTx,
  rows: FacilityInput[] | AsyncIterable<FacilityInput[]>,
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
): Promise<number> {
  const optional = OPTIONAL.filter(([column]) => present.has(column) && column !== "category");
  const columns = ["code", "prefecture", "table_type", "name", "category", ...optional.map(([c]) => c), "initial_state", "status", "import_batch_id"];
  const startOf = (r: FacilityInput) => (present.has("claim_method") && r.claimMethod === "online" ? "online" : "optical_disk");
  const toRow = (r: FacilityInput) => [
    r.code, r.prefecture, r.tableType, r.name, (present.has("category") && r.category) || defaultCategory(r), ...optional.map(([, , get]) => get(r) ?? null), startOf(r), startOf(r), batchId,
  ];
  if (Array.isArray(rows)) return copyInto(tx, "facilities", columns, rows.map(toRow));
  return copyInto(tx, "facilities", columns, { batches: mapBatches(rows, toRow) }, { chunkBytes: 256 << 10 });
}

async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map);
}

/**
 * Updates facilities already on record in one statement (unnest arrays: set-based, no per-row round trips).
 * Only the columns present in the file are compared and written, so a list without phones keeps the phones
 * on record; a row equal to the record is left alone and counted unchanged.
 */
async function updateFacilities(tx: BulkTx, rows: FacilityInput[], present: ReadonlySet<FacilityColumn>, batchId: number | null): Promise<{ updated: number }> {
  const columns: (readonly [string, string, (r: FacilityInput) => unknown])[] = [
    ["code", "text", (r) => r.code],
    ["prefecture", "text", (r) => r.prefecture],
    ["table_type", "table_type", (r) => r.tableType],
    ["name", "text", (r) => r.name],
    ...OPTIONAL.filter(([column]) => present.has(column)),
  ];
  const params = columns.map(([, , get]) => rows.map((r) => textOrNull(get(r))));
  const compared = columns.slice(1);
  const result = await tx.query<{ updated: number }>(
    `with t as (select * from unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")}) as t(${columns.map(([c]) => c).join(", ")})),
     changed as (
       update facilities f set ${compared.map(([c, type]) => `${c} = t.${c}::${type}`).join(", ")}, import_batch_id = $${columns.length + 1}::int, updated_at = now()
       from t
       where f.code = t.code
         and (${compared.map(([c]) => `f.${c}`).join(", ")}) is distinct from (${compared.map(([c, type]) => `t.${c}::${type}`).join(", ")})
       returning 1
     )
     select count(*)::int as updated from changed`,
    [...params, batchId],
  );
  return { updated: result[0].updated };
}
