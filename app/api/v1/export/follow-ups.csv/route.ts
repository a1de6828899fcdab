import { readDb } from "@/app/_lib/read-db";
import { eachFollowUp } from "@/db/queries/follow-ups";
import { ALERT_RULE_INFO } from "@/lib/alerts/rules";
import { STATE_INFO } from "@/lib/states";
import { OUTCOME_LABELS } from "@/lib/follow-ups/contacts";
import { TABLE_TYPE_INFO } from "@/lib/table-types";
import { prefectureByCode } from "@/lib/prefectures";
import { followUpQuery, toFollowUpFilter } from "@/app/_lib/follow-up-params";
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
  "状態",
  "電話番号",
  "所在地",
  "アラート",
  "期限",
  "内容",
  "担当者",
  "次回対応日",
  "最終連絡日",
  "最終連絡結果",
];

/**
 * The follow-up list with the page's filters, most urgent first, streamed, Excel-safe; a workbook with `format=xlsx`.
 */
export const GET = route({ query: followUpQuery }, async ({ user, query, download: { encoding, format } }) => {
  const filter = toFollowUpFilter(query, user.id);
  const scope = user.scope;
  const db = await readDb();
  async function* rows() {
    for await (const chunk of eachFollowUp(db, scope, filter)) {
      yield chunk.map((f) => [
        f.code,
        f.name,
        prefectureByCode(f.prefecture)?.nameJa ?? f.prefecture,
        TABLE_TYPE_INFO[f.tableType].ja,
        STATE_INFO[f.status].ja,
        f.phone,
        f.address,
        f.alerts.map((a) => ALERT_RULE_INFO[a.rule].ja).join("・"),
        f.alerts[0]?.dueOn ?? null,
        f.alerts[0]?.message.ja ?? null,
        f.assignee,
        f.nextActionOn,
        f.lastContactOn,
        f.lastContactOutcome ? OUTCOME_LABELS[f.lastContactOutcome].ja : null,
      ]);
    }
  }
  if (wantsXlsx(format)) {
    const audited = await auditedChunks(user, "follow-ups.xlsx", query, rows());
    const spec = {
      name: "要対応",
      notes: exportNotes("要対応の施設 (follow-ups)", filter.asOf, query),
      header: HEADER,
    };
    return xlsxResponse("要対応の施設", [{ spec, rows: audited }], `follow-ups_${filter.asOf}.xlsx`);
  }
  const audited = await auditedChunks(user, "follow-ups.csv", query, rows());
  return streamedCsvResponse(HEADER, audited, `follow-ups_${filter.asOf}.csv`, encoding);
});
