import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { withTransaction, type Executor } from "../executor";
import { withForeignKeysCheckedAfter, type BulkTx } from "../bulk";
import { importBatches } from "../schema";
import { refreshMonthlySummary, type SummaryGroup } from "../queries/monthly-summary";
import { tableTypeFromDigit } from "../../lib/table-types";
import { scopeIncludes, type Scope } from "../../lib/scope";
import { todayIso } from "../../lib/dates";
import { insertFacilities, mergeFacilities, type FacilityColumn, type FacilityInput } from "./facilities";
import { upsertEvents, type EventInput, type WriteCounts } from "./events";
import { upsertFilings, type FilingInput } from "./filings";
import { upsertClaims, type ClaimsInput } from "./claims";
import { DryRunDiffCollector } from "./dry-run-diff";
import { readImportFile } from "../../lib/import/file-reader";
import { ImportFileError } from "../../lib/import/decode";
import type { ImportKind } from "../../lib/import/headers";
import { ErrorCap } from "../../lib/import/limits";
import type { ImportSummary, RowError } from "../../lib/import/types";
import { errorText, type ErrorCode, type ErrorParams } from "../../lib/i18n/errors";

export type { ImportKind };
export type ImportError = RowError;

export type { ImportSummary };

/** The summary exactly as contracts.md gives it (CLI --json and POST /api/v1/imports). */
export function contractSummary(summary: ImportSummary): Omit<ImportSummary, "batchId" | "mapping" | "diff"> {
  const { batchId: _batchId, mapping: _mapping, diff: _diff, ...contract } = summary;
  void _batchId;
  void _mapping;
  void _diff;
  return contract;
}

export interface ImportActor {
  id: number | null;
  email: string;
  scope: Scope;
}

interface RunOptions<K extends ImportKind> {
  kind: K;
  fileName: string;
  actor: ImportActor;
  dryRun: boolean;
  /** The file's bytes as they arrive (a file stream or an upload): a CSV or an .xlsx workbook. */
  source: AsyncIterable<Uint8Array>;
  /** For a workbook: the sheet to read (by name); the first shown when absent. */
  sheet?: string;
  /** Called after each batch of rows with the running count (for a progress display). */
  onProgress?: (rowsRead: number) => void;
}

/** Raised for a file that cannot be imported at all (exit code 2); nothing was written. */
export { ImportFileError };

const distinctRows = (errors: RowError[]) => new Set(errors.map((e) => e.row)).size;

const OUTSIDE_SCOPE = { code: "import.row.outsideScope", message: errorText("ja", "import.row.outsideScope") } as const;
const NOT_FOUND = { code: "import.row.notFound", message: errorText("ja", "import.row.notFound") } as const;

/**
 * Imports one file in one transaction: every batch is checked against the actor's scope and the facility
 * list, written set-based, and the monthly summary recomputed before commit. Any failure rolls it all back
 * (the batch is then recorded as failed); a dry run rolls back on purpose and reports the same counts.
 */
