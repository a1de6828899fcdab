import { sql } from "drizzle-orm";
import type { Tx } from "../transaction";
import type { WindowsRefresh } from "../queries/alert-windows";
import { withForeignKeysCheckedAfter } from "../bulk/rebuild";
import type { ImportKind } from "../../lib/import/kinds";
import type { EncodedLines } from "../bulk/chunks";
import { insertFacilities, mergeFacilities, type FacilityColumn, type FacilityInput } from "./facilities";
import type { FacilityTarget } from "./facility-lines";
import { upsertEvents, type EventInput, type WriteCounts } from "./events";
import { upsertFilings, type FilingInput } from "./filings";
import { upsertClaims, type ClaimsInput } from "./claims";

export type RowInput = FacilityInput | FilingInput | EventInput | ClaimsInput;

/** The admitted rows of a file, in the shape a writer asks for. */
export interface AdmittedParts {
  /** Batch by batch, as rows. */
  rows: () => AsyncGenerator<RowInput[]>;
  /** A facility list's rows as COPY lines for `target` (written where the file is read). */
  lines: (target: FacilityTarget) => AsyncGenerator<EncodedLines>;
}

export interface WriteContext {
  batchId: number;
  /** The optional columns the file carries (known once its header has been read). */
  columns: () => Set<FacilityColumn>;
  /** The facilities written, whose alert windows the import refreshes once before it commits. */
  touched: Set<string>;
}

/** The write stage of one kind: every admitted batch of the file in, the counts out. */
type Writer = (tx: Tx, parts: AdmittedParts, context: WriteContext) => Promise<WriteCounts>;

/** A kind written batch by batch with one upsert each. */
function batchWriter<T extends RowInput>(
  upsert: (tx: Tx, rows: T[], batchId: number, windows: WindowsRefresh) => Promise<WriteCounts>,
): Writer {
  return async (tx, parts, { batchId, touched }) => {
    const total: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for await (const rows of parts.rows()) {
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
  const target = intoEmpty ? ({ into: "facilities", batchId } as const) : ({ into: "staging" } as const);
  const load = async () => {
    const lines = parts.lines(target);
    const first = await lines.next(); // the header has been read by then: the columns are known
    if (first.done) return;
    const all = prepend(first.value, lines);
    if (target.into === "facilities") counts.inserted = await insertFacilities(tx, all, columns(), target);
    else Object.assign(counts, await mergeFacilities(tx, all, columns(), batchId, touched));
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
