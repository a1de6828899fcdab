import { getDb } from "@/db/client";
import { importBatchErrors } from "@/db/queries/imports";
import { errorsTable } from "@/lib/import/errors-csv";
import { importBatchRoute } from "@/app/_lib/import-batch-csv";
import { getLang } from "@/app/_lib/i18n";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/errors.csv: a batch's rejected rows; 404 for a batch the caller may not see. */
export const GET = importBatchRoute("errors", async (scope, userId, batchId) => {
  const batch = await importBatchErrors(getDb(), scope, userId, batchId);
  const lang = await getLang();
  return (
    batch && {
      fileName: batch.fileName,
      table: errorsTable(batch.errors, batch.errorsOmitted, lang),
      details: { omitted: batch.errorsOmitted },
    }
  );
});
