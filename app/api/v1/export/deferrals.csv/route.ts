import { loadDeferrals } from "@/db/queries/dashboard";
import { deferralsTable } from "@/lib/charts/panel-tables";
import { panelCsvRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The deferral panel as CSV: the same figures as GET /api/v1/deferrals. */
export const GET = panelCsvRoute("deferrals", async (db, scope, filter) =>
  deferralsTable(filter.asOf, await loadDeferrals(db, scope, filter)),
);
