import { readDb } from "@/app/_lib/read-db";
import { loadProgress } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/dates";
import { progressTable } from "@/lib/charts/csv-tables";
import { progressQuery } from "@/app/_lib/dashboard-params";
import { bareInvalidQuery, route } from "@/app/_lib/route";
import { csvResponse } from "@/app/_lib/csv-response";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";

export const dynamic = "force-dynamic";

/** The progress figures (any grouping, any date) as CSV: the same query as GET /api/v1/progress. */
export const GET = route({ query: progressQuery, invalid: bareInvalidQuery }, async (ctx) => {
  const { user, query, download } = ctx;
  const { asOf = todayIso(), ...filter } = query;
  const result = await loadProgress(await readDb(), user.scope, { ...filter, asOf });
  const table = progressTable(result.asOf, result.groups, result);
  if (wantsXlsx(download.format)) {
    await auditExport(user, "progress.xlsx", query, Math.max(0, table.length - 1));
    const spec = {
      name: "進捗",
      notes: exportNotes("進捗 (progress)", asOf, query),
      header: table[0] as string[],
      kinds: tableKinds(table[0] as string[]),
    };
    return xlsxResponse("進捗", [{ spec, rows: tableRows(table) }], `progress_${filter.groupBy}_${asOf}.xlsx`);
  }
  await auditExport(user, "progress.csv", query, Math.max(0, table.length - 1));
  return csvResponse(table, `progress_${filter.groupBy}_${asOf}.csv`, download.encoding);
});
