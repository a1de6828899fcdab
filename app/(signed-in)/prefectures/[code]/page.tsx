import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readDb } from "@/app/_lib/read-db";
import { loadDashboard } from "@/db/queries/dashboard";
import { requireUser } from "@/app/_auth/session";
import { auditNotFound } from "@/app/_lib/access-audit";
import { getMessages } from "@/app/_lib/i18n";
import { dashboardFilter } from "@/app/_lib/dashboard-params";
import { prefectureByCode } from "@/lib/prefectures";
import { scopeIncludes } from "@/lib/scope";
import { DashboardFilters } from "@/components/dashboard/filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PrefectureFacilities } from "@/components/facilities/prefecture-facilities";
import { plainQuery } from "@/components/data-table/url";
import { listFacilities } from "@/db/queries/facilities";
import { facilityQuery, lenientParse, toFacilityFilter } from "@/app/_lib/follow-up-params";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { lang } = await getMessages();
  const prefecture = prefectureByCode((await params).code);
  return { title: prefecture ? (lang === "en" ? prefecture.nameEn : prefecture.nameJa) : undefined };
}

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PrefecturePage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { code } = await params;
  const prefecture = prefectureByCode(code);
  // Outside the scope answers exactly like an unknown code: nothing is confirmed.
  if (!prefecture || !scopeIncludes(user.scope, code)) {
    await auditNotFound(user, `prefecture:${code.slice(0, 10)}`, { outsideScope: Boolean(prefecture) });
    notFound();
  }
  const { lang, t } = await getMessages();
  const query = plainQuery(await searchParams);
  const filter = dashboardFilter(query);
  // The facility table reads the same query as GET /api/v1/facilities, its own filters under f* keys.
  const tableQuery = lenientParse(facilityQuery, {
    prefecture: code,
    asOf: filter.asOf,
    ...(filter.tableType && { tableType: filter.tableType }),
    ...(filter.category && { category: filter.category }),
    ...(query.fStatus && { status: query.fStatus }),
    ...(query.fAlert && { alert: query.fAlert }),
    ...(query.fQ && { q: query.fQ }),
    ...(query.fSort && { sort: query.fSort }),
    ...(query.fDir && { dir: query.fDir }),
    ...(query.fPage && { page: query.fPage }),
    ...(query.fPageSize && { pageSize: query.fPageSize }),
  });
  // Not yet online first: the ladder's order (光ディスク等 … オンライン請求), closed facilities left out, so the
  // list's count is the 施設数 above.
  const listFilter = { ...toFacilityFilter(tableQuery), sort: tableQuery.sort ?? ("status" as const) };
  const db = await readDb();
  const [data, facilities] = await Promise.all([
    loadDashboard(db, user.scope, { ...filter, prefecture: code }),
    listFacilities(db, user.scope, listFilter, tableQuery.page, query.fPageSize ? tableQuery.pageSize : 25),
  ]);
  const csvQuery = new URLSearchParams(
    Object.entries(toFacilityFilter(tableQuery)).filter(
      ([k, v]) => v !== undefined && !["sort", "dir"].includes(k),
    ) as [string, string][],
  );
  return (
    <>
      <main>
        <h1>{lang === "en" ? prefecture.nameEn : prefecture.nameJa}</h1>
        <DashboardFilters t={t} lang={lang} filter={filter} />
        <DashboardView
          t={t}
          lang={lang}
          data={data}
          filter={filter}
          prefecture={code}
          scopeLabel={lang === "en" ? prefecture.nameEn : prefecture.nameJa}
        />
        <PrefectureFacilities
          t={t}
          lang={lang}
          path={`/prefectures/${code}`}
          query={query}
          page={facilities}
          csvHref={`/api/v1/export/facilities.csv?${csvQuery}`}
          notOnline={data.byPrefecture.total - data.byPrefecture.counts.online}
          filtered={Boolean(query.fStatus || query.fAlert || query.fQ)}
        />
      </main>
    </>
  );
}
