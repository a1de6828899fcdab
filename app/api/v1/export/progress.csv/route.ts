import { NextResponse, type NextRequest } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { progress } from "@/db/queries/progress";
import { todayIso } from "@/lib/dates";
import { progressTable } from "@/lib/charts/csv-tables";
import { apiUser } from "@/app/_auth/session";
import { progressQuery, searchParamsObject } from "@/app/_lib/dashboard-params";
import { csvResponse } from "@/app/_lib/csv-response";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";

export const dynamic = "force-dynamic";

/** The progress figures (any grouping, any date) as CSV: the same query as GET /api/v1/progress. */
export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const params = searchParamsObject(req.nextUrl.searchParams);
  const { format, ...query } = params;
  const parsed = progressQuery.safeParse(query);
  if (!parsed.success) return NextResponse.json({ error: "invalid_query" }, { status: 400 });
  const { asOf = todayIso(), ...filter } = parsed.data;
  const result = await progress(await readDb(), auth.user.scope, { ...filter, asOf });
  const table = progressTable(result.asOf, result.groups, result);
  if (wantsXlsx(format)) {
    await auditExport(auth.user, "progress.xlsx", parsed.data, Math.max(0, table.length - 1));
    const spec = {
      name: "進捗",
      notes: exportNotes("進捗 (progress)", asOf, parsed.data),
      header: table[0] as string[],
      kinds: tableKinds(table[0] as string[]),
    };
    return xlsxResponse("進捗", [{ spec, rows: tableRows(table) }], `progress_${filter.groupBy}_${asOf}.xlsx`);
  }
  await auditExport(auth.user, "progress.csv", parsed.data, Math.max(0, table.length - 1));
  return csvResponse(table, `progress_${filter.groupBy}_${asOf}.csv`, params.encoding ?? null);
}
