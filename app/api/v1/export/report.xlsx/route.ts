import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/dates";
import { reportTables } from "@/lib/charts/report-tables";
import { apiUser } from "@/app/_auth/session";
import { progressQuery, searchParamsObject } from "@/app/_lib/dashboard-params";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, xlsxResponse } from "@/app/_lib/xlsx-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/export/report.xlsx?asOf=&prefecture=&tableType=&category=: the committee pack as a workbook,
 * one sheet a dashboard panel, from the dashboard's own queries under the caller's scope (a prefecture
 * outside it gives empty figures, as the dashboard does).
 */
export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const parsed = progressQuery.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: "invalid_query" }, { status: 400 });
  const { asOf = todayIso(), prefecture, tableType, category } = parsed.data;
  const filters = { prefecture, tableType, category };
  const data = await loadDashboard(getDb(), auth.user.scope, { asOf, ...filters });
  const tables = reportTables(data);
  await auditExport(
    auth.user,
    "report.xlsx",
    { asOf, ...filters },
    tables.reduce((n, t) => n + t.rows.length, 0),
  );
  const sheets = tables.map((table) => ({
    spec: {
      name: table.sheet,
      notes: exportNotes(table.title, asOf, filters),
      header: table.header,
      kinds: table.kinds,
    },
    rows: tableRows([table.header, ...table.rows]),
  }));
  return xlsxResponse(
    "オンライン請求移行 委員会資料",
    sheets,
    `report_${asOf}${prefecture ? `_${prefecture}` : ""}.xlsx`,
  );
}
