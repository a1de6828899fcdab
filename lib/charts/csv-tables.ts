import { LADDER, STATE_INFO, type LadderState } from "../states";

/** The numbers behind the charts as CSV tables (header row + rows), the same figures as the API. */

interface GroupLike {
  key: string;
  label: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
  /** Monthly claims and the part from facilities online (absent in older callers: columns left empty). */
  claims?: { total: number; online: number; onlineRate: number };
  /** Where the claim columns come from (progress tables): reported counts of a month, or the listed volumes. */
  claimsSource?: string;
  /** The month of the reported counts (totals only). */
  claimsMonth?: string;
}

/**
 * Where the claim columns of a progress table come from: reported
 * (the payers' counts of the month), estimated or mixed.
 */
const SOURCE_HEADERS = ["件数の出所 (claimsSource)", "報告件数の月 (claimsMonth)"];

/** The claim-volume columns beside the facility share: monthly claims, those from online facilities, the share. */
const CLAIM_HEADERS = [
  "月間レセプト件数 (claims)",
  "うちオンライン請求の施設分 (claimsOnline)",
  "件数ベースのオンライン割合 (claimsOnlineRate)",
];
const claimCells = (c: GroupLike["claims"]) => (c ? [c.total, c.online, c.onlineRate.toFixed(4)] : ["", "", ""]);

/** For a workbook: the ratio columns of these tables are shown as percentages (the rest read from their values). */
export function tableKinds(header: string[]): ("ratio" | undefined)[] {
  return header.map((title) => (/\((claimsO|o)nlineRate\)/.test(title) ? "ratio" : undefined));
}

const stateHeaders = () => LADDER.map((s) => `${STATE_INFO[s].ja} (${s})`);

export function progressTable(
  asOf: string,
  groups: GroupLike[],
  totals: Omit<GroupLike, "key" | "label">,
): unknown[][] {
  const header = [
    "基準日 (asOf)",
    "コード (key)",
    "名称 (label)",
    "施設数 (total)",
    ...stateHeaders(),
    "廃止・休止 (closed)",
    "オンライン割合 (onlineRate)",
    ...CLAIM_HEADERS,
    ...SOURCE_HEADERS,
  ];
  const month = totals.claimsMonth ?? "";
  const row = (g: Omit<GroupLike, "key" | "label">, key: string, label: string) => [
    asOf,
    key,
    label,
    g.total,
    ...LADDER.map((s) => g.counts[s]),
    g.closed,
    g.onlineRate.toFixed(4),
    ...claimCells(g.claims),
    g.claimsSource ?? "",
    g.claimsSource === "reported" || g.claimsSource === "mixed" ? month : "",
  ];
  return [header, ...groups.map((g) => row(g, g.key, g.label)), row(totals, "total", "合計")];
}

/** The payers' reported counts of the month (import kind "claims"): empty where none were imported. */
const REPORTED_HEADERS = [
  "報告レセプト件数 (reportedClaims)",
  "うちオンライン送信 (reportedOnline)",
  "報告件数のオンライン割合 (reportedOnlineRate)",
];

export function trendTable(
  points: (Omit<GroupLike, "key" | "label"> & { date: string; reportedClaims?: GroupLike["claims"] })[],
): unknown[][] {
  const header = [
    "月末 (date)",
    "施設数 (total)",
    ...stateHeaders(),
    "廃止・休止 (closed)",
    "オンライン割合 (onlineRate)",
    ...CLAIM_HEADERS,
    ...REPORTED_HEADERS,
  ];
  return [
    header,
    ...points.map((p) => [
      p.date,
      p.total,
      ...LADDER.map((s) => p.counts[s]),
      p.closed,
      p.onlineRate.toFixed(4),
      ...claimCells(p.claims),
      ...claimCells(p.reportedClaims),
    ]),
  ];
}
