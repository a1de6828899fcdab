import { getDb } from "@/db/client";
import { listFollowUps } from "@/db/queries/follow-ups";
import { assignableColleagues } from "@/db/queries/assignments";
import { listSavedViews } from "@/db/queries/saved-views";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_i18n";
import { followUpQuery, lenientParse, toFollowUpFilter } from "@/app/_follow-up-params";
import { plainQuery } from "@/components/data-table/url";
import { TopBar } from "@/components/layout/top-bar";
import { FollowUpFilters } from "@/components/follow-ups/filters";
import { FollowUpTable } from "@/components/follow-ups/follow-up-table";
import { SavedViews } from "@/components/follow-ups/saved-views";
import { bulkFollowUpAction, deleteViewAction, saveViewAction } from "./actions";

export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function FollowUpsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const query = plainQuery(await searchParams);
  const parsed = lenientParse(followUpQuery, query);
  const filter = toFollowUpFilter(parsed, user.id);
  const db = getDb();
  const [page, colleagues, views] = await Promise.all([
    listFollowUps(db, user.scope, filter, parsed.page, parsed.pageSize),
    assignableColleagues(db, user.scope),
    listSavedViews(db, user.id, "/follow-ups"),
  ]);
  const qs = new URLSearchParams(query).toString();
  const exportQs = new URLSearchParams(query);
  exportQs.delete("page");
  exportQs.delete("pageSize");
  return (
    <>
      <TopBar t={t} lang={lang} email={user.email} role={user.role} prefectures={user.prefectures} path={`/follow-ups${qs ? `?${qs}` : ""}`} />
      <main>
        <h1>{t.fu.title}</h1>
        <p className="subtitle">
          {t.fu.lead}（{t.asOf} {filter.asOf}）
        </p>
        <FollowUpFilters t={t} lang={lang} query={query} prefectures={user.prefectures} colleagues={colleagues} />
        <SavedViews t={t} views={views} currentQuery={qs} save={saveViewAction} remove={deleteViewAction} />
        <p className="links">
          <a href={`/api/v1/export/follow-ups.csv?${exportQs}`} download>
            {t.fu.exportUtf8}
          </a>{" "}
          ・{" "}
          <a href={`/api/v1/export/follow-ups.csv?${exportQs}${exportQs.size ? "&" : ""}encoding=shift_jis`} download>
            {t.fu.exportSjis}
          </a>{" "}
          ・{" "}
          <a href={`/api/v1/export/follow-ups.csv?${exportQs}${exportQs.size ? "&" : ""}format=xlsx`} download>
            {t.downloadXlsx}
          </a>
        </p>
        <FollowUpTable
          t={t}
          lang={lang}
          items={page.items}
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          query={query}
          canEdit={user.role !== "viewer"}
          colleagues={colleagues}
          bulkAction={bulkFollowUpAction}
        />
      </main>
    </>
  );
}
