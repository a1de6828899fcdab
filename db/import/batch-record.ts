import { eq } from "drizzle-orm";
import { errorText, type ErrorCode, type ErrorParams } from "../../lib/i18n/errors";
import type { Db } from "../client";
import { importBatches } from "../schema";
import { ImportFileError } from "../../lib/import/decode";
import type { ImportKind } from "../../lib/import/kinds";
import type { ImportSummary } from "../../lib/import/types";

/** The import's row in import_batches, written before the file is read: its id ties the rows to it. */
export async function openBatch(
  db: Db,
  run: { kind: ImportKind; fileName: string; actor: { id: number | null; email: string }; dryRun: boolean },
): Promise<number> {
  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: run.kind,
      fileName: run.fileName,
      userId: run.actor.id,
      userEmail: run.actor.email,
      dryRun: run.dryRun,
    })
    .returning({ id: importBatches.id });
  return batch.id;
}

/** A file refused or a failure: nothing was written, the batch says why (the refusal's message, else a plain one). */
export async function recordFailure(db: Db, batchId: number, encoding: string | null, error: unknown): Promise<void> {
  // Kept with the batch, so that its errors CSV says why, in the reader's language.
  const why: { code: ErrorCode; params?: ErrorParams } =
    error instanceof ImportFileError
      ? { code: "import.fileRefused", params: { reason: { ja: error.messageJa, en: error.message } } }
      : { code: "import.batchFailed" };
  await db
    .update(importBatches)
    .set({
      status: "failed",
      encoding,
      finishedAt: new Date(),
      errors: [{ row: 0, column: "", value: "", message: errorText("ja", why.code, why.params), ...why }],
    })
    .where(eq(importBatches.id, batchId));
}

/** A finished import (or dry run): its counts, kept errors and a dry run's diff. */
export async function recordFinish(db: Db, batchId: number, summary: ImportSummary): Promise<void> {
  await db
    .update(importBatches)
    .set({
      status: summary.dryRun ? "dry_run" : "done",
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
    .where(eq(importBatches.id, batchId));
}
