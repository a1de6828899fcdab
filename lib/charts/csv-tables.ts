import { LADDER, STATE_INFO, type LadderState } from "../states";

/** The numbers behind the charts as CSV tables (header row + rows), the same figures as the API. */

interface GroupLike {
  key: string;
  label: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
}

/** For a workbook: the ratio columns of these tables are shown as percentages (the rest read from their values). */
export function tableKinds(header: string[]): ("ratio" | undefined)[] {
  return header.map((title) => (title.includes("(onlineRate)") ? "ratio" : undefined));
}

const stateHeaders = () => LADDER.map((s) => `${STATE_INFO[s].ja} (${s})`);

export function progressTable(asOf: string, groups: GroupLike[], totals: Omit<GroupLike, "key" | "label">): unknown[][] {
  const header = ["基準日 (asOf)", "コード (key)", "名称 (label)", "施設数 (total)", ...stateHeaders(), "廃止・休止 (closed)", "オンライン割合 (onlineRate)"];
  const row = (g: Omit<GroupLike, "key" | "label">, key: string, label: string) => [
    asOf,
    key,
    label,
    g.total,
    ...LADDER.map((s) => g.counts[s]),
    g.closed,
    g.onlineRate.toFixed(4),
  ];
  return [header, ...groups.map((g) => row(g, g.key, g.label)), row(totals, "total", "合計")];
}

export function trendTable(points: { date: string; total: number; closed: number; counts: Record<LadderState, number>; onlineRate: number }[]): unknown[][] {
  const header = ["月末 (date)", "施設数 (total)", ...stateHeaders(), "廃止・休止 (closed)", "オンライン割合 (onlineRate)"];
  return [header, ...points.map((p) => [p.date, p.total, ...LADDER.map((s) => p.counts[s]), p.closed, p.onlineRate.toFixed(4)])];
}
