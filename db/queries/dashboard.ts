import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { progressByEveryGrouping } from "./progress";
import { monthlyTrend } from "./trend";
import { HISTORY_START } from "../../lib/progress/history";
import { funnel } from "./funnel";
import { deferralFigures } from "./deferrals";
import { planForecast } from "./plan";
import type { DashboardData } from "../../lib/figures/types";
import { LoadCache } from "../../lib/cache/lru";
import { certificateWatch, regressionCounts } from "./watch";
import type { CertificateWatch, RegressionCounts } from "../../lib/figures/types";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export interface DashboardFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/**
 * Finished dashboards by (scope, filter, data version). The version is the monthly summary's refresh time,
 * which every write that moves a figure (an import, the seed) sets in its own transaction; each request
 * reads it (one row), so a change made through any instance is seen at once by every instance. Many people
 * open the same few views between imports; they get them without the five aggregate queries.
 */
const cache = new LoadCache<unknown>(200);

async function dataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string | null }>(
    db,
    sql`select (select refreshed_at::text from summary_state where id = 1) as v`,
  );
  return row?.v ?? "";
}

/** One computation per (view, data version, scope, filter), most recently used kept. */
async function cached<T>(
  view: string,
  db: Db,
  scope: Scope,
  filter: DashboardFilter,
  compute: () => Promise<T>,
): Promise<T> {
  const key = JSON.stringify([
    view,
    await dataVersion(db),
    scope,
    filter.asOf,
    filter.prefecture ?? null,
    filter.tableType ?? null,
    filter.category ?? null,
  ]);
  return cache.get(key, compute) as Promise<T>;
}

/** Everything the overview and prefecture pages draw, from the same queries the API serves. */
export function loadDashboard(db: Db, scope: Scope, filter: DashboardFilter): Promise<DashboardData> {
  return cached("dashboard", db, scope, filter, () => computeDashboard(db, scope, filter));
}

export interface WatchData {
  certificates: CertificateWatch;
  regressions: RegressionCounts;
}

/**
 * The overview's renewals and regressions panel. Its counts come from certificates and events, which only
 * imports write (each sets the data version), so they are kept like the dashboard's.
 */
export function loadWatch(db: Db, scope: Scope, filter: DashboardFilter): Promise<WatchData> {
  return cached("watch", db, scope, filter, async () => {
    const [certificates, regressions] = await Promise.all([
      certificateWatch(db, scope, filter),
      regressionCounts(db, scope, filter),
    ]);
    return { certificates, regressions };
  });
}

async function computeDashboard(db: Db, scope: Scope, filter: DashboardFilter): Promise<DashboardData> {
  const groupings = progressByEveryGrouping(db, scope, filter);
  // The trend's last point is the as-of figures just computed: no second pass for it.
  const trend =
    filter.asOf >= HISTORY_START
      ? groupings.then(({ prefecture: p }) =>
          monthlyTrend(
            db,
            scope,
            { ...filter, from: HISTORY_START, to: filter.asOf },
            {
              [filter.asOf]: {
                date: filter.asOf,
                total: p.total,
                closed: p.closed,
                counts: p.counts,
                claims: p.claimsEstimated ?? p.claims,
              },
            },
          ),
        )
      : Promise.resolve([]);
  const [byGrouping, trendPoints, funnelSteps, deferrals, plan] = await Promise.all([
    groupings,
    trend,
    funnel(db, scope, filter),
    deferralFigures(db, scope, filter),
    planForecast(db, scope, filter),
  ]);
  return {
    byPrefecture: byGrouping.prefecture,
    byTableType: byGrouping.tableType,
    byCategory: byGrouping.category,
    trend: trendPoints,
    funnel: funnelSteps,
    deferrals,
    plan,
  };
}
