import { sql } from "drizzle-orm";
import type { FacilityRow } from "../../lib/import/types";
import { copyInto } from "../bulk/copy";
import type { EncodedLines } from "../bulk/chunks";
import type { Tx } from "../transaction";
import { alertWindowsTouched, setAsideAlertWindows, type WindowsRefresh } from "../queries/alert-windows";
import type { WriteCounts } from "./events";
import { facilityLines, KEPT_WHEN_EMPTY, OPTIONAL, type FacilityColumn, type FacilityTarget } from "./facility-lines";

export type { FacilityColumn };

/** One valid row of a facility list, with the columns the file carried (absent columns are left alone). */
export type FacilityInput = FacilityRow;

const keptWhenEmpty = (c: string) => c === "category" || c in KEPT_WHEN_EMPTY;

/**
 * Upserts a batch by code (see mergeFacilities): inserted / updated / unchanged, counted exactly.
 */
export function upsertFacilities(
  tx: Tx,
  rows: FacilityInput[],
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
  windows: WindowsRefresh = "now",
): Promise<WriteCounts> {
  const lines = once(rows.map(facilityLines({ into: "staging" }, present).line));
  return mergeFacilities(tx, lines, present, batchId, windows);
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
 * import adding the same code fails this one on the key, and it rolls back. `parts` are the rows as lines
 * for the staging target (facility-lines.ts). The facilities written get their alert windows rebuilt
 * (`windows`).
 */
export async function mergeFacilities(
  tx: Tx,
  parts: AsyncIterable<EncodedLines>,
  present: ReadonlySet<FacilityColumn>,
  batchId: number | null,
  windows: WindowsRefresh = "now",
): Promise<WriteCounts> {
  const { columns } = facilityLines({ into: "staging" }, present);
  await tx.query(
    sql`create temp table facility_import (${sql.raw(
      columns.map(([c, type]) => `${c} ${type}`).join(", "),
    )}) on commit drop`,
  );
  const rows = await copyInto(
    tx,
    "facility_import",
    columns.map(([c]) => c),
    { lines: parts },
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
       where f.code = t.code and (${sql.raw(compared.map((c) => `f.${c}`).join(", "))})
         is distinct from (${sql.raw(compared.map(incoming).join(", "))})
       returning f.code
     )
     select count(*)::int as updated, coalesce(array_agg(code), '{}') as "changedCodes" from changed`);
  const optional = OPTIONAL.filter(([column]) => present.has(column) && column !== "category").map(([c]) => c);
  const start = present.has("claim_method")
    ? `case when t.claim_method = 'online' then 'online' else 'optical_disk' end::facility_state`
    : `'optical_disk'::facility_state`;
  const category =
    `${present.has("category") ? "coalesce(t.category, " : "("}` +
    `case when t.table_type = 'pharmacy' then 'pharmacy' else 'clinic' end::facility_category)`;
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
  await alertWindowsTouched(tx, [...changedCodes, ...addedCodes], windows);
  await tx.query(sql`drop table facility_import`);
  return { inserted, updated, unchanged: rows - inserted - updated };
}

/**
 * The first list into an empty table: straight into the facilities by one COPY stream, no staging. `parts`
 * are the rows as lines for this target (facility-lines.ts: the state each starts in and the batch). Its
 * alert windows are left to the next write (setAsideAlertWindows).
 */
export async function insertFacilities(
  tx: Tx,
  parts: AsyncIterable<EncodedLines>,
  present: ReadonlySet<FacilityColumn>,
  target: Extract<FacilityTarget, { into: "facilities" }>,
): Promise<number> {
  const { columns } = facilityLines(target, present);
  const names = columns.map(([c]) => c);
  const inserted = await copyInto(tx, "facilities", names, { lines: parts }, { chunkBytes: chunkBytes(tx) });
  await setAsideAlertWindows(tx);
  return inserted;
}

/**
 * How much CSV goes out at a time: on PostgreSQL small pieces, so that the text built for a piece is let go
 * before the collector has to copy it (a national list read 5% faster at 64 kB than at 256 kB); on PGlite
 * each piece is a COPY statement of its own, so larger ones. Lines written as bytes by the reader thread go
 * out in the batches they came in.
 */
const chunkBytes = (tx: Tx) => (tx.target.kind === "postgres" ? 64 << 10 : 256 << 10);
