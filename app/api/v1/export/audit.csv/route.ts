import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { eachAuditRow } from "@/db/queries/audit";
import { bareInvalidQuery, route } from "@/app/_lib/route";
import type { CurrentUser } from "@/app/_auth/session";
import { streamedCsvResponse } from "@/app/_lib/csv-stream";
import { auditedChunks } from "@/app/_lib/export-audit";
import { exportNotes, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { auditFilterOf, auditQuery } from "@/app/_lib/audit-params";
import { todayIso } from "@/lib/dates";

export const dynamic = "force-dynamic";

const HEADER = ["日時", "実行者", "接続元", "操作", "対象", "内容"];

/** The audit log with the page's filters, newest first, Excel-safe; national administrators only (404 otherwise). */
const nationalOnly = (user: CurrentUser) =>
  user.scope.kind === "national" ? null : NextResponse.json({ error: "not_found" }, { status: 404 });

export const GET = route(
  { role: "admin", guard: nationalOnly, query: auditQuery, invalid: bareInvalidQuery },
  async ({ user, query, download: { encoding, format } }) => {
    const filter = auditFilterOf(query);
    const scope = user.scope;
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
      const audited = await auditedChunks(user, "audit.xlsx", filter, rows());
      const spec = {
        name: "監査ログ",
        notes: exportNotes("監査ログ (audit log)", undefined, query),
        header: HEADER,
        kinds: ["datetime" as const],
      };
      return xlsxResponse("監査ログ", [{ spec, rows: audited }], `audit_${todayIso()}.xlsx`);
    }
    const audited = await auditedChunks(user, "audit.csv", filter, rows());
    return streamedCsvResponse(HEADER, audited, `audit_${todayIso()}.csv`, encoding);
  },
);
