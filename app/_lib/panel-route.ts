import { NextResponse } from "next/server";
import type { Db } from "@/db/client";
import { readDb } from "@/app/_lib/read-db";
import { exportNotes, tableRows, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";
import { tableKinds } from "@/lib/charts/csv-tables";
import { todayIso } from "@/lib/dates";
import type { Scope } from "@/lib/scope";
import type { Category, TableType } from "@/lib/table-types";
import { panelQuery } from "@/app/_lib/dashboard-params";
import { route } from "@/app/_lib/route";
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
  return route({ query: panelQuery }, async ({ user, query: { asOf, ...rest } }) =>
    NextResponse.json(await compute(await readDb(), user.scope, { ...rest, asOf: asOf ?? todayIso() })),
  );
}

/**
 * The same panel as a CSV download (UTF-8 with BOM, or ?encoding=shift_jis;
 * ?format=xlsx a workbook), audited like every export.
 */
export function panelCsvRoute(
  name: string,
  table: (db: Db, scope: Scope, filter: PanelFilter) => Promise<unknown[][]>,
) {
  return route({ query: panelQuery }, async ({ user, query, download: { encoding, format } }) => {
    const { asOf, ...filter } = query;
    const rows = await table(await readDb(), user.scope, { ...filter, asOf: asOf ?? todayIso() });
    if (wantsXlsx(format)) {
      await auditExport(user, `${name}.xlsx`, query, Math.max(0, rows.length - 1));
      const spec = {
        name,
        notes: exportNotes(name, asOf ?? todayIso(), query),
        header: rows[0] as string[],
        kinds: tableKinds(rows[0] as string[]),
      };
      return xlsxResponse(name, [{ spec, rows: tableRows(rows) }], `${name}_${asOf ?? todayIso()}.xlsx`);
    }
    await auditExport(user, `${name}.csv`, query, Math.max(0, rows.length - 1));
    return csvResponse(rows, `${name}_${asOf ?? todayIso()}.csv`, encoding);
  });
}
