import { loadPlan } from "@/db/queries/dashboard";
import { planTable } from "@/lib/charts/panel-tables";
import { panelCsvRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The plan panel as CSV: the same figures as GET /api/v1/plan. */
export const GET = panelCsvRoute("plan", async (db, scope, filter) =>
  planTable(filter.asOf, await loadPlan(db, scope, filter)),
);
