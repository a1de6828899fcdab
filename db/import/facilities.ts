import { sql } from "drizzle-orm";
import type { FacilityRow } from "../../lib/import/types";
import { copyInto } from "../bulk/copy";
import { csvField } from "../bulk/encode";
import type { Tx } from "../transaction";
import type { WriteCounts } from "./events";
import { alertWindowsTouched, setAsideAlertWindows, type WindowsRefresh } from "../queries/alert-windows";

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
  ["opened_on", "date", (r: FacilityInput) => r.openedOn],
] as const;

export type FacilityColumn = (typeof OPTIONAL)[number][0];

/**
 * Columns that always hold a value: an empty cell means "not given" (a new facility gets the default, a
 * known one keeps its value) rather than "clear it". The category's default follows the table type.
 */
const KEPT_WHEN_EMPTY: Partial<Record<FacilityColumn, boolean>> = { shares_oqv_terminal: false };
const keptWhenEmpty = (c: string) => c === "category" || c in KEPT_WHEN_EMPTY;

const defaultCategory = (r: FacilityInput) => (r.tableType === "pharmacy" ? "pharmacy" : "clinic");

/**
 * Upserts a batch by code (see mergeFacilities): inserted / updated / unchanged, counted exactly.
 */
export function upsertFacilities(
  tx: Tx,
  rows: FacilityInput[],
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
): Promise<WriteCounts> {
  return mergeFacilities(tx, once(rows), present, batchId);
}

async function* once<T>(item: T): AsyncGenerator<T> {
  yield item;
}

/**
 * Upserts a whole file's rows by code, set-based: every row goes by one COPY stream into a staging table of
 * the file's columns (typed, so each value is converted once), then one statement updates the facilities
 * whose columns differ and one inserts the codes not on record. Only the columns the file carries are
 * compared and written, so a list without phones keeps the phones on record; a row equal to the record is
 * left alone and counted unchanged. The file has no duplicate codes (the reader rejects them); a concurrent
 * import adding the same code fails this one on the key, and it rolls back. The facilities written get
 * their alert windows rebuilt (`windows`).
 */
export async function mergeFacilities(
  tx: Tx,
  batches: AsyncIterable<FacilityInput[]>,
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
  windows: WindowsRefresh = "now",
): Promise<WriteCounts> {
  const columns: (readonly [string, string, (r: FacilityInput) => unknown])[] = [
    ["code", "text", (r) => r.code],
    ["prefecture", "text", (r) => r.prefecture],
    ["table_type", "table_type", (r) => r.tableType],
    ["name", "text", (r) => r.name],
    ...OPTIONAL.filter(([column]) => present.has(column)),
  ];
  await tx.query(
    sql`create temp table facility_import (${sql.raw(columns.map(([c, type]) => `${c} ${type}`).join(", "))})
          on commit drop`,
  );
  const line = lineOf(
    columns.map(
      ([, , get]) =>
        (r: FacilityInput) =>
          csvField(get(r)),
    ),
  );
  const rows = await copyInto(
    tx,
    "facility_import",
    columns.map(([c]) => c),
    { lines: mapBatches(batches, line) },
    { chunkBytes: chunkBytes(tx) },
  );
  // a temporary table has no statistics: without them the joins below go row by row
  await tx.query(sql`analyze facility_import`);
  const compared = columns.slice(1).map(([c]) => c);
  const incoming = (c: string) => (keptWhenEmpty(c) ? `coalesce(t.${c}, f.${c})` : `t.${c}`);
  const [{ updated, changedCodes }] = await tx.query<{ updated: number; changedCodes: string[] }>(sql`with changed as (
       update facilities f set ${sql.raw(compared.map((c) => `${c} = ${incoming(c)}`).join(", "))},
         import_batch_id = ${batchId}::int, updated_at = now()
       from facility_import t
       where f.code = t.code
         and (${sql.raw(compared.map((c) => `f.${c}`).join(", "))}) is distinct from
           (${sql.raw(compared.map(incoming).join(", "))})
       returning f.code
     )
     select count(*)::int as updated, coalesce(array_agg(code), '{}') as "changedCodes" from changed`);
  const optional = OPTIONAL.filter(([column]) => present.has(column) && column !== "category").map(([c]) => c);
  const start = present.has("claim_method")
    ? `case when t.claim_method = 'online' then 'online' else 'optical_disk' end::facility_state`
    : `'optical_disk'::facility_state`;
  const category =
    `${present.has("category") ? "coalesce(t.category, " : "("}case when t.table_type = 'pharmacy' ` +
    `then 'pharmacy' else 'clinic' end::facility_category)`;
  const [{ inserted, addedCodes }] = await tx.query<{ inserted: number; addedCodes: string[] }>(sql`with added as (
       insert into facilities (code, prefecture, table_type, name, category,
         ${sql.raw(optional.map((c) => `${c}, `).join(""))}initial_state, status, import_batch_id)
       select t.code, t.prefecture, t.table_type, t.name, ${sql.raw(category)},
         ${sql.raw(
           optional
             .map((c) => (c in KEPT_WHEN_EMPTY ? `coalesce(t.${c}, ${KEPT_WHEN_EMPTY[c]}), ` : `t.${c}, `))
             .join(""),
         )}${sql.raw(start)}, ${sql.raw(start)}, ${batchId}::int
       from facility_import t where not exists (select 1 from facilities f where f.code = t.code)
       returning code
     )
     select count(*)::int as inserted, coalesce(array_agg(code), '{}') as "addedCodes" from added`);
  await tx.query(sql`drop table facility_import`);
  await alertWindowsTouched(tx, [...changedCodes, ...addedCodes], windows);
  return { inserted, updated, unchanged: rows - inserted - updated };
}

