import { monthlyTrend } from "@/db/queries/trend";
import { HISTORY_START } from "@/lib/progress/history";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The trend panel's numbers: counts by state at every month end from the history's start, and on asOf itself. */
export const GET = panelRoute(async (db, scope, { asOf, ...filter }) => ({
  asOf,
  points: asOf >= HISTORY_START ? await monthlyTrend(db, scope, { ...filter, from: HISTORY_START, to: asOf }) : [],
}));
