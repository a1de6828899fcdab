import { getDb } from "@/db/client";
import { importBatchDiff } from "@/db/queries/imports";
import { diffTable } from "@/lib/import/diff-csv";
import { importBatchRoute } from "@/app/_lib/import-batch-csv";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/imports/{id}/diff.csv: a dry run's per-facility
 * changes; 404 for a batch the caller may not see or with none.
 */
export const GET = importBatchRoute("diff", async (scope, userId, batchId) => {
  const batch = await importBatchDiff(getDb(), scope, userId, batchId);
  return batch?.diff ? { fileName: batch.fileName, table: diffTable(batch.diff) } : null;
});
