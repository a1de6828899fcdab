import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { importBatchErrors } from "@/db/queries/imports";
import { errorsTable } from "@/lib/import/errors-csv";
import { importBatchCsv } from "@/app/_import-batch-csv";
import { getLang } from "@/app/_i18n";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/errors.csv: a batch's rejected rows; 404 for a batch the caller may not see. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const lang = await getLang();
  return importBatchCsv(req, params, "errors", async (scope, userId, batchId) => {
    const batch = await importBatchErrors(getDb(), scope, userId, batchId);
    return (
      batch && {
        fileName: batch.fileName,
        table: errorsTable(batch.errors, batch.errorsOmitted, lang),
        details: { omitted: batch.errorsOmitted },
      }
    );
  });
}
