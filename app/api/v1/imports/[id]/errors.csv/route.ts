import { NextResponse, type NextRequest } from "next/server";
import { apiUser } from "@/app/_auth/session";
import { auditNotFound } from "@/app/_access-audit";
import { csvResponse } from "@/app/_csv";
import { getDb } from "@/db/client";
import { importBatchErrors } from "@/db/queries/imports";
import { writeAudit } from "@/db/queries/audit-entry";
import { errorsTable } from "@/lib/import/errors-csv";
import { requestClientAddress } from "@/lib/auth/client-address";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/errors.csv: a batch's rejected rows; 404 for a batch the caller may not see. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const batchId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
  const batch = Number.isSafeInteger(batchId) && batchId <= 2147483647 ? await importBatchErrors(getDb(), auth.user.scope, auth.user.id, batchId) : null;
  if (!batch) {
    await auditNotFound(auth.user, `import:${id.slice(0, 20)}`);
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  await writeAudit(getDb(), { id: auth.user.id, email: auth.user.email, ip: requestClientAddress(req.headers) }, "export", `imports/${batchId}/errors.csv`, { rows: batch.errors.length, omitted: batch.errorsOmitted });
  const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return csvResponse(errorsTable(batch.errors, batch.errorsOmitted), `errors_${batchId}_${base}.csv`, req.nextUrl.searchParams.get("encoding"));
}
