import { NextResponse, type NextRequest } from "next/server";
import { apiUser } from "@/app/_auth/session";
import { csvResponse } from "@/app/_csv";
import { getDb } from "@/db/client";
import { importBatchErrors } from "@/db/queries/imports";
import { writeAudit } from "@/db/queries/audit-entry";
import { errorsTable } from "@/lib/import/errors-csv";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_xlsx";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/errors.csv: a batch's rejected rows; 404 for a batch the caller may not see. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const batchId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
  const batch = Number.isSafeInteger(batchId) && batchId <= 2147483647 ? await importBatchErrors(getDb(), auth.user.scope, auth.user.id, batchId) : null;
  if (!batch) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const xlsx = wantsXlsx(req.nextUrl.searchParams.get("format"));
  await writeAudit(getDb(), { id: auth.user.id, email: auth.user.email, ip: req.headers.get("x-forwarded-for")?.split(",")[0].trim() ?? null }, "export", `imports/${batchId}/errors.${xlsx ? "xlsx" : "csv"}`, { rows: batch.errors.length });
  const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  if (xlsx) {
    const table = errorsTable(batch.errors);
    const spec = { name: "取り込めない行", notes: exportNotes(`取り込めない行 (rejected rows): ${batch.fileName}`, undefined, {}), header: table[0] as string[], kinds: ["number" as const] };
    return xlsxResponse("取り込めない行", [{ spec, rows: tableRows(table) }], `errors_${batchId}_${base}.xlsx`);
  }
  return csvResponse(errorsTable(batch.errors), `errors_${batchId}_${base}.csv`, req.nextUrl.searchParams.get("encoding"));
}
