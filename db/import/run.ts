import { getDb } from "../client";
import { withTransaction } from "../transaction";
import { refreshAlertWindows, takeAlertWindowsTurn } from "../queries/alert-windows";
import { refreshMonthlySummary, type SummaryGroup } from "../queries/monthly-summary";
import { tableTypeFromDigit } from "../../lib/table-types";
import type { Scope } from "../../lib/scope";
import { todayIso } from "../../lib/dates";
import type { FacilityColumn } from "./facilities";
import { DryRunDiffCollector } from "./dry-run-diff";
import { admitRows } from "./admit";
import { WRITERS, type RowInput } from "./writers";
import { openBatch, recordFailure, recordFinish } from "./batch-record";
import { readImportFile } from "../../lib/import/file-reader";
import { ImportFileError } from "../../lib/import/decode";
import { KIND_RULES, type ImportKind } from "../../lib/import/kinds";
import { ErrorCap } from "../../lib/import/limits";
import type { ImportSummary, RowError } from "../../lib/import/types";

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

export interface RunOptions<K extends ImportKind> {
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

/**
 * Imports one file in one transaction, in four stages: read (lib/import: the file decoded, each row
 * checked), admit (./admit.ts: the actor's scope), write (./writers.ts: one writer per kind) and finish
 * (the written facilities' alert windows and the monthly summary recomputed before commit, the batch
 * recorded). Any failure rolls it all back (the
 * batch is then recorded as failed); a dry run rolls back on purpose and reports the same counts.
 */
export async function runImport<K extends ImportKind>(options: RunOptions<K>): Promise<ImportSummary> {
  const db = getDb();
  const batchId = await openBatch(db, options);
  const reader = readImportFile(options.kind, options.source, {
    today: todayIso(),
    batchRows: KIND_RULES[options.kind].batchRows,
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
    batchId,
  };
  // Every error is counted; only the first ones are kept (in memory, in the batch's jsonb and in the reply).
  const errors = new ErrorCap();
  try {
    await withTransaction(
      async (tx) => {
        await takeAlertWindowsTurn(tx); // the alert windows of what is written are refreshed before commit
        const touched = new Set<string>(); // the summary slices the accepted rows fall in
        const diff = options.dryRun ? new DryRunDiffCollector() : null;
        await diff?.start(tx);
        // Each batch read is admitted (scope, facilities on record) before the writer sees it.
        async function* admittedParts(): AsyncGenerator<RowInput[]> {
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
            const accepted = await admitRows<RowInput>(tx, options.kind, part.rows, options.actor.scope, refused);
            summary.rejected += refused.length; // one error a refused row
            errors.add(refused);
            errors.settle();
            if (diff) {
              const ok = new Set(accepted.map((row) => row.code));
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
        const columns = () => new Set(Object.keys(reader.mapping()?.matched ?? {})) as Set<FacilityColumn>;
        const written = new Set<string>();
        const counts = await WRITERS[options.kind](tx, admittedParts(), { batchId, columns, touched: written });
        Object.assign(summary, counts);
        await refreshAlertWindows(tx, [...written]);
        if (summary.inserted + summary.updated > 0) await refreshMonthlySummary(tx, todayIso(), summarySlices(touched));
        if (diff) summary.diff = await diff.finish(tx, batchId);
      },
      // JIT compiling costs more than it saves on these one-off statements (re-adding the foreign key after
      // a national first list, above all).
      { rollback: options.dryRun, settings: { jit: "off" } },
    );
  } catch (error) {
    await recordFailure(db, batchId, reader.encoding(), error);
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
  await recordFinish(db, batchId, summary);
  return summary;
}

/** Summary slices from codes' first three digits (prefecture, table type): only those are recomputed. */
function summarySlices(prefixes: Set<string>): SummaryGroup[] {
  return [...prefixes].flatMap((p) => {
    const tableType = tableTypeFromDigit(p[2]);
    return tableType ? [{ prefecture: p.slice(0, 2), tableType }] : [];
  });
}
