import { STATE_INFO, isEventState } from "../states";
import type { DiffChange, DryRunDiff } from "./types";

const CHANGE_JA: Record<DiffChange, string> = {
  new: "新規登録",
  forward: "状態の前進",
  backward: "後退（逆戻り）",
  closed: "廃止・休止",
  renamed: "名称の変更",
  repaired: "コードの補正",
};

const label = (v: string | null | undefined) => (v == null ? "" : isEventState(v) ? STATE_INFO[v].ja : v);

/** A dry run's changes as table rows for Excel, most serious first (the order the diff keeps). */
export function diffTable(diff: DryRunDiff): unknown[][] {
  return [
    [
      "医療機関コード (code)",
      "名称 (name)",
      "変更 (change)",
      "変更前 (before)",
      "変更後 (after)",
      "行 (row)",
      "詳細 (detail)",
    ],
    ...diff.items.map((i) => [
      i.code,
      i.name ?? "",
      CHANGE_JA[i.change],
      label(i.from),
      label(i.to),
      i.row ?? "",
      i.detail ?? "",
    ]),
  ];
}
