import { sql } from "drizzle-orm";
import type { Tx } from "../transaction";
import type { WindowsRefresh } from "../queries/alert-windows";
import { withForeignKeysCheckedAfter } from "../bulk/rebuild";
import type { ImportKind } from "../../lib/import/kinds";
import { insertFacilities, mergeFacilities, type FacilityColumn, type FacilityInput } from "./facilities";
import { upsertEvents, type EventInput, type WriteCounts } from "./events";
import { upsertFilings, type FilingInput } from "./filings";
import { upsertClaims, type ClaimsInput } from "./claims";

export type RowInput = FacilityInput | FilingInput | EventInput | ClaimsInput;

export interface WriteContext {
  batchId: number;
  /** The optional columns the file carries (known once its header has been read). */
  columns: () => Set<FacilityColumn>;
  /** The facilities written, whose alert windows the import refreshes once before it commits. */
  touched: Set<string>;
}

/** The write stage of one kind: every admitted batch of the file in, the counts out. */
type Writer = (tx: Tx, parts: AsyncGenerator<RowInput[]>, context: WriteContext) => Promise<WriteCounts>;

/** A kind written batch by batch with one upsert each. */
function batchWriter<T extends RowInput>(
  upsert: (tx: Tx, rows: T[], batchId: number, windows: WindowsRefresh) => Promise<WriteCounts>,
): Writer {
  return async (tx, parts, { batchId, touched }) => {
    const total: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for await (const rows of parts) {
      const counts = await upsert(tx, rows as T[], batchId, touched);
      total.inserted += counts.inserted;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
    }
    return total;
  };
}

/**
 * A facility list goes in as one COPY stream (its codes are distinct). The first list into an empty table
 * goes straight in, its foreign key set aside and checked once at the end; its indexes are kept up as the
 * rows come in, which the database does while the file is still being read. Any later list goes through a
 * staging table and is merged set-based.
 */
const writeFacilities: Writer = async (tx, parts, { batchId, columns, touched }) => {
  const intoEmpty = await takeTurnAndCheckEmpty(tx);
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const load = async () => {
    const facilities = parts as AsyncGenerator<FacilityInput[]>;
    const first = await facilities.next(); // the header has been read by then: the columns are known
    if (first.done) return;
    const rows = prepend(first.value, facilities);
    if (intoEmpty) counts.inserted = await insertFacilities(tx, rows, columns(), batchId);
    else Object.assign(counts, await mergeFacilities(tx, rows, columns(), batchId, touched));
  };
  await (intoEmpty ? withForeignKeysCheckedAfter(tx, ["facilities"], load) : load());
  return counts;
};

export const WRITERS: Record<ImportKind, Writer> = {
  facilities: writeFacilities,
  filings: batchWriter<FilingInput>(upsertFilings),
  events: batchWriter<EventInput>(upsertEvents),
  claims: batchWriter<ClaimsInput>(upsertClaims),
};

/**
 * Facility imports take turns (a transaction-scoped advisory lock, taken before anything reads the table),
 * so that two lists uploaded together cannot both find the table empty and deadlock over its indexes; the
 * later one waits, then finds the table filled. Returns whether the table is empty.
 */
async function takeTurnAndCheckEmpty(tx: Tx): Promise<boolean> {
  await tx.query(sql`select pg_advisory_xact_lock(hashtext('facility-import'))`);
  return (await tx.query<{ empty: boolean }>(sql`select not exists (select 1 from facilities) as empty`))[0].empty;
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}
