import type { DashboardData } from "@/db/queries/dashboard";
import { formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { forecastAtPace, planProjection, trendRows } from "@/lib/charts/trend";
import { SHARE_STEPS } from "@/lib/charts/colors";
import { nextDeferralDeadline } from "@/lib/deadlines";
import { LADDER, STATE_INFO } from "@/lib/states";
import { TrendChart } from "@/components/charts/trend-chart";
import { TileMap } from "@/components/charts/tile-map";
import { ProgressTable } from "@/components/progress/progress-table";
import { Headline } from "./headline";
import { PrefectureRanking } from "./ranking";
import { FunnelPanel } from "./funnel-panel";
import { DeferralsPanel } from "./deferrals-panel";
import { PlanPanel } from "./plan-panel";
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
        </a>{" "}
        <a href={`${csv}&format=xlsx`} download>
          {t.downloadXlsx}
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
  return (
    <>
      <p className="subtitle" data-testid="as-of-note">
        {t.asOf} {filter.asOf} ・ {t.denominator}
      </p>
      <p className="links">
        <a href={`/api/v1/export/report.xlsx?${filterQuery(filter, extra)}`} download data-testid="report-xlsx">
          {t.downloadReportXlsx}
        </a>
      </p>
      <Headline t={t} lang={lang} result={byPrefecture} previousRate={previous} daysToDeadline={deadline.days} deadline={deadline.date} />

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
          <table className="data" data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">{t.asOf}</th>
                <th scope="col">{t.facilities}</th>
                {LADDER.map((s) => (
                  <th scope="col" key={s}>
                    {STATE_INFO[s][lang]}
                  </th>
                ))}
                <th scope="col">{t.onlineRate}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.date}>
                  <td>{r.date}</td>
                  <td>{r.total}</td>
                  {LADDER.map((s) => (
                    <td key={s}>{r.counts[s]}</td>
                  ))}
                  <td>{formatPercent(r.onlineRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      {!prefecture && (
        <div className="grid2">
          <section className="panel">
            <PanelHead title={t.map} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
            <TileMap groups={byPrefecture.groups} lang={lang} hrefFor={(code) => `/prefectures/${code}?${filterQuery(filter)}`} />
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
          <ProgressTable t={t} lang={lang} result={byTableType} groupTitle={t.tableType} testId="table-type-table" />
        </section>
        <section className="panel">
          <PanelHead title={t.byCategory} csv={csv("progress", { groupBy: "category" })} t={t} />
          <ProgressTable t={t} lang={lang} result={byCategory} groupTitle={t.category} testId="category-table" />
        </section>
      </div>

      <section className="panel">
        <h2>{t.funnel}</h2>
        <FunnelPanel steps={data.funnel} t={t} lang={lang} />
      </section>

      <section className="panel">
        <h2>{t.plan}</h2>
        <PlanPanel plan={data.plan} t={t} lang={lang} />
      </section>

      <section className="panel">
        <h2>
          {t.deferrals}（{data.deferrals.inForce}）
        </h2>
        <DeferralsPanel d={data.deferrals} t={t} lang={lang} />
      </section>

      <section className="panel">
        <PanelHead title={t.byPrefecture} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
        <ProgressTable t={t} lang={lang} result={byPrefecture} groupTitle={t.prefecture} testId="progress-table" />
      </section>
    </>
  );
}
