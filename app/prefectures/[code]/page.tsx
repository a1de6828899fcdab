import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_i18n";
import { dashboardFilter } from "@/app/_params";
import { prefectureByCode } from "@/lib/prefectures";
import { scopeIncludes } from "@/lib/scope";
import { TopBar } from "@/components/layout/top-bar";
import { DashboardFilters, filterQuery } from "@/components/dashboard/filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PrefecturePage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { code } = await params;
  const prefecture = prefectureByCode(code);
  // Outside the scope answers exactly like an unknown code: nothing is confirmed.
  if (!prefecture || !scopeIncludes(user.scope, code)) notFound();
  const { lang, t } = await getMessages();
  const filter = dashboardFilter(await searchParams);
  const data = await loadDashboard(getDb(), user.scope, { ...filter, prefecture: code });
  return (
    <>
      <TopBar t={t} lang={lang} email={user.email} role={user.role} prefectures={user.prefectures} path={`/prefectures/${code}?${filterQuery(filter)}`} />
      <main>
        <h1>{lang === "en" ? prefecture.nameEn : prefecture.nameJa}</h1>
        <DashboardFilters t={t} lang={lang} filter={filter} />
        <DashboardView t={t} lang={lang} data={data} filter={filter} prefecture={code} />
      </main>
    </>
  );
}
