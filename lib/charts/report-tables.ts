import { LADDER, STATE_INFO, type LadderState } from "../states";
import { nextDeferralDeadline } from "../deadlines";
import { formatDateJa } from "../dates";
import {
  NETWORK_LABELS,
  READINESS_LABELS,
  REASON_LABELS,
  REASON_SUB_LABELS,
  RECECOM_LABELS,
  labelledCounts,
} from "../filing-labels";
import { progressTable, tableKinds, trendTable } from "./csv-tables";

/**
 * The committee pack as tables, one a dashboard panel, for a workbook of one sheet each: the same figures
 * the dashboard draws on the date (the caller passes what the dashboard queries returned under the
 * caller's own scope). Each table: a sheet name, a title, its header and rows, and which columns are ratios.
 */

interface Counts {
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
}
interface Progress extends Counts {
  asOf: string;
  claims: { total: number; online: number; onlineRate: number };
  groups: (Counts & { key: string; label: string })[];
}
export interface ReportData {
  byPrefecture: Progress;
  byTableType: Progress;
  byCategory: Progress;
  trend: (Counts & { date: string })[];
  funnel: { state: LadderState; reached: number; movedOn: number; moveOnRate: number; medianDays: number | null }[];
  deferrals: { inForce: number; endingByMonth: { month: string; count: number }[] } & Record<
    "reasons" | "transitionalSub" | "readiness" | "network" | "rececom",
    Record<string, number>
  >;
  plan: {
    remaining: number;
    plannedByMonth: { month: string; count: number }[];
    slipped: number;
    withoutPlan: number;
    slippedSample: { code: string; name: string; prefecture: string; planOn: string; status: string }[];
  };
}

export interface ReportTable {
  sheet: string;
  title: string;
  header: string[];
  rows: unknown[][];
  kinds?: ("ratio" | "text" | "decimal" | undefined)[];
}

const stateLabel = (state: string) =>
  state in STATE_INFO ? `${STATE_INFO[state as LadderState].ja} (${state})` : state;

function headline(data: ReportData): ReportTable {
  const p = data.byPrefecture;
  const trend = data.trend;
  const previous = trend.length >= 2 ? trend[trend.length - 2].onlineRate : null;
  const deadline = nextDeferralDeadline(p.asOf);
  // One column holds counts, percentages and dates: the percentages as numbers of percent, the dates as text.
  const percent = (rate: number) => Number((rate * 100).toFixed(2));
  const rows: unknown[][] = [
    ["基準日 (asOf)", formatDateJa(p.asOf), ""],
    ["施設数 (total)", p.total, "廃止・休止を除く"],
    ["オンライン (online)", p.counts.online, ""],
    ["オンライン割合 % (onlineRate)", percent(p.onlineRate), "施設数に対する割合"],
    ...(p.claims.total > 0
      ? [
          [
            "レセプト件数ベースのオンライン割合 % (claims.onlineRate)",
            percent(p.claims.onlineRate),
            `月間レセプト ${p.claims.online} / ${p.claims.total} 件`,
          ],
        ]
      : []),
    ["前月末からの変化 (change, points)", previous === null ? null : percent(p.onlineRate - previous), "ポイント"],
    ["残り (not yet online)", p.total - p.counts.online, ""],
    ["次の猶予期限 (next deadline)", formatDateJa(deadline.date), `${deadline.days} 日後`],
    ["廃止・休止 (closed)", p.closed, ""],
    ...LADDER.map((s) => [stateLabel(s), p.counts[s], ""]),
  ];
  return {
    sheet: "概要",
    title: "概要 (headline)",
    header: ["項目 (item)", "値 (value)", "備考 (note)"],
    rows,
    kinds: ["text", "decimal", "text"],
  };
}

/** A progress table as a sheet (its ratio columns shown as %; its rate given as a number, not text). */
function progressSheet(sheet: string, title: string, p: Progress): ReportTable {
  const [header, ...rows] = progressTable(p.asOf, p.groups, p);
  const head = header as string[];
  return {
    sheet,
    title,
    header: head,
    rows,
    kinds: tableKinds(head).map((k, i) => k ?? (i === 1 || i === 2 ? "text" : undefined)),
  };
}

function deferralRows(d: ReportData["deferrals"]): unknown[][] {
  const group = (name: string, labels: Parameters<typeof labelledCounts>[0], counts: Record<string, number>) =>
    labelledCounts(labels, counts, "ja").map((r) => [name, r.label, r.count]);
  return [
    ["届出中 (in force)", "合計", d.inForce],
    ...group("理由 (reason)", REASON_LABELS, d.reasons),
    ...group("経過措置の事由 (transitional)", REASON_SUB_LABELS, d.transitionalSub),
    ...group("体制整備予定 (readiness)", READINESS_LABELS, d.readiness),
    ...group("ネットワーク (network)", NETWORK_LABELS, d.network),
    ...group("レセコン (rececom)", RECECOM_LABELS, d.rececom),
    ...d.endingByMonth.map((m) => ["猶予の終わる月 (ending)", m.month, m.count]),
  ];
}

function planRows(p: ReportData["plan"]): unknown[][] {
  return [
    ["残り (remaining)", "", p.remaining, "", ""],
    ["予定日経過 (slipped)", "", p.slipped, "", ""],
    ["計画なし (without plan)", "", p.withoutPlan, "", ""],
    ...p.plannedByMonth.map((m) => ["予定月 (planned)", m.month, m.count, "", ""]),
    ...p.slippedSample.map((s) => [
      "予定日経過の例 (slipped, sample)",
      s.planOn,
      null,
      s.code,
      `${s.name}（${s.prefecture}・${stateLabel(s.status)}）`,
    ]),
  ];
}

/** The seven panels (and the category split beside the table types) in the dashboard's order. */
export function reportTables(data: ReportData): ReportTable[] {
  const [trendHeader, ...trendRows] = trendTable(data.trend);
  return [
    headline(data),
    {
      sheet: "推移",
      title: "月末ごとの推移 (trend)",
      header: trendHeader as string[],
      rows: trendRows,
      kinds: tableKinds(trendHeader as string[]),
    },
    progressSheet("都道府県別", "都道府県別 (prefectures)", data.byPrefecture),
    progressSheet("点数表別", "点数表別 (table types)", data.byTableType),
    progressSheet("区分別", "区分別 (categories)", data.byCategory),
    {
      sheet: "移行の流れ",
      title: "移行の流れ (funnel): 光ディスクから始めた施設",
      header: [
        "段階 (step)",
        "到達 (reached)",
        "次へ進んだ (movedOn)",
        "進んだ割合 (moveOnRate)",
        "所要日数の中央値 (medianDays)",
      ],
      rows: data.funnel.map((f) => [stateLabel(f.state), f.reached, f.movedOn, f.moveOnRate, f.medianDays]),
      kinds: ["text", undefined, undefined, "ratio", undefined],
    },
    {
      sheet: "猶予届出",
      title: "猶予届出の内容 (deferrals)",
      header: ["区分 (group)", "項目 (item)", "件数 (count)"],
      rows: deferralRows(data.deferrals),
      kinds: ["text", "text", undefined],
    },
    {
      sheet: "整備計画",
      title: "整備計画 (plan)",
      header: [
        "区分 (group)",
        "月・予定日 (month / plan date)",
        "件数 (count)",
        "医療機関コード (code)",
        "施設 (facility)",
      ],
      rows: planRows(data.plan),
      kinds: ["text", "text", undefined, "text", "text"],
    },
  ];
}
