import type { Metadata } from "next";
import { readDb } from "@/app/_lib/read-db";
import { listFacilities } from "@/db/queries/facilities";
import { contractorDisplayName } from "@/db/queries/figure-filter";
import { requireUser } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { facilityQuery, lenientParse, toFacilityFilter } from "@/app/_lib/follow-up-params";
import { fill, formatCount } from "@/lib/i18n/messages";
import { describeListFilter } from "@/lib/figure-words";
import { FacilityTable } from "@/components/facilities/facility-table";
import { plainQuery } from "@/components/data-table/url";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.fig.listTitle };
}

export const dynamic = "force-dynamic";

/**
 * The facility list a figure opens: exactly the facilities the number counts, on its date, with the filter
 * in words (「東京都・光ディスク等・2025年3月31日時点: 28施設」) and the export of the same rows. The same query
 * and parameters as GET /api/v1/facilities, within the caller's scope.
 */
export default async function FacilityListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const query = plainQuery(await searchParams);
  const parsed = lenientParse(facilityQuery, query);
  const filter = toFacilityFilter(parsed);
  const db = await readDb();
  const [page, contractor] = await Promise.all([
    listFacilities(db, user.scope, filter, parsed.page, parsed.pageSize),
    filter.figure?.contractor ? contractorDisplayName(db, filter.figure.contractor) : Promise.resolve(undefined),
  ]);
  const words = describeListFilter(filter, lang, t.fig, user.scope.kind === "national", contractor);
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter(([k]) => !["page", "pageSize", "sort", "dir"].includes(k)),
  );
  exportQuery.set("asOf", filter.asOf);
  const csv = `/api/v1/export/facilities.csv?${exportQuery}`;
  return (
    <>
      <main>
        <h1>{t.fig.listTitle}</h1>
        <div className="panel-head">
          <p className="list-caption" data-testid="list-caption">
            {words}:{" "}
            <strong data-testid="list-total">
              {fill(t.fig.facilitiesCount, { n: formatCount(page.total, lang) })}
            </strong>
          </p>
          <span className="links">
            <a href={csv} download data-testid="list-export">
              {t.fig.exportCsv}
            </a>
            <a href={`${csv}&encoding=shift_jis`} download>
              {t.fig.exportSjis}
            </a>
          </span>
        </div>
        <FacilityTable
          t={t}
          lang={lang}
          items={page.items}
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          path="/facilities"
          query={query}
          keys={{ sort: "sort", dir: "dir", page: "page", pageSize: "pageSize" }}
          defaultSort="code"
        />
      </main>
    </>
  );
}
