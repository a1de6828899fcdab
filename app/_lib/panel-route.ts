import { NextResponse, type NextRequest } from "next/server";
import type { Db } from "@/db/client";
import { readDb } from "@/app/_lib/read-db";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";
import { todayIso } from "@/lib/dates";
import type { Scope } from "@/lib/scope";
import type { Category, TableType } from "@/lib/table-types";
import { apiUser } from "@/app/_auth/session";
import { panelQuery, searchParamsObject } from "@/app/_lib/dashboard-params";
import { invalidQuery } from "@/app/_lib/follow-up-params";
import { csvResponse } from "@/app/_lib/csv-response";
import { auditExport } from "@/app/_lib/export-audit";

export interface PanelFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/**
 * A GET handler for the numbers behind a dashboard panel: the progress filters (prefecture, tableType,
 * category, asOf; 400 on anything else), the caller's scope applied in the query, JSON out.
 */
export function panelRoute<T>(compute: (db: Db, scope: Scope, filter: PanelFilter) => Promise<T>) {
  return async function GET(req: NextRequest) {
    const auth = await apiUser();
    if (!auth.ok) return auth.response;
    const parsed = panelQuery.safeParse(searchParamsObject(req.nextUrl.searchParams));
    if (!parsed.success) return invalidQuery(parsed.error);
    const { asOf, ...rest } = parsed.data;
    return NextResponse.json(await compute(await readDb(), auth.user.scope, { ...rest, asOf: asOf ?? todayIso() }));
  };
}

/** The same panel as a CSV download (UTF-8 with BOM, or ?encoding=shift_jis; ?format=xlsx a workbook), audited like every export. */
export function panelCsvRoute(
  name: string,
  table: (db: Db, scope: Scope, filter: PanelFilter) => Promise<unknown[][]>,
) {
  return async function GET(req: NextRequest) {
    const auth = await apiUser();
    if (!auth.ok) return auth.response;
    const params = searchParamsObject(req.nextUrl.searchParams);
    const { encoding, format, ...rest } = params;
    const parsed = panelQuery.safeParse(rest);
    if (!parsed.success) return invalidQuery(parsed.error);
    const { asOf, ...filter } = parsed.data;
    const rows = await table(await readDb(), auth.user.scope, { ...filter, asOf: asOf ?? todayIso() });
    if (wantsXlsx(format)) {
      await auditExport(auth.user, `${name}.xlsx`, parsed.data, Math.max(0, rows.length - 1));
      const spec = {
        name,
        notes: exportNotes(name, asOf ?? todayIso(), parsed.data),
        header: rows[0] as string[],
        kinds: tableKinds(rows[0] as string[]),
      };
      return xlsxResponse(name, [{ spec, rows: tableRows(rows) }], `${name}_${asOf ?? todayIso()}.xlsx`);
    }
    await auditExport(auth.user, `${name}.csv`, parsed.data, Math.max(0, rows.length - 1));
    return csvResponse(rows, `${name}_${asOf ?? todayIso()}.csv`, encoding ?? null);
  };
}
