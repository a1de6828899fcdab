import { NextResponse, type NextRequest } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { monthlyTrend } from "@/db/queries/trend";
import { HISTORY_START } from "@/db/queries/monthly-summary";
import { todayIso } from "@/lib/dates";
import { trendTable } from "@/lib/charts/csv-tables";
import { apiUser } from "@/app/_auth/session";
import { progressQuery, searchParamsObject } from "@/app/_lib/dashboard-params";
import { csvResponse } from "@/app/_lib/csv-response";
import { auditExport } from "@/app/_lib/export-audit";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";

export const dynamic = "force-dynamic";

/** The monthly trend behind the chart, as CSV, with the dashboard's filters. */
export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const params = searchParamsObject(req.nextUrl.searchParams);
  const { format, ...query } = params;
  const parsed = progressQuery.safeParse(query);
  if (!parsed.success) return NextResponse.json({ error: "invalid_query" }, { status: 400 });
  const { asOf = todayIso(), prefecture, tableType, category } = parsed.data;
  const filter = { prefecture, tableType, category };
  const points =
    asOf >= HISTORY_START
      ? await monthlyTrend(await readDb(), auth.user.scope, { ...filter, from: HISTORY_START, to: asOf })
      : [];
  const table = trendTable(points);
  if (wantsXlsx(format)) {
    await auditExport(auth.user, "trend.xlsx", parsed.data, Math.max(0, table.length - 1));
    const spec = {
      name: "推移",
      notes: exportNotes("推移 (trend)", asOf, parsed.data),
      header: table[0] as string[],
      kinds: tableKinds(table[0] as string[]),
    };
    return xlsxResponse("推移", [{ spec, rows: tableRows(table) }], `trend_${asOf}.xlsx`);
  }
  await auditExport(auth.user, "trend.csv", parsed.data, Math.max(0, table.length - 1));
  return csvResponse(table, `trend_${asOf}.csv`, params.encoding ?? null);
}
