import { readDb } from "@/app/_lib/read-db";
import { eachFacility } from "@/db/queries/facilities";
import { STATE_INFO } from "@/lib/states";
import { TABLE_TYPE_INFO, CATEGORY_INFO } from "@/lib/table-types";
import { prefectureByCode } from "@/lib/prefectures";
import { facilityQuery, toFacilityFilter } from "@/app/_lib/follow-up-params";
import { route } from "@/app/_lib/route";
import { streamedCsvResponse } from "@/app/_lib/csv-stream";
import { auditedChunks } from "@/app/_lib/export-audit";
import { exportNotes, wantsXlsx, xlsxResponse } from "@/app/_lib/xlsx-response";

export const dynamic = "force-dynamic";

const HEADER = [
  "医療機関コード",
  "名称",
  "都道府県",
  "点数表",
  "区分",
  "状態",
  "状態の日付",
  "郵便番号",
  "所在地",
  "電話番号",
  "廃止日",
];

/**
 * Every facility matching the filters (as GET /api/v1/facilities), streamed, Excel-safe; a workbook with `format=xlsx`.
 */
export const GET = route({ query: facilityQuery }, async ({ user, query, download: { encoding, format } }) => {
  const filter = toFacilityFilter(query);
  const scope = user.scope;
  const db = await readDb();
  async function* rows() {
    for await (const chunk of eachFacility(db, scope, filter)) {
      yield chunk.map((f) => [
        f.code,
        f.name,
        prefectureByCode(f.prefecture)?.nameJa ?? f.prefecture,
        TABLE_TYPE_INFO[f.tableType].ja,
        CATEGORY_INFO[f.category].ja,
        STATE_INFO[f.status].ja,
        f.statusSince,
        f.postalCode,
        f.address,
        f.phone,
        f.closedOn,
      ]);
    }
  }
  if (wantsXlsx(format)) {
    const audited = await auditedChunks(user, "facilities.xlsx", query, rows());
    const spec = {
      name: "施設一覧",
      notes: exportNotes("施設一覧 (facilities)", filter.asOf, query),
      header: HEADER,
    };
    return xlsxResponse("施設一覧", [{ spec, rows: audited }], `facilities_${filter.asOf}.xlsx`);
  }
  const audited = await auditedChunks(user, "facilities.csv", query, rows());
  return streamedCsvResponse(HEADER, audited, `facilities_${filter.asOf}.csv`, encoding);
});
