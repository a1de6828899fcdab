import { readDb } from "@/app/_lib/read-db";
import { loadTrend } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/dates";
import { trendTable } from "@/lib/charts/csv-tables";
import { progressQuery } from "@/app/_lib/dashboard-params";
import { bareInvalidQuery, route } from "@/app/_lib/route";
import { csvResponse } from "@/app/_lib/csv-response";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";

export const dynamic = "force-dynamic";

/** The monthly trend behind the chart, as CSV, with the dashboard's filters. */
export const GET = route({ query: progressQuery, invalid: bareInvalidQuery }, async (ctx) => {
  const { user, query, download } = ctx;
  const { asOf = todayIso(), prefecture, tableType, category } = query;
  const points = await loadTrend(await readDb(), user.scope, { asOf, prefecture, tableType, category });
  const table = trendTable(points);
  if (wantsXlsx(download.format)) {
    await auditExport(user, "trend.xlsx", query, Math.max(0, table.length - 1));
    const spec = {
      name: "推移",
      notes: exportNotes("推移 (trend)", asOf, query),
      header: table[0] as string[],
      kinds: tableKinds(table[0] as string[]),
    };
    return xlsxResponse("推移", [{ spec, rows: tableRows(table) }], `trend_${asOf}.xlsx`);
  }
  await auditExport(user, "trend.csv", query, Math.max(0, table.length - 1));
  return csvResponse(table, `trend_${asOf}.csv`, download.encoding);
});
