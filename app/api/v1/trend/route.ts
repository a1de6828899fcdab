import { loadTrend } from "@/db/queries/dashboard";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The trend panel's numbers: counts by state at every month end from the history's start, and on asOf itself. */
export const GET = panelRoute(async (db, scope, filter) => ({
  asOf: filter.asOf,
  points: await loadTrend(db, scope, filter),
}));
