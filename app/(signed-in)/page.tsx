import type { Metadata } from "next";
import { readDb } from "@/app/_lib/read-db";
import { loadDashboard, loadWatch } from "@/db/queries/dashboard";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { dashboardFilter } from "@/app/_lib/dashboard-params";
import { scopeName } from "@/components/layout/top-bar";
import { DashboardFilters } from "@/components/dashboard/filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { WatchPanel } from "@/components/dashboard/watch-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: { absolute: `${t.navDashboard} | ${t.appName}` } };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const params = await searchParams;
  const filter = dashboardFilter(params);
  const db = await readDb();
  const [data, { certificates, regressions }] = await Promise.all([
    loadDashboard(db, user.scope, filter),
    loadWatch(db, user.scope, filter),
  ]);
  const watchQuery = {
    asOf: filter.asOf,
    ...(filter.tableType && { tableType: filter.tableType }),
    ...(filter.category && { category: filter.category }),
  };
  // A scoped user's page is about their prefectures: its title is their names.
  const scopeLabel = scopeName(t, lang, user.prefectures);
  return (
    <>
      <main>
        <h1>{user.scope.kind === "national" ? t.overview : scopeLabel}</h1>
        <DashboardFilters t={t} lang={lang} filter={filter} />
        <DashboardView
          t={t}
          lang={lang}
          data={data}
          filter={filter}
          scopeLabel={scopeLabel}
          rankBy={params.rank === "share" ? "share" : "count"}
        />
        <WatchPanel t={t} lang={lang} certificates={certificates} regressions={regressions} query={watchQuery} />
      </main>
    </>
  );
}
