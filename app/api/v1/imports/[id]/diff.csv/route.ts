import { NextResponse, type NextRequest } from "next/server";
import { apiUser } from "@/app/_auth/session";
import { csvResponse } from "@/app/_csv";
import { getDb } from "@/db/client";
import { importBatchDiff } from "@/db/queries/imports";
import { writeAudit } from "@/db/queries/audit-entry";
import { diffTable } from "@/lib/import/diff-csv";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/{id}/diff.csv: a dry run's per-facility changes; 404 for a batch the caller may not see or with none. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const batchId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
  const batch = Number.isSafeInteger(batchId) && batchId <= 2147483647 ? await importBatchDiff(getDb(), auth.user.scope, auth.user.id, batchId) : null;
  if (!batch?.diff) return NextResponse.json({ error: "not_found" }, { status: 404 });
  await writeAudit(getDb(), { id: auth.user.id, email: auth.user.email, ip: req.headers.get("x-forwarded-for")?.split(",")[0].trim() ?? null }, "export", `imports/${batchId}/diff.csv`, { rows: batch.diff.items.length });
  const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return csvResponse(diffTable(batch.diff), `preview_${batchId}_${base}.csv`, req.nextUrl.searchParams.get("encoding"));
}
