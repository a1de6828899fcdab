import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { scopeCondition } from "./scope";
import { reportedClaimsCube, type ReportedClaimsCube } from "./claims";
import { narrowScope, type Scope } from "../../lib/scope";
import { monthEnd } from "../../lib/dates";
import { HISTORY_START, monthEndOnOrBefore } from "./monthly-summary";
import { emptyCounts, EVENT_STATES, LADDER, type LadderState, type EventState } from "../../lib/states";
import { PREFECTURES, prefectureByCode } from "../../lib/prefectures";
import {
  CATEGORY_INFO,
  TABLE_TYPE_INFO,
  TABLE_TYPES,
  CATEGORIES,
  type Category,
  type TableType,
} from "../../lib/table-types";

export type ProgressGroupBy = "prefecture" | "tableType" | "category";

export interface ProgressFilter {
  asOf: string;
  groupBy: ProgressGroupBy;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

export interface ProgressGroup {
  key: string;
  label: string;
  labelEn: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
  claims: ClaimVolume;
  /** Where `claims` comes from: the payers' reported counts of `claimsMonth`, or the facilities' listed volumes. */
  claimsSource: ClaimsSource;
}

/**
 * "reported": the payers' counts of the month (monthly_claims), exact for past months; "estimated": the
 * facilities' listed monthly volumes over their state on the date, where no counts were imported;
 * "mixed" (totals only): some groups of each.
 */
export type ClaimsSource = "reported" | "estimated" | "mixed";

/** Monthly claim volume (where the lists carry it) over active facilities, and the part sent online. */
export interface ClaimVolume {
  total: number;
  online: number;
  onlineRate: number;
}

export interface ProgressResult {
  asOf: string;
  total: number;
  counts: Record<LadderState, number>;
  closed: number;
  onlineRate: number;
  claims: ClaimVolume;
  claimsSource: ClaimsSource;
  /** The month ('YYYY-MM') of the reported counts behind `claims`, when any are used. */
  claimsMonth?: string;
  /** The estimate from the listed volumes, beside reported `claims` (the trend's line is the estimate month by month). */
  claimsEstimated?: ClaimVolume;
  groups: ProgressGroup[];
}

type ProgressRow = { key: string; state: EventState; n: number | string; claims?: number | string };

/** Scope, prefecture, table type and category as one SQL condition on `facilities f`. */
export function facilityFilter(
  scope: Scope,
  filter: { prefecture?: string; tableType?: TableType; category?: Category },
  alias: SQL = sql`f`,
): SQL {
  const parts = [scopeCondition(narrowScope(scope, filter.prefecture), sql`${alias}.prefecture`)];
  if (filter.tableType) parts.push(sql`${alias}.table_type = ${filter.tableType}`);
  if (filter.category) parts.push(sql`${alias}.category = ${filter.category}`);
  return sql.join(parts, sql` and `);
}

/**
 * The states other than online, written into the SQL as constants (they are the enum's own labels, not
 * input): the partial index on state (where not online) serves a query only when the planner can see that
 * every state asked for is one of them, which it cannot for parameters in a generic plan.
 */
const NOT_ONLINE = sql.raw(
  EVENT_STATES.filter((s) => s !== "online")
    .map((s) => `'${s}'::facility_state`)
    .join(", "),
);

/**
 * Facilities not online on a date (in `facilities f`): any other current state, or online only since a
 * later day. Spelled as an IN list and a range so that the state index and the status_since index serve
 * the two halves: the plain `not (status = 'online' and status_since <= d)` read the whole table.
 */
export function notOnlineOn(asOf: string): SQL {
  return sql`(f.status in (${NOT_ONLINE}) or (f.status = 'online' and f.status_since > ${asOf}::date))`;
}

type CubeRow = {
  prefecture: string;
  table_type: string;
  category: string;
  state: EventState;
  n: number | string;
  claims: number | string;
};

/**
 * Counts (and claim volumes) by prefecture × table type × category × state as of a date, within the scope
 * (applied in SQL). Every grouping the pages and the API show is a fold of these rows.
 */
async function progressCube(db: Db, scope: Scope, filter: Omit<ProgressFilter, "groupBy">): Promise<CubeRow[]> {
  return (await cubeFromSummary(db, scope, filter)) ?? (await cubeFromHistory(db, scope, filter));
}

/**
 * The cube from the monthly summary at the month end M on or before the date, corrected by the facilities
 * that moved or closed after M and on or before the date: each leaves its state at M and joins its state
 * on the date. A month's events are a small part of the history, so this reads a few thousand events
 * instead of every facility. Only when the summary is current through M (every import refreshes it in its
 * transaction); otherwise null, and the history is read.
 */
async function cubeFromSummary(
  db: Db,
  scope: Scope,
  filter: Omit<ProgressFilter, "groupBy">,
): Promise<CubeRow[] | null> {
  const asOf = filter.asOf;
  const m = monthEndOnOrBefore(asOf);
  if (m < monthEnd(HISTORY_START)) return null;
  const [state] = await queryRows<{ through: string | null }>(
    db,
    sql`select (select computed_through::text from summary_state where id = 1) as through`,
  );
  if (!state?.through || state.through < m) return null;
  const stateOn = (day: SQL) => sql`case when c.closed_on <= ${day}::date then 'closed'::facility_state else coalesce(
      (select e.state from status_events e where e.facility_code = c.code and e.effective_on <= ${day}::date
       order by e.effective_on desc, e.state desc limit 1), c.initial_state) end`;
  return queryRows<CubeRow>(
    db,
    sql`with changed as (
          select f.code, f.prefecture, f.table_type, f.category, f.monthly_claims, f.closed_on, f.initial_state
          from facilities f
          where f.code in (
                  select e.facility_code from status_events e where e.effective_on > ${m}::date and e.effective_on <= ${asOf}::date
                  union
                  select g.code from facilities g where g.closed_on > ${m}::date and g.closed_on <= ${asOf}::date)
            and ${facilityFilter(scope, filter)}
        ),
        moves as (
          select c.prefecture, c.table_type, c.category, coalesce(c.monthly_claims, 0)::float8 as claims,
                 ${stateOn(sql`${m}`)} as state_then, ${stateOn(sql`${asOf}`)} as state_now
          from changed c
        ),
        parts as (
          select s.prefecture, s.table_type, s.category, s.state, s.facilities as n, s.claims::float8 as claims
          from monthly_summary s where s.month_end = ${m}::date and ${facilityFilter(scope, filter, sql`s`)}
          union all select prefecture, table_type, category, state_then, -1, -claims from moves where state_then <> state_now
          union all select prefecture, table_type, category, state_now, 1, claims from moves where state_then <> state_now
        )
        select prefecture, table_type::text, category::text, state, sum(n)::int as n, sum(claims)::float8 as claims
        from parts group by prefecture, table_type, category, state
        having sum(n) <> 0`,
  );
}

async function cubeFromHistory(db: Db, scope: Scope, filter: Omit<ProgressFilter, "groupBy">): Promise<CubeRow[]> {
  const where = facilityFilter(scope, filter);
  const asOf = filter.asOf;
  // A facility whose latest event is on or before the date (status_since) was already at its current status
  // then; only those that moved after it, and are not closed by then, need their events read. The two parts
  // split the facilities exactly, so a year-ago query costs little more than today's.
  const moved = sql`f.status_since > ${asOf}::date and (f.closed_on is null or f.closed_on > ${asOf}::date)`;
  return queryRows<CubeRow>(
    db,
    sql`with moved_state as (
          select distinct on (e.facility_code) e.facility_code, e.state
          from facilities f
          join status_events e on e.facility_code = f.code and e.effective_on <= ${asOf}::date
          where ${moved} and ${where}
          order by e.facility_code, e.effective_on desc nulls first, e.state desc nulls first
        )
        -- Grouped by the enum columns themselves and cast after: grouping by their text casts took 1.7× as long.
        select f.prefecture, f.table_type::text, f.category::text,
               case when f.closed_on <= ${asOf}::date then 'closed'::facility_state else f.status end as state,
               count(*)::int as n, coalesce(sum(f.monthly_claims), 0)::float8 as claims
        from facilities f
        where ${where} and not coalesce(${moved}, false)
        group by f.prefecture, f.table_type, f.category, 4
        union all
        select f.prefecture, f.table_type::text, f.category::text, coalesce(p.state, f.initial_state) as state,
               count(*)::int as n, coalesce(sum(f.monthly_claims), 0)::float8 as claims
        from facilities f
        left join moved_state p on p.facility_code = f.code
        where ${where} and ${moved}
        group by f.prefecture, f.table_type, f.category, 4`,
  );
}

const CUBE_KEY: Record<ProgressGroupBy, (row: CubeRow) => string> = {
  prefecture: (r) => r.prefecture,
  tableType: (r) => r.table_type,
  category: (r) => r.category,
};

function foldCube(
  filter: Pick<ProgressFilter, "asOf" | "groupBy">,
  rows: CubeRow[],
  reported: ReportedClaimsCube | null = null,
): ProgressResult {
  const key = CUBE_KEY[filter.groupBy];
  const result = foldProgress(
    filter,
    rows.map((r) => ({ key: key(r), state: r.state, n: r.n, claims: r.claims })),
  );
  return reported ? withReportedClaims(result, reported, key) : result;
}

/**
 * The groups' claim share from the payers' reported counts where the group has any for the month (the same
 * facilities by scope and filters, closed ones included: their claims of the month were sent); the other
 * groups keep the estimate. The totals are the sum of the groups shown.
 */
function withReportedClaims(
  result: ProgressResult,
  reported: ReportedClaimsCube,
  key: (r: CubeRow) => string,
): ProgressResult {
  const byGroup = new Map<string, { total: number; online: number }>();
  for (const r of reported.rows) {
    const k = key(r as unknown as CubeRow);
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

/** Counts of facilities by state as of a date, grouped, within the caller's scope; the claim share as reportedClaimsCube says. */
export async function progress(db: Db, scope: Scope, filter: ProgressFilter): Promise<ProgressResult> {
  const [rows, reported] = await Promise.all([progressCube(db, scope, filter), reportedClaimsCube(db, scope, filter)]);
  return foldCube(filter, rows, reported);
}

/** The progress totals with the claim share estimated from the listed volumes only (the trend's line, month by month). */
export async function progressEstimated(db: Db, scope: Scope, filter: ProgressFilter): Promise<ProgressResult> {
  return foldCube(filter, await progressCube(db, scope, filter));
}

/** The three groupings of the dashboard from one pass over the facilities. */
export async function progressByEveryGrouping(
  db: Db,
  scope: Scope,
  filter: Omit<ProgressFilter, "groupBy">,
): Promise<Record<ProgressGroupBy, ProgressResult>> {
  const [rows, reported] = await Promise.all([progressCube(db, scope, filter), reportedClaimsCube(db, scope, filter)]);
  return {
    prefecture: foldCube({ ...filter, groupBy: "prefecture" }, rows, reported),
    tableType: foldCube({ ...filter, groupBy: "tableType" }, rows, reported),
    category: foldCube({ ...filter, groupBy: "category" }, rows, reported),
  };
}

function groupLabel(groupBy: ProgressGroupBy, key: string): { label: string; labelEn: string } {
  if (groupBy === "prefecture") {
    const p = prefectureByCode(key);
    return { label: p?.nameJa ?? key, labelEn: p?.nameEn ?? key };
  }
  const info = groupBy === "tableType" ? TABLE_TYPE_INFO[key as TableType] : CATEGORY_INFO[key as Category];
  return { label: info?.ja ?? key, labelEn: info?.en ?? key };
}

function groupOrder(groupBy: ProgressGroupBy): readonly string[] {
  if (groupBy === "prefecture") return PREFECTURES.map((p) => p.code);
  return groupBy === "tableType" ? TABLE_TYPES : CATEGORIES;
}

const rate = (online: number, total: number) => (total === 0 ? 0 : online / total);

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
