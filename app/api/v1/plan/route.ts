import { planForecast } from "@/db/queries/plan";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The plan panel's numbers: the facilities still to move on asOf by the plan of their latest filing. */
export const GET = panelRoute((db, scope, filter) => planForecast(db, scope, filter));
