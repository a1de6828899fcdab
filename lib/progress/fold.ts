import { emptyCounts, LADDER } from "../states";
import { PREFECTURES, prefectureByCode } from "../prefectures";
import { CATEGORY_INFO, TABLE_TYPE_INFO, TABLE_TYPES, CATEGORIES, type Category, type TableType } from "../table-types";
import type {
  ClaimsSource,
  ProgressFilter,
  ProgressGroup,
  ProgressGroupBy,
  ProgressResult,
  ProgressRow,
  ReportedClaimsCube,
} from "./types";

/** The share online, 0 for an empty group. */
export const rate = (online: number, total: number) => (total === 0 ? 0 : online / total);

/** A group's name in both languages: the prefecture's, the table type's or the category's. */
export function groupLabel(groupBy: ProgressGroupBy, key: string): { label: string; labelEn: string } {
  if (groupBy === "prefecture") {
    const p = prefectureByCode(key);
    return { label: p?.nameJa ?? key, labelEn: p?.nameEn ?? key };
  }
  const info = groupBy === "tableType" ? TABLE_TYPE_INFO[key as TableType] : CATEGORY_INFO[key as Category];
  return { label: info?.ja ?? key, labelEn: info?.en ?? key };
}

/** The natural order of the groups: prefectures by code, types and categories as listed. */
export function groupOrder(groupBy: ProgressGroupBy): readonly string[] {
  if (groupBy === "prefecture") return PREFECTURES.map((p) => p.code);
  return groupBy === "tableType" ? TABLE_TYPES : CATEGORIES;
}

/** Turns (group, state, count) rows into the API's shape; groups in their natural order. */
export function foldProgress(filter: Pick<ProgressFilter, "asOf" | "groupBy">, rows: ProgressRow[]): ProgressResult {
  const groups = new Map<string, ProgressGroup>();
  for (const row of rows) {
    let group = groups.get(row.key);
    if (!group) {
      group = {
        key: row.key,
        ...groupLabel(filter.groupBy, row.key),
        total: 0,
        closed: 0,
        counts: emptyCounts(),
        onlineRate: 0,
        claims: { total: 0, online: 0, onlineRate: 0 },
        claimsSource: "estimated",
      };
      groups.set(row.key, group);
    }
    const n = Number(row.n);
    if (row.state === "closed") group.closed += n;
    else {
      group.counts[row.state] += n;
      group.total += n;
      const claims = Number(row.claims ?? 0);
      group.claims.total += claims;
      if (row.state === "online") group.claims.online += claims;
    }
  }
  const order = groupOrder(filter.groupBy);
  const sorted = [...groups.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const counts = emptyCounts();
  let total = 0;
  let closed = 0;
  const claims = { total: 0, online: 0, onlineRate: 0 };
  for (const g of sorted) {
    g.onlineRate = rate(g.counts.online, g.total);
    g.claims.onlineRate = rate(g.claims.online, g.claims.total);
    claims.total += g.claims.total;
    claims.online += g.claims.online;
    total += g.total;
    closed += g.closed;
    for (const s of LADDER) counts[s] += g.counts[s];
  }
  claims.onlineRate = rate(claims.online, claims.total);
  return {
    asOf: filter.asOf,
    total,
    counts,
    closed,
    onlineRate: rate(counts.online, total),
    claims,
    claimsSource: "estimated",
    groups: sorted,
  };
}

type CubeKey = (row: { prefecture: string; table_type: string; category: string }) => string;

/**
 * The groups' claim share from the payers' reported counts where the group has any for the month (the same
 * facilities by scope and filters, closed ones included: their claims of the month were sent); the other
 * groups keep the estimate. The totals are the sum of the groups shown.
 */
export function withReportedClaims(result: ProgressResult, reported: ReportedClaimsCube, key: CubeKey): ProgressResult {
  const byGroup = new Map<string, { total: number; online: number }>();
  for (const r of reported.rows) {
    const k = key(r);
    const seen = byGroup.get(k) ?? { total: 0, online: 0 };
    seen.total += r.total;
    seen.online += r.online;
    byGroup.set(k, seen);
  }
  const claims = { total: 0, online: 0, onlineRate: 0 };
  let reportedGroups = 0;
  for (const g of result.groups) {
    const r = byGroup.get(g.key);
    if (r) {
      g.claims = { total: r.total, online: r.online, onlineRate: rate(r.online, r.total) };
      g.claimsSource = "reported";
      reportedGroups += 1;
    }
    claims.total += g.claims.total;
    claims.online += g.claims.online;
  }
  claims.onlineRate = rate(claims.online, claims.total);
  if (reportedGroups === 0) return result;
  const claimsSource: ClaimsSource = reportedGroups === result.groups.length ? "reported" : "mixed";
  return { ...result, claims, claimsSource, claimsMonth: reported.month, claimsEstimated: result.claims };
}
