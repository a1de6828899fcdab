import type { DashboardData } from "@/lib/figures/types";
import { bracket, formatCount, joinList, sentenceEnd, type Lang, type Messages } from "@/lib/i18n/messages";
import { formatDateJa, formatWareki } from "@/lib/dates";
import { forecastAtPace, planProjection, trendRows } from "@/lib/charts/trend";
import { nextDeferralDeadline } from "@/lib/deadlines";
import { policyMilestones } from "@/lib/milestones";
import { TrendChart } from "@/components/charts/trend-chart";
import { PrefectureMap } from "@/components/dashboard/prefecture-map";
import { ProgressTable } from "@/components/progress/progress-table";
import { Headline } from "@/components/dashboard/headline";
import { FunnelPanel } from "@/components/dashboard/funnel-panel";
import { DeferralsPanel } from "@/components/dashboard/deferrals-panel";
import { PlanPanel } from "@/components/dashboard/plan-panel";
import { TrendTable } from "@/components/dashboard/trend-table";
import { ScrollBox } from "@/components/layout/scroll-box";

interface Props {
  t: Messages;
  lang: Lang;
  data: DashboardData;
  asOf: string;
  /** The scope in words (全国, 東京都, or the user's prefectures). */
  scopeWords: string;
  /** Set for one prefecture: the map gives way to its table type and category tables. */
  prefecture?: string;
  madeOn: string;
}

/**
 * The committee pack: every dashboard figure for one date and scope, laid out for A4 landscape, tables
 * open (never folded), each section starting where it fits (app/report/report.css).
 */
export function ReportView({ t, lang, data, asOf, scopeWords, prefecture, madeOn }: Props) {
  const rows = trendRows(data.trend);
  const forecast = forecastAtPace(rows);
  const last = rows.at(-1);
  const deadline = nextDeferralDeadline(asOf);
  const milestones = policyMilestones(asOf).map((m) => ({ date: m.date, label: m[lang] }));
  // The forecasts drawn up to the next filing round, not to 100% years ahead: the page is about now.
  const horizon = milestones.at(-1)!.date.slice(0, 7);
  const date = (iso: string) => (lang === "en" ? iso : `${formatDateJa(iso)}（${formatWareki(iso)}）`);
  return (
    <article className="report" data-testid="report">
      <header className="report-header">
        <h1>{t.fig.reportTitle}</h1>
        <dl>
          <div>
            <dt>{t.fig.reportScope}</dt>
            <dd data-testid="report-scope">{scopeWords}</dd>
          </div>
          <div>
            <dt>{t.fig.reportAsOf}</dt>
            <dd data-testid="report-as-of">{date(asOf)}</dd>
          </div>
          <div>
            <dt>{t.fig.reportMade}</dt>
            <dd>{date(madeOn)}</dd>
          </div>
        </dl>
        <p className="muted">{t.denominator}</p>
      </header>

      <Headline
        t={t}
        lang={lang}
        result={data.byPrefecture}
        previousRate={rows.length >= 2 ? rows[rows.length - 2].onlineRate : null}
        daysToDeadline={deadline.days}
        deadline={deadline.date}
      />

      <section className="report-section">
        <h2>1. {t.trend}</h2>
        <p className="muted">
          {t.trendNote}
          {sentenceEnd(lang)}
          {t.forecastPace}: {forecast.reachesFullOn ? `${t.forecastReach} ${forecast.reachesFullOn}` : t.forecastNever}
        </p>
        <ScrollBox className="report-chart">
          <TrendChart
            rows={rows}
            projection={forecast.projection.filter((p) => p.month <= horizon)}
            planned={
              last
                ? planProjection(
                    { date: last.date, total: last.total, online: last.counts.online },
                    data.plan.plannedByMonth,
                  ).filter((p) => p.month <= horizon)
                : []
            }
            lang={lang}
            targetLabel={t.target}
            projectionLabel={t.forecastPace}
            plannedLabel={t.plan}
            legendLabel={t.legend}
            reachesFullOn={forecast.reachesFullOn}
            milestones={milestones}
            height={330}
          />
        </ScrollBox>
        <p className="muted report-milestones">
          {t.fig.reportMilestones}: {milestones.map((m) => `${m.date} ${m.label}`).join(lang === "en" ? " / " : " ／ ")}
        </p>
      </section>

      <section className="report-section report-break">
        <h2>2. {t.fig.reportTrendTable}</h2>
        <ScrollBox>
          <TrendTable t={t} lang={lang} points={data.trend} testId="report-trend-table" />
        </ScrollBox>
      </section>

      <section className="report-section report-break">
        <h2>
          3.{" "}
          {prefecture
            ? joinList(lang, [t.byTableType, t.byCategory])
            : joinList(lang, [t.map, t.byTableType, t.byCategory])}
        </h2>
        <div className="report-two">
          {!prefecture && (
            <div className="report-map">
              <PrefectureMap
                t={t}
                lang={lang}
                groups={data.byPrefecture.groups}
                national={data.byPrefecture.onlineRate}
                hrefFor={(code) => `/prefectures/${code}?asOf=${asOf}`}
              />
            </div>
          )}
          {/* Scrolls on screen (report.css) and can take focus for the arrow keys; on paper it takes the width it
          needs. */}
          <div className="report-tables" tabIndex={0}>
            <ProgressTable
              t={t}
              lang={lang}
              result={data.byTableType}
              groupTitle={t.tableType}
              testId="report-table-type"
            />
            <ProgressTable
              t={t}
              lang={lang}
              result={data.byCategory}
              groupTitle={t.category}
              testId="report-category"
            />
          </div>
        </div>
      </section>

      {!prefecture && (
        <section className="report-section report-break">
          <h2>4. {t.byPrefecture}</h2>
          <ScrollBox>
            <ProgressTable
              t={t}
              lang={lang}
              result={data.byPrefecture}
              groupTitle={t.prefecture}
              testId="report-prefectures"
            />
          </ScrollBox>
        </section>
      )}

      <section className="report-section report-break">
        <h2>5. {t.funnel}</h2>
        <ScrollBox>
          <FunnelPanel steps={data.funnel} t={t} lang={lang} />
        </ScrollBox>
        <h2>6. {t.plan}</h2>
        <ScrollBox>
          <PlanPanel plan={data.plan} t={t} lang={lang} expanded />
        </ScrollBox>
      </section>

      <section className="report-section report-break">
        <h2>
          7. {t.deferrals}
          {bracket(lang, formatCount(data.deferrals.inForce, lang))}
        </h2>
        <DeferralsPanel d={data.deferrals} t={t} lang={lang} />
      </section>
    </article>
  );
}
