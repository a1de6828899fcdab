import { getDb } from "@/db/client";
import { progress } from "@/db/queries/progress";
import { requireUser } from "./_auth/session";
import { getMessages } from "./_i18n";
import { TopBar } from "@/components/layout/top-bar";
import { StateTiles } from "@/components/progress/state-tiles";
import { ProgressTable } from "@/components/progress/prefecture-table";
import { parseAsOf } from "./_params";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { lang, t } = await getMessages();
  const params = await searchParams;
  const asOf = parseAsOf(params.asOf);
  const result = await progress(getDb(), user.scope, { asOf, groupBy: "prefecture" });
  return (
    <>
      <TopBar t={t} lang={lang} email={user.email} role={user.role} prefectures={user.prefectures} path={`/?asOf=${asOf}`} />
      <main>
        <h1>{user.scope.kind === "national" ? t.overview : t.overviewScoped}</h1>
        <p className="subtitle">
          {t.asOf} {asOf} ・ {t.denominator}
        </p>
        <form className="filters" method="get">
          <label>
            {t.asOf}
            <input type="date" name="asOf" defaultValue={asOf} />
          </label>
          <button className="btn" type="submit">
            {t.show}
          </button>
        </form>
        <StateTiles t={t} lang={lang} result={result} />
        <section className="panel">
          <h2>{t.byPrefecture}</h2>
          <ProgressTable t={t} lang={lang} result={result} groupTitle={t.prefecture} />
        </section>
      </main>
    </>
  );
}
