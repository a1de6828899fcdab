import type { DashboardData } from "@/lib/figures/types";
import { fill, formatCount, formatPercent, sentenceEnd, type Lang, type Messages } from "@/lib/i18n/messages";
import { forecastAtPace, planProjection, trendRows } from "@/lib/charts/trend";
import { nextDeferralDeadline } from "@/lib/deadlines";
import type { EventState } from "@/lib/states";
import { facilityListHref } from "@/lib/figure-words";
import type { FigureFilter } from "@/lib/figure-filter";
import type { Category, TableType } from "@/lib/table-types";
import { TrendChart } from "@/components/charts/trend-chart";
import { ProgressTable } from "@/components/progress/progress-table";
import { Headline } from "./headline";
import { PrefectureRanking, type RankBy } from "./ranking";
import { PrefectureMap } from "./prefecture-map";
import { FunnelPanel } from "./funnel-panel";
import { DeferralsPanel } from "./deferrals-panel";
import { PlanPanel } from "./plan-panel";
import { PrintHeader } from "./print-header";
import { ScrollBox } from "@/components/layout/scroll-box";
import { TrendTable } from "./trend-table";
import { filterQuery, type DashboardFilter } from "./filters";

interface Props {
  t: Messages;
  lang: Lang;
  data: DashboardData;
  filter: DashboardFilter;
  /** Set on a prefecture's page: the map and ranking give way to that prefecture's figures. */
  prefecture?: string;
  /** What the page is about, for the printed header: 全国, or the prefectures' names. */
  scopeLabel: string;
  rankBy?: RankBy;
}

function PanelHead({ title, csv, t, id }: { title: string; csv: string; t: Messages; id?: string }) {
  return (
    <div className="panel-head">
      <h2 id={id}>{title}</h2>
      <span className="links">
        <a href={csv} download>
          {t.downloadCsv}
          <span className="sr-only"> {title}</span>
        </a>{" "}
        <a href={`${csv}&format=xlsx`} download>
          {t.downloadXlsx}
          <span className="sr-only"> {title}</span>
        </a>
      </span>
    </div>
  );
}

