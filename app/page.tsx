import { readDb } from "@/app/_read-db";
import { loadDashboard } from "@/db/queries/dashboard";
import { requireUser } from "./_auth/session";
import { getMessages } from "./_i18n";
import { dashboardFilter } from "./_params";
import { TopBar } from "@/components/layout/top-bar";
import { DashboardFilters, filterQuery } from "@/components/dashboard/filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const filter = dashboardFilter(await searchParams);
  const data = await loadDashboard(await readDb(), user.scope, filter);
  return (
    <>
      <TopBar t={t} lang={lang} email={user.email} role={user.role} prefectures={user.prefectures} path={`/?${filterQuery(filter)}`} />
      <main>
        <h1>{user.scope.kind === "national" ? t.overview : t.overviewScoped}</h1>
        <DashboardFilters t={t} lang={lang} filter={filter} />
        <DashboardView t={t} lang={lang} data={data} filter={filter} />
      </main>
    </>
  );
}
