import type { Db } from "../client";
import { progress, type ProgressResult } from "./progress";
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
  const [byPrefecture, byTableType, byCategory, trend, funnelSteps, deferrals, plan] = await Promise.all([
    progress(db, scope, { ...filter, groupBy: "prefecture" }),
    progress(db, scope, { ...filter, groupBy: "tableType" }),
    progress(db, scope, { ...filter, groupBy: "category" }),
    filter.asOf >= HISTORY_START ? monthlyTrend(db, scope, { ...filter, from: HISTORY_START, to: filter.asOf }) : Promise.resolve([]),
    funnel(db, scope, filter),
    deferralFigures(db, scope, filter),
    planForecast(db, scope, filter),
  ]);
  return { byPrefecture, byTableType, byCategory, trend, funnel: funnelSteps, deferrals, plan };
}
