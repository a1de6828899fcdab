import { loadPlan } from "@/db/queries/dashboard";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The plan panel's numbers: the facilities still to move on asOf by the plan of their latest filing. */
export const GET = panelRoute(loadPlan);
