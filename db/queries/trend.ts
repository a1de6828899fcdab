import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { progressEstimated } from "./progress";
import type { ClaimVolume } from "../../lib/progress/types";
import { rate } from "../../lib/progress/fold";
import { reportedClaimsByMonth } from "./claims";
import type { ReportedClaims, TrendPoint } from "../../lib/figures/types";
import type { Scope } from "../../lib/scope";
import { emptyCounts, type EventState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";

export interface TrendFacilityFilter {
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

export interface TrendFilter extends TrendFacilityFilter {
  from: string;
  to: string;
}

/**
 * The most points one trend may have: the as-of window (2015 to a year ahead) holds fewer; a caller that
 * asks for more gets an error instead of one query per month end without end.
 */
export const MAX_TREND_POINTS = 240;

/** Month ends from the month of `from` through `to`, and `to` itself when it is not a month end. */
export function trendDates(from: string, to: string): string[] {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (months >= MAX_TREND_POINTS)
    throw new RangeError(`A trend from ${from} to ${to} would have more than ${MAX_TREND_POINTS} points`);
  const dates: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (end > to) break;
    dates.push(end);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  if (to >= from && dates.at(-1) !== to) dates.push(to);
  return dates;
}

function point(date: string): TrendPoint {
  return {
    date,
    total: 0,
    closed: 0,
    counts: emptyCounts(),
    onlineRate: 0,
    claims: { total: 0, online: 0, onlineRate: 0 },
  };
}

/**
 * What the trend reads that holds for every date of this data (each import changes both): the monthly summary's
 * month ends up to its `computed_through` day, and the payers' reported claims by month ('YYYY-MM').
 */
export interface TrendBase {
  through: string;
  monthEnds: ReadonlyMap<string, Readonly<Omit<TrendPoint, "onlineRate" | "reportedClaims">>>;
  reported: ReadonlyMap<string, ReportedClaims>;
}

/** The trend's base within the scope and filter: every month end of the summary, every month of claim counts. */
export async function trendBase(db: Db, scope: Scope, filter: TrendFacilityFilter): Promise<TrendBase> {
  const [[state], rows, reported] = await Promise.all([
    queryRows<{ through: string | null }>(db, sql`select max(computed_through)::text as through from summary_state`),
    queryRows<{ date: string; state: EventState; n: number; claims: number }>(
      db,
      sql`select s.month_end::text as date, s.state, sum(s.facilities)::int as n, sum(s.claims)::float8 as claims
          from monthly_summary s
          where ${facilityFilter(scope, filter, sql`s`)}
          group by 1, 2`,
    ),
    reportedClaimsByMonth(db, scope, filter),
  ]);
  const monthEnds = new Map<string, Omit<TrendPoint, "onlineRate" | "reportedClaims">>();
  for (const row of rows) {
    const p = monthEnds.get(row.date) ?? point(row.date);
    monthEnds.set(row.date, p);
    if (row.state === "closed") p.closed += row.n;
    else {
      p.counts[row.state] += row.n;
      p.total += row.n;
      p.claims.total += Number(row.claims);
      if (row.state === "online") p.claims.online += Number(row.claims);
    }
  }
  return { through: state?.through ?? "0000-01-01", monthEnds, reported };
}

/**
 * Counts by state at the end of every month from `from` to `to`, within the scope. Month ends up to the
 * summary's `computed_through` day come from the monthly summary (kept in step with the history by every
 * import and seed); later ones, and the partial last month, are computed exactly from the history.
 */
export async function monthlyTrend(
  db: Db,
  scope: Scope,
  filter: TrendFilter,
  /** Points the caller has already computed exactly (the dashboard's as-of figures), by date. */
  known: Record<string, Omit<TrendPoint, "onlineRate" | "claims"> & { claims?: ClaimVolume }> = {},
  /** The base when the caller keeps it (it holds for every date of this data); else read here. */
  given?: TrendBase,
): Promise<TrendPoint[]> {
  const dates = trendDates(filter.from, filter.to);
  if (dates.length === 0) return [];
  const { prefecture, tableType, category } = filter;
  const base = given ?? (await trendBase(db, scope, { prefecture, tableType, category }));
  const out: TrendPoint[] = [];
  for (const date of dates) {
    const summed = date <= base.through && isMonthEnd(date) ? (base.monthEnds.get(date) ?? point(date)) : null;
    const exact =
      summed ??
      (known[date]?.claims
        ? known[date]
        : await progressEstimated(db, scope, { ...filter, asOf: date, groupBy: "prefecture" }));
    const claims = { ...exact.claims! };
    const p: TrendPoint = {
      date,
      total: exact.total,
      closed: exact.closed,
      counts: { ...exact.counts },
      onlineRate: rate(exact.counts.online, exact.total),
      claims: { ...claims, onlineRate: rate(claims.online, claims.total) },
    };
    const reported = base.reported.get(date.slice(0, 7));
    if (reported) p.reportedClaims = reported;
    out.push(p);
  }
  return out;
}

function isMonthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}