export function DashboardView({ t, lang, data, filter, prefecture, scopeLabel, rankBy = "count" }: Props) {
  const { byPrefecture, byTableType, byCategory, trend } = data;
  const rows = trendRows(trend);
  const forecast = forecastAtPace(rows);
  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  const previous = rows.length >= 2 ? rows[rows.length - 2].onlineRate : null;
  const deadline = nextDeferralDeadline(filter.asOf);
  const extra: Record<string, string> = prefecture ? { prefecture } : {};
  const csv = (name: string, more: Record<string, string> = {}) =>
    `/api/v1/export/${name}.csv?${filterQuery(filter, { ...extra, ...more })}`;
  const prefectureHref = (code: string) => `/prefectures/${code}?${filterQuery(filter)}`;
  // Every count opens the facility list of exactly those facilities on the date (lib/figure-words.ts).
  const base = {
    asOf: filter.asOf,
    prefecture,
    tableType: filter.tableType as TableType | undefined,
    category: filter.category as Category | undefined,
  };
  const list = (
    more: FigureFilter & {
      status?: EventState;
      asOf?: string;
      prefecture?: string;
      tableType?: TableType;
      category?: Category;
    } = {},
  ) => facilityListHref({ ...base, ...more });
  const groupHref = (dim: "prefecture" | "tableType" | "category") => (group: string | null, status?: EventState) =>
    list({ status, ...(group !== null && { [dim]: group }) });
  const groupLeftHref = (dim: "prefecture" | "tableType" | "category") => (group: string | null) =>
    list({ plan: "remaining", ...(group !== null && { [dim]: group }) });
  const groupCount = byPrefecture.groups.filter((g) => g.total > 0).length;
  const showMap = !prefecture && groupCount >= 2;
  const showRanking = !prefecture && groupCount >= 3;
  const forecastText = forecast.reachesFullOn ? `${t.forecastReach} ${forecast.reachesFullOn}` : t.forecastNever;
  const prefectureTable = (
    <section className="panel">
      <PanelHead id="by-prefecture" title={t.byPrefecture} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
      <ScrollBox className="print-columns">
        <ProgressTable
          t={t}
          lang={lang}
          result={byPrefecture}
          groupTitle={t.prefecture}
          testId="progress-table"
          nameHref={prefecture ? undefined : prefectureHref}
          hrefFor={groupHref("prefecture")}
          leftHrefFor={groupLeftHref("prefecture")}
        />
      </ScrollBox>
    </section>
  );
  return (
    <>
      <PrintHeader t={t} asOf={filter.asOf} scopeLabel={scopeLabel} />
      <p className="subtitle" data-testid="as-of-note">
        {t.asOf} {filter.asOf} {lang === "en" ? "·" : "・"} {t.denominator}
      </p>
      <p className="links">
        <a href={`/api/v1/export/report.xlsx?${filterQuery(filter, extra)}`} download data-testid="report-xlsx">
          {t.downloadReportXlsx}
        </a>
      </p>
      <Headline
        t={t}
        lang={lang}
        result={byPrefecture}
        previousRate={previous}
        daysToDeadline={deadline.days}
        deadline={deadline.date}
        hrefFor={(status) => list({ status })}
        leftHref={list({ plan: "remaining" })}
      />

      {!prefecture && !showMap && byPrefecture.groups.length > 0 && prefectureTable}

      <section className="panel trend-panel">
        <PanelHead id="trend" title={t.trend} csv={csv("trend")} t={t} />
        <p className="muted">
          {t.trendNote}
          {sentenceEnd(lang)}
          {t.forecastPace}: {forecastText}
        </p>
        {firstRow && lastRow && (
          <p className="sr-only" data-testid="trend-summary">
            {fill(t.trendSummary, {
              from: firstRow.date.slice(0, 7),
              to: lastRow.date.slice(0, 7),
              first: formatPercent(firstRow.onlineRate, lang),
              last: formatPercent(lastRow.onlineRate, lang),
              left: formatCount(lastRow.total - lastRow.counts.online, lang),
              forecast: forecastText,
            })}
          </p>
        )}
        <TrendChart
          rows={rows}
          projection={forecast.projection}
          reachesFullOn={forecast.reachesFullOn}
          planned={
            lastRow
              ? planProjection(
                  { date: lastRow.date, total: lastRow.total, online: lastRow.counts.online },
                  data.plan.plannedByMonth,
                )
              : []
          }
          lang={lang}
          targetLabel={t.target}
          projectionLabel={t.forecastPace}
          plannedLabel={t.plan}
          legendLabel={t.legend}
        />
        <details className="print-open">
          <summary>{t.showTable}</summary>
          <ScrollBox className="print-columns">
            <TrendTable
              t={t}
              lang={lang}
              points={trend}
              testId="trend-table"
              hrefFor={(asOf, status) => list({ asOf, status })}
            />
          </ScrollBox>
        </details>
      </section>

      {(showMap || showRanking) && (
        <div className="grid2 map-ranking">
          {showMap && (
            <section className="panel">
              <PanelHead id="map" title={t.map} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
              <PrefectureMap
                t={t}
                lang={lang}
                groups={byPrefecture.groups}
                national={byPrefecture.onlineRate}
                hrefFor={(code) => list({ prefecture: code })}
              />
            </section>
          )}
          {showRanking && (
            <section className="panel">
              <PanelHead id="ranking" title={t.ranking} csv={csv("progress", { groupBy: "prefecture" })} t={t} />
              <PrefectureRanking
                t={t}
                lang={lang}
                groups={byPrefecture.groups}
                by={rankBy}
                limit={15}
                hrefFor={prefectureHref}
                sortHref={(by) => `/?${filterQuery(filter, by === "share" ? { rank: "share" } : {})}#ranking`}
              />
            </section>
          )}
        </div>
      )}

      <div className="grid2 wide-tables">
        <section className="panel">
          <PanelHead id="by-table-type" title={t.byTableType} csv={csv("progress", { groupBy: "tableType" })} t={t} />
          <ScrollBox>
            <ProgressTable
              t={t}
              lang={lang}
              result={byTableType}
              groupTitle={t.tableType}
              testId="table-type-table"
              hrefFor={groupHref("tableType")}
              leftHrefFor={groupLeftHref("tableType")}
            />
          </ScrollBox>
        </section>
        <section className="panel">
          <PanelHead id="by-category" title={t.byCategory} csv={csv("progress", { groupBy: "category" })} t={t} />
          <ScrollBox>
            <ProgressTable
              t={t}
              lang={lang}
              result={byCategory}
              groupTitle={t.category}
              testId="category-table"
              hrefFor={groupHref("category")}
              leftHrefFor={groupLeftHref("category")}
            />
          </ScrollBox>
        </section>
      </div>

      <div className="grid2">
        <section className="panel">
          <PanelHead id="funnel" title={t.funnel} csv={csv("funnel")} t={t} />
          <ScrollBox>
            <FunnelPanel steps={data.funnel} t={t} lang={lang} hrefFor={(reached) => list({ reached })} />
          </ScrollBox>
        </section>
        <section className="panel">
          <PanelHead id="plan" title={t.plan} csv={csv("plan")} t={t} />
          <PlanPanel plan={data.plan} t={t} lang={lang} hrefFor={(plan) => list({ plan })} />
        </section>
      </div>

      <section className="panel">
        <PanelHead
          id="deferrals"
          title={`${t.deferrals}${
            lang === "en"
              ? ` (${formatCount(data.deferrals.inForce, lang)})`
              : `（${formatCount(data.deferrals.inForce, lang)}）`
          }`}
          csv={csv("deferrals")}
          t={t}
        />
        <DeferralsPanel d={data.deferrals} t={t} lang={lang} hrefFor={(figure) => list(figure)} />
      </section>

      {showMap && prefectureTable}
    </>
  );
}