export async function runImport<K extends ImportKind>(options: RunOptions<K>): Promise<ImportSummary> {
  const db = getDb();
  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: options.kind,
      fileName: options.fileName,
      userId: options.actor.id,
      userEmail: options.actor.email,
      dryRun: options.dryRun,
    })
    .returning({ id: importBatches.id });
  // A facility list needs no lookup per batch, so its batches are small: rows then go out to the database
  // before they are old enough for the collector to copy them (national list: 2.6 s → 2.4 s at 1,000 rows).
  const reader = readImportFile(options.kind, options.source, {
    today: todayIso(),
    batchRows: options.kind === "facilities" ? 1000 : 5000,
    sheet: options.sheet,
  });
  const summary: ImportSummary = {
    kind: options.kind,
    file: options.fileName,
    encoding: "",
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    dryRun: options.dryRun,
    errors: [],
    errorsOmitted: 0,
    batchId: batch.id,
  };
  // Every error is counted; only the first ones are kept (in memory, in the batch's jsonb and in the reply).
  const errors = new ErrorCap();
  try {
    await withTransaction(
      async (tx) => {
        // JIT compiling costs more than it saves on these one-off statements: re-adding the foreign key after
        // a national first list took 0.7 s with it and 0.08 s without.
        await tx.query("set local jit = off");
        const touched = new Set<string>(); // the summary slices the accepted rows fall in
        const diff = options.dryRun ? new DryRunDiffCollector() : null;
        await diff?.start(tx);
        const present = () => new Set(Object.keys(reader.mapping()?.matched ?? {})) as Set<FacilityColumn>;
        // Each batch read is checked against the scope (and, but for facility lists, the facilities on record).
        async function* acceptedParts() {
          // The next batch is read and checked while this one is written: the database works on its own core.
          const batches = reader.batches[Symbol.asyncIterator]();
          let ahead = batches.next();
          for (;;) {
            const next = await ahead;
            if (next.done) return;
            const part = next.value;
            ahead = batches.next();
            ahead.catch(() => {}); // a failure surfaces at the next await; never as an unhandled rejection
            const rejectedRows = distinctRows(part.errors);
            summary.rows += part.rows.length + rejectedRows;
            summary.rejected += rejectedRows;
            errors.add(part.errors);
            const refused: RowError[] = [];
            const accepted = await admissible(tx, options.kind, part.rows, options.actor.scope, refused);
            summary.rejected += refused.length; // one error a refused row
            errors.add(refused);
            errors.settle();
            if (diff) {
              const ok = new Set(accepted.map(codeOf));
              diff.addRepairs((part.repairs ?? []).filter((r) => ok.has(r.code)));
              diff.touch([...ok]);
            }
            // The code's prefecture and table digit; lists come sorted by code, so most rows share the last one's.
            let slice: string | null = null;
            for (const row of accepted) {
              if (slice === null || !row.code.startsWith(slice)) touched.add((slice = row.code.slice(0, 3)));
            }
            yield accepted;
            options.onProgress?.(summary.rows);
          }
        }
        if (options.kind === "facilities") {
          // A facility list goes in as one COPY stream (its codes are distinct). The first list into an empty
          // table goes straight in, its foreign key set aside and checked once at the end; its indexes are kept
          // up as the rows come in: the database does that while the file is still being read (a national
          // list: 1.77 s, against 1.87 s with them rebuilt afterwards). Any later list goes through a staging
          // table and is merged set-based.
          const intoEmpty = await takeTurnAndCheckEmpty(tx);
          const load = async () => {
            const parts = acceptedParts() as AsyncGenerator<FacilityInput[]>;
            const first = await parts.next(); // the header has been read by then: the columns are known
            if (first.done) return;
            const rows = prepend(first.value, parts);
            if (intoEmpty) summary.inserted = await insertFacilities(tx, rows, present(), batch.id);
            else Object.assign(summary, await mergeFacilities(tx, rows, present(), batch.id));
          };
          await (intoEmpty ? withForeignKeysCheckedAfter(tx, ["facilities"], load) : load());
        } else {
          for await (const accepted of acceptedParts()) {
            const counts = await write(tx, options.kind, accepted, batch.id);
            summary.inserted += counts.inserted;
            summary.updated += counts.updated;
            summary.unchanged += counts.unchanged;
          }
        }
        if (summary.inserted + summary.updated > 0) await refreshMonthlySummary(tx, todayIso(), summarySlices(touched));
        if (diff) summary.diff = await diff.finish(tx, batch.id);
      },
      { rollback: options.dryRun },
    );
  } catch (error) {
    // Kept with the batch, so that its errors CSV says why, in the reader's language.
    const why: { code: ErrorCode; params?: ErrorParams } =
      error instanceof ImportFileError
        ? { code: "import.fileRefused", params: { reason: { ja: error.messageJa, en: error.message } } }
        : { code: "import.batchFailed" };
    await db
      .update(importBatches)
      .set({
        status: "failed",
        encoding: reader.encoding(),
        finishedAt: new Date(),
        errors: [{ row: 0, column: "", value: "", message: errorText("ja", why.code, why.params), ...why }],
      })
      .where(eq(importBatches.id, batch.id));
    throw error;
  }
  summary.encoding = reader.encoding() ?? "";
  const sheet = reader.sheet();
  if (sheet) Object.assign(summary, { sheet: sheet.name, sheets: sheet.names });
  const mapping = reader.mapping();
  if (mapping) summary.mapping = { matched: mapping.matched, unknown: mapping.unknown, duplicates: mapping.duplicates };
  errors.settle();
  summary.errors = errors.kept;
  summary.errorsOmitted = errors.omitted;
  await db
    .update(importBatches)
    .set({
      status: options.dryRun ? "dry_run" : "done",
      encoding: summary.encoding,
      finishedAt: new Date(),
      rows: summary.rows,
      inserted: summary.inserted,
      updated: summary.updated,
      unchanged: summary.unchanged,
      rejected: summary.rejected,
      errors: summary.errors,
      errorsOmitted: summary.errorsOmitted,
      ...(summary.diff && { diff: summary.diff }),
    })
    .where(eq(importBatches.id, batch.id));
  return summary;
}

