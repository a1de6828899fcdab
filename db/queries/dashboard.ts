import type { Db } from "../client";
import { dataVersion, kept } from "./figure-cache";
import { progressByEveryGrouping } from "./progress";
import { monthlyTrend, trendBase } from "./trend";
import { funnelFacts } from "./funnel";
import { stillToMove, stillToMoveFacts } from "./still-to-move";
import { certificateHolders, certificateWatch } from "./certificate-watch";
import { regressionCountsOn, regressionDays } from "./watch";
import { HISTORY_START } from "../../lib/progress/history";
import { funnelOn } from "../../lib/figures/funnel";
import type { DeferralFigures } from "../../lib/figure-filter";
import type {
  CertificateWatch,
  DashboardData,
  FunnelStep,
  PlanForecast,
  RegressionCounts,
  TrendPoint,
} from "../../lib/figures/types";
import type { ProgressGroupBy, ProgressResult } from "../../lib/progress/types";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export interface DashboardFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/**
 * The figures of one view (scope and filter) at one data version, each computed at most once and shared by the
 * pages, their exports and the API: what a date needs (the progress cube, the facilities still to move, the
 * certificates) once per date, and what holds for every date (the trend's month ends, the funnel's facilities,
 * the regression steps) once per version.
 */
class ViewFigures {
  private readonly view: readonly unknown[];

  constructor(
    private readonly db: Db,
    private readonly version: string,
    private readonly scope: Scope,
    private readonly filter: DashboardFilter,
  ) {
    const { prefecture = null, tableType = null, category = null } = filter;
    this.view = [scope, prefecture, tableType, category];
  }

  keep<T>(part: string, byDate: boolean, load: () => Promise<T>): Promise<T> {
    return kept(this.version, [part, ...this.view, byDate ? this.filter.asOf : null], load);
  }

  /**
   * The version's facts for a part, from the second date of this view on: reading them costs more than one date's
   * statement, so the first date after an import is read whole (as quickly as before) and the facts then serve
   * every further date.
   */
  private async factsFor<T>(part: string, load: () => Promise<T>): Promise<T | undefined> {
    const first = await this.keep("firstDate", false, async () => this.filter.asOf);
    return first === this.filter.asOf ? undefined : this.keep(part, false, load);
  }

  progress(): Promise<Record<ProgressGroupBy, ProgressResult>> {
    return this.keep("progress", true, () => progressByEveryGrouping(this.db, this.scope, this.filter));
  }

  /** The facilities still to move on the date: those whose record holds then from the version's facts. */
  stillToMove() {
    return this.keep("stillToMove", true, async () => {
      const current = await this.factsFor("stillToMoveFacts", () => stillToMoveFacts(this.db, this.scope, this.filter));
      return stillToMove(this.db, this.scope, this.filter, 20, current);
    });
  }

  funnel(): Promise<FunnelStep[]> {
    return this.keep("funnel", true, async () =>
      funnelOn(
        await this.keep("funnelFacts", false, () => funnelFacts(this.db, this.scope, this.filter)),
        this.filter.asOf,
      ),
    );
  }

  /** The trend to the date, its last point the progress figures of the date (no second pass for it). */
  trend(): Promise<TrendPoint[]> {
    const { asOf } = this.filter;
    if (asOf < HISTORY_START) return Promise.resolve([]);
    return this.keep("trend", true, async () => {
      const [{ prefecture: p }, base] = await Promise.all([
        this.progress(),
        this.keep("trendBase", false, () => trendBase(this.db, this.scope, this.filter)),
      ]);
      const known = {
        [asOf]: {
          date: asOf,
          total: p.total,
          closed: p.closed,
          counts: p.counts,
          claims: p.claimsEstimated ?? p.claims,
        },
      };
      return monthlyTrend(this.db, this.scope, { ...this.filter, from: HISTORY_START, to: asOf }, known, base);
    });
  }

  /** The certificate counts on the date: those of holders whose record holds then from the version's facts. */
  certificates(): Promise<CertificateWatch> {
    return this.keep("certificates", true, async () => {
      const holders = await this.factsFor("certificateHolders", () =>
        certificateHolders(this.db, this.scope, this.filter),
      );
      return certificateWatch(this.db, this.scope, this.filter, holders);
    });
  }

  async regressions(): Promise<RegressionCounts> {
    const [days, still] = await Promise.all([
      this.keep("regressionDays", false, () => regressionDays(this.db, this.scope, this.filter)),
      this.stillToMove(),
    ]);
    return regressionCountsOn(days, this.filter.asOf, still.stillOff);
  }
}

async function figures(db: Db, scope: Scope, filter: DashboardFilter): Promise<ViewFigures> {
  return new ViewFigures(db, await dataVersion(db), scope, filter);
}

/** Everything the overview and prefecture pages draw, from the same queries the API serves. */
export async function loadDashboard(db: Db, scope: Scope, filter: DashboardFilter): Promise<DashboardData> {
  const view = await figures(db, scope, filter);
  return view.keep("dashboard", true, async () => {
    const [byGrouping, trend, funnel, still] = await Promise.all([
      view.progress(),
      view.trend(),
      view.funnel(),
      view.stillToMove(),
    ]);
    return {
      byPrefecture: byGrouping.prefecture,
      byTableType: byGrouping.tableType,
      byCategory: byGrouping.category,
      trend,
      funnel,
      deferrals: still.deferrals,
      plan: still.plan,
    };
  });
}

export interface WatchData {
  certificates: CertificateWatch;
  regressions: RegressionCounts;
}

/** The overview's renewals and regressions panel. */
export async function loadWatch(db: Db, scope: Scope, filter: DashboardFilter): Promise<WatchData> {
  const view = await figures(db, scope, filter);
  return view.keep("watch", true, async () => {
    const [certificates, regressions] = await Promise.all([view.certificates(), view.regressions()]);
    return { certificates, regressions };
  });
}

/** The numbers behind each panel, for the API and the exports: the pages' own, kept the same way. */
export async function loadProgress(
  db: Db,
  scope: Scope,
  filter: DashboardFilter & { groupBy: ProgressGroupBy },
): Promise<ProgressResult> {
  return (await (await figures(db, scope, filter)).progress())[filter.groupBy];
}

export async function loadTrend(db: Db, scope: Scope, filter: DashboardFilter): Promise<TrendPoint[]> {
  return (await figures(db, scope, filter)).trend();
}

export async function loadFunnel(db: Db, scope: Scope, filter: DashboardFilter): Promise<FunnelStep[]> {
  return (await figures(db, scope, filter)).funnel();
}

export async function loadDeferrals(db: Db, scope: Scope, filter: DashboardFilter): Promise<DeferralFigures> {
  return (await (await figures(db, scope, filter)).stillToMove()).deferrals;
}

export async function loadPlan(db: Db, scope: Scope, filter: DashboardFilter): Promise<PlanForecast> {
  return (await (await figures(db, scope, filter)).stillToMove()).plan;
}
