import type { Metadata } from "next";
import { readDb } from "@/app/_lib/read-db";
import { notFound } from "next/navigation";
import { loadDashboard } from "@/db/queries/dashboard";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { dashboardFilter } from "@/app/_lib/dashboard-params";
import { prefectureByCode } from "@/lib/prefectures";
import { scopeIncludes } from "@/lib/scope";
import { todayIso } from "@/lib/dates";
import { CATEGORY_INFO, TABLE_TYPE_INFO } from "@/lib/table-types";
import { ReportView } from "@/components/report/report-view";
import { PrintButton } from "@/components/follow-ups/print-button";
import { filterQuery } from "@/components/dashboard/filters";
import "./report.css";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.fig.reportTitle };
}

export const dynamic = "force-dynamic";

/** The committee pack: /report?asOf=…&prefecture=… (and the dashboard's tableType / category), for A4 landscape. */
export default async function ReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = dashboardFilter(params);
  const code = typeof params.prefecture === "string" ? params.prefecture : undefined;
  const prefecture = code ? prefectureByCode(code) : undefined;
  // A prefecture outside the scope answers exactly like an unknown one.
  if (code !== undefined && (!prefecture || !scopeIncludes(user.scope, code))) notFound();
  const { lang, t } = await getMessages();
  const data = await loadDashboard(await readDb(), user.scope, {
    ...filter,
    ...(prefecture && { prefecture: prefecture.code }),
  });
  const name = (c: string) => (lang === "en" ? prefectureByCode(c)?.nameEn : prefectureByCode(c)?.nameJa) ?? c;
  const area = prefecture
    ? name(prefecture.code)
    : user.scope.kind === "national"
      ? t.fig.national
      : user.scope.prefectures.map(name).join("・");
  const scopeWords = [
    area,
    filter.tableType && TABLE_TYPE_INFO[filter.tableType][lang],
    filter.category && CATEGORY_INFO[filter.category][lang],
  ]
    .filter(Boolean)
    .join(lang === "en" ? " · " : "・");
  const back = prefecture ? `/prefectures/${prefecture.code}?${filterQuery(filter)}` : `/?${filterQuery(filter)}`;
  return (
    <>
      <div className="report-toolbar">
        <a href={back}>{t.fig.reportBack}</a>
        <PrintButton label={t.fig.reportPrint} />
      </div>
      <ReportView
        t={t}
        lang={lang}
        data={data}
        asOf={filter.asOf}
        scopeWords={scopeWords}
        prefecture={prefecture?.code}
        madeOn={todayIso()}
      />
    </>
  );
}
