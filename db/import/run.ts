import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { withTransaction, type Executor } from "../executor";
import { importBatches } from "../schema";
import { refreshMonthlySummary } from "../queries/monthly-summary";
import { scopeIncludes, type Scope } from "../../lib/scope";
import { todayIso } from "../../lib/dates";
import { upsertFacilities, type FacilityColumn, type FacilityInput } from "./facilities";
import { upsertEvents, type EventInput, type WriteCounts } from "./events";
import { upsertFilings, type FilingInput } from "./filings";

export type ImportKind = "facilities" | "filings" | "events";

export interface ImportError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** What a reader hands over: valid rows with their line numbers, and the rows it rejected. */
export interface ReaderBatch<T> {
  rows: { row: number; value: T }[];
  errors: ImportError[];
}

export interface ImportSummary {
  kind: ImportKind;
  file: string;
  encoding: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  errors: ImportError[];
  batchId?: number;
}

export interface ImportActor {
  id: number | null;
  email: string;
  scope: Scope;
}

type RowsOf<K extends ImportKind> = K extends "facilities" ? FacilityInput : K extends "filings" ? FilingInput : EventInput;

interface RunOptions<K extends ImportKind> {
  kind: K;
  fileName: string;
  encoding: string;
  actor: ImportActor;
  dryRun: boolean;
  /** Facilities only: the optional columns the file carries (absent ones are left as they are). */
  present?: ReadonlySet<FacilityColumn>;
  batches: AsyncIterable<ReaderBatch<RowsOf<K>>>;
}

const OUTSIDE_SCOPE = "担当外の都道府県の施設です（取り込めません） / outside your prefectures";
const NOT_FOUND = "この医療機関コードの施設が登録されていません / no facility with this code";

/**
 * Imports one file in one transaction: every batch is checked against the actor's scope and the facility
 * list, written set-based, and the monthly summary recomputed before commit. Any failure rolls it all back
 * (the batch is then recorded as failed); a dry run rolls back on purpose and reports the same counts.
 */
export async function runImport<K extends ImportKind>(options: RunOptions<K>): Promise<ImportSummary> {
  const db = getDb();
  const [batch] = await db
    .insert(importBatches)
    .values({ kind: options.kind, fileName: options.fileName, encoding: options.encoding, userId: options.actor.id, userEmail: options.actor.email, dryRun: options.dryRun })
    .returning({ id: importBatches.id });
  const summary: ImportSummary = {
    kind: options.kind, file: options.fileName, encoding: options.encoding, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, dryRun: options.dryRun, errors: [], batchId: batch.id,
  };
  try {
    await withTransaction(
      async (tx) => {
        for await (const part of options.batches) {
          summary.rows += part.rows.length + part.errors.length;
          summary.errors.push(...part.errors);
          const accepted = await admissible(tx, options.kind, part.rows, options.actor.scope, summary.errors);
          const counts = await write(tx, options, accepted, batch.id);
          summary.inserted += counts.inserted;
          summary.updated += counts.updated;
          summary.unchanged += counts.unchanged;
        }
        if (summary.inserted + summary.updated > 0) await refreshMonthlySummary(tx, todayIso());
      },
      { rollback: options.dryRun },
    );
  } catch (error) {
    await db.update(importBatches).set({ status: "failed", finishedAt: new Date(), errors: [{ row: 0, column: "", value: "", message: String(error) }] }).where(eq(importBatches.id, batch.id));
    throw error;
  }
  summary.errors.sort((a, b) => a.row - b.row);
  summary.rejected = summary.errors.length;
  await db
    .update(importBatches)
    .set({ status: options.dryRun ? "dry_run" : "done", finishedAt: new Date(), rows: summary.rows, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, errors: summary.errors })
    .where(eq(importBatches.id, batch.id));
  return summary;
}

function codeOf(value: FacilityInput | FilingInput | EventInput): string {
  return value.code;
}

/** Drops (and reports) rows outside the actor's scope, and filings/events for facilities that do not exist. */
async function admissible<T extends FacilityInput | FilingInput | EventInput>(
  tx: Executor,
  kind: ImportKind,
  rows: { row: number; value: T }[],
  scope: Scope,
  errors: ImportError[],
): Promise<T[]> {
  let known = new Map<string, string>();
  if (kind !== "facilities" && rows.length > 0) {
    const found = await tx.query<{ code: string; prefecture: string }>("select code, prefecture from facilities where code = any($1::text[])", [[...new Set(rows.map((r) => codeOf(r.value)))]]);
    known = new Map(found.map((f) => [f.code, f.prefecture]));
  }
  const accepted: T[] = [];
  for (const { row, value } of rows) {
    const code = codeOf(value);
    const prefecture = kind === "facilities" ? (value as FacilityInput).prefecture : known.get(code);
    // An unknown code and one outside the scope read the same to a scoped user: nothing is confirmed.
    if (prefecture === undefined || (!scopeIncludes(scope, prefecture) && kind !== "facilities")) {
      errors.push({ row, column: "code", value: code, message: NOT_FOUND });
    } else if (!scopeIncludes(scope, prefecture)) {
      errors.push({ row, column: "code", value: code, message: OUTSIDE_SCOPE });
    } else accepted.push(value);
  }
  return accepted;
}

function write<K extends ImportKind>(tx: Executor, options: RunOptions<K>, rows: RowsOf<K>[], batchId: number): Promise<WriteCounts> {
  if (options.kind === "facilities") return upsertFacilities(tx, rows as FacilityInput[], options.present ?? new Set(), batchId);
  if (options.kind === "filings") return upsertFilings(tx, rows as FilingInput[], batchId);
  return upsertEvents(tx, rows as EventInput[], batchId);
}
