import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_lib/csv-response";
import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit-entry";
import { auditNotFound } from "@/app/_lib/access-audit";
import { route } from "@/app/_lib/route";
import type { Scope } from "@/lib/scope";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";

/**
 * GET /api/v1/imports/{id}/<name>.csv: one batch's table (rejected rows, a dry run's changes) for editors
 * and admins; 404 for a batch the caller may not see or without that table. Audited as an export.
 * `format=xlsx` gives the same table as a workbook.
 */
export function importBatchRoute(
  name: string,
  load: (
    scope: Scope,
    userId: number,
    batchId: number,
  ) => Promise<{ fileName: string; table: unknown[][]; details?: object } | null>,
) {
  return route<undefined, { id: string }>({ role: "editor" }, async ({ user, actor, params: { id }, download }) => {
    const batchId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
    const batch =
      Number.isSafeInteger(batchId) && batchId <= 2147483647 ? await load(user.scope, user.id, batchId) : null;
    if (!batch) {
      await auditNotFound(user, `import:${id.slice(0, 20)}`);
      return NextResponse.json({ error: "not_found" }, { status: 404 });
    }
    const xlsx = wantsXlsx(download.format);
    await writeAudit(getDb(), actor, "export", `imports/${batchId}/${name}.${xlsx ? "xlsx" : "csv"}`, {
      rows: batch.table.length - 1,
      ...batch.details,
    });
    const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
    const prefix = name === "errors" ? "errors" : "preview";
    if (xlsx) {
      const title = name === "errors" ? "取り込めない行" : "取り込みの変更点";
      const spec = {
        name: title,
        notes: exportNotes(`${title}: ${batch.fileName}`, undefined, {}),
        header: batch.table[0] as string[],
        kinds: name === "errors" ? ["number" as const] : [],
      };
      return xlsxResponse(title, [{ spec, rows: tableRows(batch.table) }], `${prefix}_${batchId}_${base}.xlsx`);
    }
    return csvResponse(batch.table, `${prefix}_${batchId}_${base}.csv`, download.encoding);
  });
}
