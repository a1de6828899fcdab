import type { Metadata } from "next";
import { readDb } from "@/app/_lib/read-db";
import { followUpsByContractor, listFollowUps } from "@/db/queries/follow-ups";
import { assignableColleagues } from "@/db/queries/assignments";
import { listSavedViews } from "@/db/queries/saved-views";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { bracket } from "@/lib/i18n/messages";
import { followUpQuery, lenientParse, toFollowUpFilter } from "@/app/_lib/follow-up-params";
import { plainQuery } from "@/components/data-table/url";
import { AsOfClampedNotice } from "@/components/dashboard/filters";
import { clampToWindow } from "@/lib/as-of-window";
import { FoldOnPhone } from "@/components/layout/fold-on-phone";
import { FollowUpFilters } from "@/components/follow-ups/filters";
import { FollowUpTable } from "@/components/follow-ups/follow-up-table";
import { SavedViews } from "@/components/follow-ups/saved-views";
import { ContractorGroups } from "@/components/follow-ups/contractor-groups";
import { assignContractorAction, bulkFollowUpAction, deleteViewAction, saveViewAction } from "./actions";
import { formatCount } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).t.fu.title };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function FollowUpsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const query = plainQuery(await searchParams);
  // A date outside the window shows the nearest allowed one, and says so (the API answers 400 instead).
  const asOf = clampToWindow(query.asOf);
  if (asOf.clampedFrom) query.asOf = asOf.date;
  const parsed = lenientParse(followUpQuery, query);
  const filter = toFollowUpFilter(parsed, user.id);
  const db = await readDb();
  const byContractor = parsed.view === "contractors";
  const [page, colleagues, views, groups] = await Promise.all([
    byContractor ? null : listFollowUps(db, user.scope, filter, parsed.page, parsed.pageSize),
    assignableColleagues(db, user.scope),
    listSavedViews(db, user.id, "/follow-ups"),
    byContractor ? followUpsByContractor(db, user.scope, filter) : null,
  ]);
  const viewLink = (view: "list" | "contractors") => {
    const next = new URLSearchParams(query);
    next.delete("page");
    next.delete("assigned");
    if (view === "contractors") next.set("view", "contractors");
    else next.delete("view");
    return `/follow-ups?${next}`;
  };
  const assigned = Number(query.assigned ?? NaN);
  const qs = new URLSearchParams(query).toString();
  const exportQs = new URLSearchParams(query);
  exportQs.delete("page");
  exportQs.delete("pageSize");
  return (
    <>
      <main>
        <h1>{t.fu.title}</h1>
        <p className="subtitle">
          {t.fu.lead}
          {bracket(lang, `${t.asOf} ${filter.asOf}`)}
        </p>
        {asOf.clampedFrom && <AsOfClampedNotice t={t} asked={asOf.clampedFrom} used={asOf.date} />}
        <FoldOnPhone summary={t.fu.filtersFold}>
          <FollowUpFilters t={t} lang={lang} query={query} prefectures={user.prefectures} colleagues={colleagues} />
          <SavedViews t={t} views={views} currentQuery={qs} save={saveViewAction} remove={deleteViewAction} />
          <p className="links">
            <a href={`/api/v1/export/follow-ups.csv?${exportQs}`} download>
              {t.fu.exportUtf8}
            </a>
            {lang === "en" ? " · " : " ・ "}
            <a href={`/api/v1/export/follow-ups.csv?${exportQs}${exportQs.size ? "&" : ""}encoding=shift_jis`} download>
              {t.fu.exportSjis}
            </a>
            {lang === "en" ? " · " : " ・ "}
            <a href={`/api/v1/export/follow-ups.csv?${exportQs}${exportQs.size ? "&" : ""}format=xlsx`} download>
              {t.downloadXlsx}
            </a>
          </p>
        </FoldOnPhone>
        <p className="links" data-testid="follow-up-views">
          {byContractor ? <a href={viewLink("list")}>{t.rn.viewList}</a> : <strong>{t.rn.viewList}</strong>}
          {lang === "en" ? " · " : "・"}
          {byContractor ? (
            <strong>{t.rn.viewContractors}</strong>
          ) : (
            <a href={viewLink("contractors")}>{t.rn.viewContractors}</a>
          )}
          {filter.contractor && bracket(lang, `${t.rn.contractorFilter}: ${filter.contractor}`)}
        </p>
        {Number.isInteger(assigned) && (
          <p role="status">
            {formatCount(assigned, lang)} {t.rn.assigned}
          </p>
        )}
        {groups && (
          <>
            <p className="muted">{t.rn.contractorsLead}</p>
            <ContractorGroups
              t={t}
              lang={lang}
              groups={groups}
              query={query}
              canEdit={user.role !== "viewer"}
              colleagues={colleagues}
              assign={assignContractorAction}
            />
          </>
        )}
        {page && (
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
            listQuery={exportQs.toString()}
          />
        )}
      </main>
    </>
  );
}
