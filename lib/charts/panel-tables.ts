import { STATE_INFO, type LadderState } from "../states";
import type { DeferralFigures } from "../figure-filter";
import { NETWORK_LABELS, READINESS_LABELS, REASON_LABELS, REASON_SUB_LABELS, RECECOM_LABELS } from "../filing-labels";

/** The funnel, deferral and plan panels as CSV tables (header row + rows): the same figures as their JSON. */

interface StepLike {
  state: LadderState;
  reached: number;
  movedOn: number;
  moveOnRate: number;
  medianDays: number | null;
}

export function funnelTable(asOf: string, steps: StepLike[]): unknown[][] {
  const header = [
    "基準日 (asOf)",
    "段階 (state)",
    "到達施設数 (reached)",
    "次へ進んだ施設数 (movedOn)",
    "進んだ割合 (moveOnRate)",
    "所要日数の中央値 (medianDays)",
  ];
  return [
    header,
    ...steps.map((s) => [
      asOf,
      `${STATE_INFO[s.state].ja} (${s.state})`,
      s.reached,
      s.state === "online" ? "" : s.movedOn,
      s.state === "online" ? "" : s.moveOnRate.toFixed(4),
      s.medianDays ?? "",
    ]),
  ];
}

export const APPLIED_LABELS: Record<string, { ja: string; en: string }> = {
  done: { ja: "済（記録あり）", en: "Done (on record)" },
  unconfirmed: { ja: "済（記録なし）", en: "Done, no record" },
  not_yet: { ja: "未", en: "Not yet" },
};

/** Every deferral figure as one long table: item, key, label, count (a shape Excel pivots easily). */
export function deferralsTable(asOf: string, d: DeferralFigures): unknown[][] {
  const header = ["基準日 (asOf)", "項目 (item)", "区分 (key)", "区分名 (label)", "施設数 (count)"];
  const rows: unknown[][] = [
    [asOf, "in_force", "", "猶予期間中の届出", d.inForce],
    [asOf, "lapsed", "", "猶予期間終了（未移行）", d.lapsed],
  ];
  // Keys as the API gives them, except ⑥イ's digits, written "(1)" so that no key reads as a count.
  const add = (item: string, labels: Record<string, { ja: string }>, counts: Record<string, number>) => {
    for (const [key, l] of Object.entries(labels))
      rows.push([asOf, item, /^\d+$/.test(key) ? `(${key})` : key, l.ja, counts[key] ?? 0]);
  };
  add("⑥reason", REASON_LABELS, d.reasons);
  add("⑥イreasonSub", REASON_SUB_LABELS, d.transitionalSub);
  add("⑦readiness", READINESS_LABELS, d.readiness);
  add("⑧rececom", RECECOM_LABELS, d.rececom);
  add("⑨network", NETWORK_LABELS, d.network);
  add("⑩(1)usageApplied", APPLIED_LABELS, d.usageApplied);
  add("⑩(2)certApplied", APPLIED_LABELS, d.certApplied);
  for (const c of d.contractors) rows.push([asOf, "⑥アcontractor", c.key, c.name, c.count]);
  for (const m of d.endingByMonth) rows.push([asOf, "deferralEnds", m.month, `${m.month} 終了`, m.count]);
  return [header, ...rows];
}

interface PlanLike {
  remaining: number;
  plannedByMonth: { month: string; count: number }[];
  slipped: number;
  withoutPlan: number;
}

export function planTable(asOf: string, p: PlanLike): unknown[][] {
  const header = ["基準日 (asOf)", "区分 (bucket)", "区分名 (label)", "施設数 (count)"];
  return [
    header,
    [asOf, "remaining", "未移行（全体）", p.remaining],
    ...p.plannedByMonth.map((m) => [asOf, m.month, `${m.month} 移行予定`, m.count]),
    [asOf, "slipped", "予定日経過", p.slipped],
    [asOf, "none", "届出なし", p.withoutPlan],
  ];
}