/** Summary slices from codes' first three digits (prefecture, table type): only those are recomputed. */
function summarySlices(prefixes: Set<string>): SummaryGroup[] {
  return [...prefixes].flatMap((p) => {
    const tableType = tableTypeFromDigit(p[2]);
    return tableType ? [{ prefecture: p.slice(0, 2), tableType }] : [];
  });
}

/**
 * Facility imports take turns (a transaction-scoped advisory lock, taken before anything reads the table),
 * so that two lists uploaded together cannot both find the table empty and deadlock over its indexes; the
 * later one waits, then finds the table filled. Returns whether the table is empty.
 */
async function takeTurnAndCheckEmpty(tx: BulkTx): Promise<boolean> {
  await tx.query("select pg_advisory_xact_lock(hashtext('facility-import'))");
  return (await tx.query<{ empty: boolean }>("select not exists (select 1 from facilities) as empty"))[0].empty;
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}

function codeOf(value: FacilityInput | FilingInput | EventInput | ClaimsInput): string {
  return value.code;
}

/** Drops (and reports) rows outside the actor's scope, and filings/events for facilities that do not exist. */
async function admissible<T extends FacilityInput | FilingInput | EventInput | ClaimsInput>(
  tx: Executor,
  kind: ImportKind,
  rows: { row: number; value: T }[],
  scope: Scope,
  errors: ImportError[],
): Promise<T[]> {
  let known = new Map<string, string>();
  if (kind !== "facilities" && rows.length > 0) {
    const found = await tx.query<{ code: string; prefecture: string }>(
      "select code, prefecture from facilities where code = any($1::text[])",
      [[...new Set(rows.map((r) => codeOf(r.value)))]],
    );
    known = new Map(found.map((f) => [f.code, f.prefecture]));
  }
  const accepted: T[] = [];
  for (const { row, value } of rows) {
    const code = codeOf(value);
    const prefecture = kind === "facilities" ? (value as FacilityInput).prefecture : known.get(code);
    // An unknown code and one outside the scope read the same to a scoped user: nothing is confirmed.
    if (prefecture === undefined || (!scopeIncludes(scope, prefecture) && kind !== "facilities")) {
      errors.push({ row, column: "code", value: code, ...NOT_FOUND });
    } else if (!scopeIncludes(scope, prefecture)) {
      errors.push({ row, column: "code", value: code, ...OUTSIDE_SCOPE });
    } else accepted.push(value);
  }
  return accepted;
}

function write(
  tx: BulkTx,
  kind: "filings" | "events" | "claims",
  rows: unknown[],
  batchId: number,
): Promise<WriteCounts> {
  if (kind === "filings") return upsertFilings(tx, rows as FilingInput[], batchId);
  if (kind === "claims") return upsertClaims(tx, rows as ClaimsInput[], batchId);
  return upsertEvents(tx, rows as EventInput[], batchId);
}
