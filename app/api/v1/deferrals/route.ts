import { loadDeferrals } from "@/db/queries/dashboard";
import { panelRoute } from "@/app/_lib/panel-route";

export const dynamic = "force-dynamic";

/** The deferral panel's numbers: what the filings in force on asOf say (⑥–⑩, contractors, ending months). */
export const GET = panelRoute(loadDeferrals);