/**
 * The first list into an empty table: straight into the facilities by one COPY stream, no staging. A new
 * facility starts online when its claim method is online, else on optical disk (as in mergeFacilities).
 * Its alert windows are left to the next write (setAsideAlertWindows).
 */
export async function insertFacilities(
  tx: Tx,
  rows: AsyncIterable<FacilityInput[]>,
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
): Promise<number> {
  const optional = OPTIONAL.filter(([column]) => present.has(column) && column !== "category");
  const columns = [
    "code",
    "prefecture",
    "table_type",
    "name",
    "category",
    ...optional.map(([c]) => c),
    "initial_state",
    "status",
    "import_batch_id",
  ];
  const start = (r: FacilityInput) =>
    present.has("claim_method") && r.claimMethod === "online" ? "online" : "optical_disk";
  const line = lineOf([
    (r) => csvField(r.code),
    (r) => csvField(r.prefecture),
    (r) => r.tableType,
    (r) => csvField(r.name),
    (r) => (present.has("category") && r.category) || defaultCategory(r),
    ...optional.map(
      ([c, , get]) =>
        (r: FacilityInput) =>
          csvField(get(r) ?? KEPT_WHEN_EMPTY[c]),
    ),
    start,
    start,
    () => csvField(batchId),
  ]);
  const inserted = await copyInto(
    tx,
    "facilities",
    columns,
    { lines: mapBatches(rows, line) },
    {
      chunkBytes: chunkBytes(tx),
    },
  );
  await setAsideAlertWindows(tx);
  return inserted;
}

/**
 * How much CSV goes out at a time: on PostgreSQL small pieces, so that the text built for a piece is let go
 * before the collector has to copy it (a national list reads faster at 64 kB than at 256 kB); on PGlite
 * each piece is a COPY statement of its own, so larger ones.
 */
const chunkBytes = (tx: Tx) => (tx.target.kind === "postgres" ? 64 << 10 : 256 << 10);

/**
 * A row as one line of COPY's CSV, each field written by its own function: no array of values per row
 * on the way (a national list is 230,000 rows).
 */
function lineOf(fields: readonly ((r: FacilityInput) => string)[]): (r: FacilityInput) => string {
  const [first, ...rest] = fields;
  return (r) => {
    let line = first(r);
    for (const field of rest) line += "," + field(r);
    return line + "\n";
  };
}

async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map);
}
