import { formatDateJa } from "./dates";
import { prefectureByCode } from "./prefectures";
import { STATE_INFO, type EventState } from "./states";
import { CATEGORY_INFO, TABLE_TYPE_INFO, type Category, type TableType } from "./table-types";
import { ALERT_RULE_INFO } from "./alerts/catalogue";
import type { AlertRule } from "./alerts/rules";
import { NETWORK_LABELS, READINESS_LABELS, REASON_LABELS, REASON_SUB_LABELS, RECECOM_LABELS } from "./filing-labels";
import type { FigureFilter } from "./figure-filter";
import { fill, type Messages } from "./i18n/messages";

type FigureMessages = Messages["fig"];

/** The facility list's filters, as the list page and its links carry them. */
export interface ListFilterWords {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
  status?: EventState;
  alert?: AlertRule;
  q?: string;
  closed?: "include";
  figure?: FigureFilter;
}

type Lang = "ja" | "en";

function figureWords(f: FigureFilter, lang: Lang, m: FigureMessages, contractorName?: string): string[] {
  const out: string[] = [];
  const label = (labels: Record<string, { ja: string; en: string }>, key: string) => labels[key]?.[lang] ?? key;
  if (f.deferral === "lapsed") out.push(m.deferralLapsed);
  else if (
    f.deferral === "inForce" ||
    (!f.reason &&
      !f.reasonSub &&
      !f.readiness &&
      !f.network &&
      !f.rececom &&
      !f.usageApplied &&
      !f.certApplied &&
      !f.deferralEnds &&
      !f.contractor &&
      f.deferral)
  )
    out.push(m.deferralInForce);
  if (f.reason) out.push(`${m.reason} ${label(REASON_LABELS, f.reason)}`);
  if (f.reasonSub) out.push(`${m.reasonSub} ${label(REASON_SUB_LABELS, f.reasonSub)}`);
  if (f.readiness) out.push(`${m.readiness} ${label(READINESS_LABELS, f.readiness)}`);
  if (f.network) out.push(`${m.network} ${label(NETWORK_LABELS, f.network)}`);
  if (f.rececom) out.push(`${m.rececom} ${label(RECECOM_LABELS, f.rececom)}`);
  if (f.usageApplied) out.push(`${m.usageApplied} ${m.applied[f.usageApplied]}`);
  if (f.certApplied) out.push(`${m.certApplied} ${m.applied[f.certApplied]}`);
  if (f.deferralEnds) out.push(fill(m.deferralEnds, { month: f.deferralEnds }));
  if (f.contractor) out.push(fill(m.contractor, { name: contractorName ?? f.contractor }));
  if (f.plan === "remaining") out.push(m.planRemaining);
  else if (f.plan === "slipped") out.push(m.planSlipped);
  else if (f.plan === "none") out.push(`${m.planRemaining}・${m.planNone}`);
  else if (f.plan) out.push(fill(m.planMonth, { month: f.plan }));
  if (f.reached) out.push(fill(m.reached, { state: STATE_INFO[f.reached][lang] }));
  return out;
}

/**
 * The list's filter in words, as a committee paper would caption it: 「東京都・光ディスク等・2025年3月31日時点」.
 * Without a prefecture the scope names the area (全国, or the user's own prefectures).
 */
export function describeListFilter(
  f: ListFilterWords,
  lang: Lang,
  m: FigureMessages,
  national: boolean,
  contractorName?: string,
): string {
  const sep = lang === "en" ? " · " : "・";
  const parts: string[] = [];
  const pref = f.prefecture ? prefectureByCode(f.prefecture) : undefined;
  parts.push(pref ? (lang === "en" ? pref.nameEn : pref.nameJa) : national ? m.national : m.inScope);
  if (f.tableType) parts.push(TABLE_TYPE_INFO[f.tableType][lang]);
  if (f.category) parts.push(CATEGORY_INFO[f.category][lang]);
  if (f.status) parts.push(STATE_INFO[f.status][lang]);
  parts.push(...figureWords(f.figure ?? {}, lang, m, contractorName));
  if (!f.status && !f.figure)
    parts.push(f.closed === "include" ? `${m.allFacilities}（${m.closedIncluded}）` : m.allActive);
  else if (f.closed === "include") parts.push(m.closedIncluded);
  if (f.alert) parts.push(`${m.alert} ${ALERT_RULE_INFO[f.alert][lang]}`);
  if (f.q) parts.push(fill(m.search, { q: f.q }));
  parts.push(fill(m.asOfWords, { date: lang === "en" ? f.asOf : formatDateJa(f.asOf) }));
  return parts.join(sep);
}

/** The facility list opened on exactly a figure's facilities: /facilities?… with the figure's filters. */
export function facilityListHref(f: Omit<ListFilterWords, "figure"> & FigureFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value !== undefined && value !== "") params.set(key, String(value));
  return `/facilities?${params}`;
}
