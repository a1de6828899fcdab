import { loadFunnel } from "@/db/queries/dashboard";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The funnel panel's numbers: facilities that started on optical disk, by the step reached on asOf. */
export const GET = panelRoute(async (db, scope, filter) => ({
  asOf: filter.asOf,
  steps: await loadFunnel(db, scope, filter),
}));
