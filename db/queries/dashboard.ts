import type { Db } from "../client";
import { progressByEveryGrouping, type ProgressResult } from "./progress";
import { monthlyTrend, type TrendPoint } from "./trend";
import { HISTORY_START } from "./monthly-summary";
import { funnel, type FunnelStep } from "./funnel";
import { deferralFigures, type DeferralFigures } from "./deferrals";
import { planForecast, type PlanForecast } from "./plan";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export interface DashboardFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

export interface DashboardData {
  byPrefecture: ProgressResult;
  byTableType: ProgressResult;
  byCategory: ProgressResult;
  trend: TrendPoint[];
  funnel: FunnelStep[];
  deferrals: DeferralFigures;
  plan: PlanForecast;
}


/** Everything the overview and prefecture pages draw, from the same queries the API serves. */
export async function loadDashboard(db: Db, scope: Scope, filter: DashboardFilter): Promise<DashboardData> {
  const groupings = progressByEveryGrouping(db, scope, filter);
  // The trend's last point is the as-of figures just computed: no second pass for it.
  const trend =
    filter.asOf >= HISTORY_START
      ? groupings.then(({ prefecture: p }) =>
          monthlyTrend(db, scope, { ...filter, from: HISTORY_START, to: filter.asOf }, { [filter.asOf]: { date: filter.asOf, total: p.total, closed: p.closed, counts: p.counts } }),
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
