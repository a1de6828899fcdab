import { loadFunnel } from "@/db/queries/dashboard";
import { funnelTable } from "@/lib/charts/panel-tables";
import { panelCsvRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The funnel panel as CSV: the same figures as GET /api/v1/funnel. */
export const GET = panelCsvRoute("funnel", async (db, scope, filter) =>
  funnelTable(filter.asOf, await loadFunnel(db, scope, filter)),
);
