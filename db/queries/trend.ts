import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import { progressEstimated } from "./progress";
import type { ClaimVolume } from "../../lib/progress/types";
import { rate } from "../../lib/progress/fold";
import { reportedClaimsByMonth } from "./claims";
import type { TrendPoint } from "../../lib/figures/types";
import type { Scope } from "../../lib/scope";
import { emptyCounts, type EventState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";

export interface TrendFilter {
  from: string;
  to: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
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
): Promise<TrendPoint[]> {
  const dates = trendDates(filter.from, filter.to);
  if (dates.length === 0) return [];
  const [state] = await queryRows<{ through: string | null }>(
    db,
    sql`select max(computed_through)::text as through from summary_state`,
  );
  const through = state?.through ?? "0000-01-01";
  const fromSummary = dates.filter((d) => d <= through && isMonthEnd(d));
  const points = new Map(dates.map((d) => [d, point(d)]));
  if (fromSummary.length > 0) {
    const rows = await queryRows<{ date: string; state: EventState; n: number; claims: number }>(
      db,
      sql`select s.month_end::text as date, s.state, sum(s.facilities)::int as n, sum(s.claims)::float8 as claims
          from monthly_summary s
          where s.month_end between ${fromSummary[0]}::date and ${fromSummary.at(-1)}::date
            and ${facilityFilter(scope, filter, sql`s`)}
          group by 1, 2`,
    );
    for (const row of rows) {
      const p = points.get(row.date);
      if (!p) continue;
      if (row.state === "closed") p.closed += row.n;
      else {
        p.counts[row.state] += row.n;
        p.total += row.n;
        p.claims.total += Number(row.claims);
        if (row.state === "online") p.claims.online += Number(row.claims);
      }
    }
  }
  for (const date of dates.filter((d) => !fromSummary.includes(d))) {
    const given = known[date];
    const exact = given?.claims
      ? given
      : await progressEstimated(db, scope, { ...filter, asOf: date, groupBy: "prefecture" });
    points.set(date, {
      date,
      total: exact.total,
      closed: exact.closed,
      counts: exact.counts,
      onlineRate: 0,
      claims: { ...exact.claims! },
    });
  }
  const out = dates.map((d) => points.get(d)!);
  const reported = await reportedClaimsByMonth(db, scope, filter, dates[0].slice(0, 7), dates.at(-1)!.slice(0, 7));
  for (const p of out) {
    const month = reported.get(p.date.slice(0, 7));
    if (month) p.reportedClaims = month;
  }
  for (const p of out) {
    p.onlineRate = rate(p.counts.online, p.total);
    p.claims.onlineRate = rate(p.claims.online, p.claims.total);
  }
  return out;
}

function isMonthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}
