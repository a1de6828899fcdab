import { getDb } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/dates";
import { reportTables } from "@/lib/charts/report-tables";
import { progressQuery } from "@/app/_lib/dashboard-params";
import { bareInvalidQuery, route } from "@/app/_lib/route";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, xlsxResponse } from "@/app/_lib/xlsx-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/export/report.xlsx?asOf=&prefecture=&tableType=&category=: the committee pack as a workbook,
 * one sheet a dashboard panel, from the dashboard's own queries under the caller's scope (a prefecture
 * outside it gives empty figures, as the dashboard does).
 */
export const GET = route({ query: progressQuery, invalid: bareInvalidQuery }, async ({ user, query }) => {
  const { asOf = todayIso(), prefecture, tableType, category } = query;
  const filters = { prefecture, tableType, category };
  const data = await loadDashboard(getDb(), user.scope, { asOf, ...filters });
  const tables = reportTables(data);
  await auditExport(
    user,
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
});
