import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { eachAuditRow } from "@/db/queries/audit";
import { apiUser } from "@/app/_auth/session";
import { searchParamsObject } from "@/app/_lib/dashboard-params";
import { streamedCsvResponse } from "@/app/_lib/csv-stream";
import { auditedChunks } from "@/app/_lib/export-audit";
import { exportNotes, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { auditFilterOf, auditQuery } from "@/app/_lib/audit-params";
import { todayIso } from "@/lib/dates";

export const dynamic = "force-dynamic";

const HEADER = ["日時", "実行者", "接続元", "操作", "対象", "内容"];

/** The audit log with the page's filters, newest first, Excel-safe; national administrators only (404 otherwise). */
export async function GET(req: NextRequest) {
  const auth = await apiUser("admin");
  if (!auth.ok) return auth.response;
  if (auth.user.scope.kind !== "national") return NextResponse.json({ error: "not_found" }, { status: 404 });
  const { encoding, format, ...rest } = searchParamsObject(req.nextUrl.searchParams);
  const parsed = auditQuery.safeParse(rest);
  if (!parsed.success) return NextResponse.json({ error: "invalid_query" }, { status: 400 });
  const filter = auditFilterOf(parsed.data);
  const scope = auth.user.scope;
  async function* rows() {
    for await (const chunk of eachAuditRow(getDb(), scope, filter)) {
      yield chunk.map((r) => [
        r.at,
        r.userEmail,
        r.ip,
        r.action,
        r.target,
        r.details === null ? null : JSON.stringify(r.details),
      ]);
    }
  }
  if (wantsXlsx(format)) {
    const audited = await auditedChunks(auth.user, "audit.xlsx", filter, rows());
    const spec = {
      name: "監査ログ",
      notes: exportNotes("監査ログ (audit log)", undefined, parsed.data),
      header: HEADER,
      kinds: ["datetime" as const],
    };
    return xlsxResponse("監査ログ", [{ spec, rows: audited }], `audit_${todayIso()}.xlsx`);
  }
  const audited = await auditedChunks(auth.user, "audit.csv", filter, rows());
  return streamedCsvResponse(HEADER, audited, `audit_${todayIso()}.csv`, encoding ?? null);
}
