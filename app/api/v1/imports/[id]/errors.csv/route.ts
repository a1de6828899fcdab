import { getDb } from "@/db/client";
import { importBatchErrors } from "@/db/queries/imports";
import { errorsTable } from "@/lib/import/errors-csv";
import { importBatchRoute } from "@/app/_lib/import-batch-csv";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/errors.csv: a batch's rejected rows; 404 for a batch the caller may not see. */
export const GET = importBatchRoute("errors", async (scope, userId, batchId) => {
  const batch = await importBatchErrors(getDb(), scope, userId, batchId);
  return (
    batch && {
      fileName: batch.fileName,
      table: errorsTable(batch.errors, batch.errorsOmitted),
      details: { omitted: batch.errorsOmitted },
    }
  );
});
