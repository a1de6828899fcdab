import type { DashboardData } from "@/db/queries/dashboard";
import { formatCount, type Lang, type Messages } from "@/lib/i18n/messages";
import { forecastAtPace, planProjection, trendRows } from "@/lib/charts/trend";
import { SHARE_STEPS } from "@/lib/charts/colors";
import { nextDeferralDeadline } from "@/lib/deadlines";
import type { EventState } from "@/lib/states";
import { facilityListHref } from "@/lib/figure-words";
import type { FigureFilter } from "@/lib/figure-filter";
import type { Category, TableType } from "@/lib/table-types";
import { TrendChart } from "@/components/charts/trend-chart";
import { TileMap } from "@/components/charts/tile-map";
import { ProgressTable } from "@/components/progress/progress-table";
import { Headline } from "./headline";
import { PrefectureRanking } from "./ranking";
import { FunnelPanel } from "./funnel-panel";
import { DeferralsPanel } from "./deferrals-panel";
import { PlanPanel } from "./plan-panel";
import { TrendTable } from "./trend-table";
import { filterQuery, type DashboardFilter } from "./filters";

interface Props {
  t: Messages;
  lang: Lang;
  data: DashboardData;
  filter: DashboardFilter;
  /** Set on a prefecture's page: the map and ranking give way to that prefecture's figures. */
  prefecture?: string;
}

function PanelHead({ title, csv, t }: { title: string; csv: string; t: Messages }) {
  return (
    <div className="panel-head">
      <h2>{title}</h2>
      <span className="links">
        <a href={csv} download>
          {t.downloadCsv}
        </a>
      </span>
    </div>
  );
}

export function DashboardView({ t, lang, data, filter, prefecture }: Props) {
  const { byPrefecture, byTableType, byCategory, trend } = data;
  const rows = trendRows(trend);
  const forecast = forecastAtPace(rows);
  const lastRow = rows.at(-1);
  const previous = rows.length >= 2 ? rows[rows.length - 2].onlineRate : null;
  const deadline = nextDeferralDeadline(filter.asOf);
  const extra: Record<string, string> = prefecture ? { prefecture } : {};
  const csv = (name: string, more: Record<string, string> = {}) => `/api/v1/export/${name}.csv?${filterQuery(filter, { ...extra, ...more })}`;
  // Every count opens the facility list of exactly those facilities on the date (lib/figure-words.ts).
  const base = { asOf: filter.asOf, prefecture, tableType: filter.tableType as TableType | undefined, category: filter.category as Category | undefined };
  const list = (more: FigureFilter & { status?: EventState; asOf?: string; prefecture?: string; tableType?: TableType; category?: Category } = {}) => facilityListHref({ ...base, ...more });
  const groupHref = (dim: "prefecture" | "tableType" | "category") => (group: string | null, status?: EventState) =>
    list({ status, ...(group !== null && { [dim]: group }) });
  return (
    <>
      <p className="subtitle" data-testid="as-of-note">
        {t.asOf} {filter.asOf} ・ {t.denominator}
      </p>
      <Headline t={t} lang={lang} result={byPrefecture} previousRate={previous} daysToDeadline={deadline.days} deadline={deadline.date} hrefFor={(status) => list({ status })} />

      <section className="panel">
        <PanelHead title={t.trend} csv={csv("trend")} t={t} />
        <p className="muted">
          {t.trendNote}。{t.forecastPace}: {forecast.reachesFullOn ? `${t.forecastReach} ${forecast.reachesFullOn}` : t.forecastNever}
        </p>
        <TrendChart
          rows={rows}
          projection={forecast.projection}
          planned={lastRow ? planProjection({ date: lastRow.date, total: lastRow.total, online: lastRow.counts.online }, data.plan.plannedByMonth) : []}
          lang={lang}
          targetLabel={t.target}
          projectionLabel={t.forecastPace}
          plannedLabel={t.plan}
        />
        <details>
          <summary>{t.showTable}</summary>
          <TrendTable t={t} lang={lang} points={trend} testId="trend-table" hrefFor={(asOf, status) => list({ asOf, status })} />
        </details>
      </section>

      {!prefecture && (
        <div className="grid2">
          <section className="panel">
            <PanelHead title={t.map} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
            <TileMap groups={byPrefecture.groups} lang={lang} hrefFor={(code) => list({ prefecture: code })} />
            <div className="legend" aria-label={t.onlineRate}>
              {SHARE_STEPS.map((s) => (
                <span key={s.label}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  {s.label}
                </span>
              ))}
            </div>
          </section>
          <section className="panel">
            <PanelHead title={t.ranking} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
            <PrefectureRanking groups={byPrefecture.groups} lang={lang} />
          </section>
        </div>
      )}

      <div className="grid2">
        <section className="panel">
          <PanelHead title={t.byTableType} csv={csv("progress", { groupBy: "tableType" })} t={t} />
          <ProgressTable t={t} lang={lang} result={byTableType} groupTitle={t.tableType} testId="table-type-table" hrefFor={groupHref("tableType")} />
        </section>
        <section className="panel">
          <PanelHead title={t.byCategory} csv={csv("progress", { groupBy: "category" })} t={t} />
          <ProgressTable t={t} lang={lang} result={byCategory} groupTitle={t.category} testId="category-table" hrefFor={groupHref("category")} />
        </section>
      </div>

      <section className="panel">
        <PanelHead title={t.funnel} csv={csv("funnel")} t={t} />
        <FunnelPanel steps={data.funnel} t={t} lang={lang} hrefFor={(reached) => list({ reached })} />
      </section>

      <section className="panel">
        <PanelHead title={t.plan} csv={csv("plan")} t={t} />
        <PlanPanel plan={data.plan} t={t} lang={lang} hrefFor={(plan) => list({ plan })} />
      </section>

      <section className="panel">
        <PanelHead title={`${t.deferrals}（${formatCount(data.deferrals.inForce, lang)}）`} csv={csv("deferrals")} t={t} />
        <DeferralsPanel d={data.deferrals} t={t} lang={lang} hrefFor={(figure) => list(figure)} />
      </section>

      <section className="panel">
        <PanelHead title={t.byPrefecture} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
        <ProgressTable t={t} lang={lang} result={byPrefecture} groupTitle={t.prefecture} testId="progress-table" hrefFor={groupHref("prefecture")} />
      </section>
    </>
  );
}
