import { LADDER, type LadderState } from "../states";

/** What the trend chart and its table/CSV show for one month end: shares of active facilities, in %. */
export interface TrendRow {
  date: string;
  total: number;
  shares: Record<LadderState, number>;
  counts: Record<LadderState, number>;
  onlineRate: number;
}

export interface TrendInput {
  date: string;
  total: number;
  counts: Record<LadderState, number>;
}

export function trendRows(points: TrendInput[]): TrendRow[] {
  return points.map((p) => {
    const shares = {} as Record<LadderState, number>;
    for (const s of LADDER) shares[s] = p.total === 0 ? 0 : (p.counts[s] / p.total) * 100;
    return {
      date: p.date,
      total: p.total,
      counts: p.counts,
      shares,
      onlineRate: p.total === 0 ? 0 : p.counts.online / p.total,
    };
  });
}

export interface PaceForecast {
  /** Online share gained per month over the window (0.012 = 1.2 points a month). */
  monthlyGain: number;
  /** The month ('YYYY-MM') when 100% would be reached at that pace; null when the pace is not positive. */
  reachesFullOn: string | null;
  /** Month-end projections from the last point to 100% (or 60 months at most), for a dashed line. */
  projection: { month: string; onlineRate: number }[];
}

function addMonthsYm(ym: string, n: number): string {
  const [y, m] = ym.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/**
 * At the pace of the last `window` months: the average monthly gain in online share between the point
 * `window` months before the last and the last, carried forward until 100%.
 */
export function forecastAtPace(points: { date: string; onlineRate: number }[], window = 6): PaceForecast {
  if (points.length < 2) return { monthlyGain: 0, reachesFullOn: null, projection: [] };
  const last = points[points.length - 1];
  const first = points[Math.max(0, points.length - 1 - window)];
  const months = points.length - 1 - Math.max(0, points.length - 1 - window);
  const monthlyGain = (last.onlineRate - first.onlineRate) / months;
  const lastYm = last.date.slice(0, 7);
  if (last.onlineRate >= 1) return { monthlyGain, reachesFullOn: lastYm, projection: [] };
  if (monthlyGain <= 0) return { monthlyGain, reachesFullOn: null, projection: [] };
  const needed = Math.ceil((1 - last.onlineRate) / monthlyGain - 1e-9);
  const projection = [];
  for (let i = 1; i <= Math.min(needed, 60); i++) {
    projection.push({ month: addMonthsYm(lastYm, i), onlineRate: Math.min(1, last.onlineRate + monthlyGain * i) });
  }
  return { monthlyGain, reachesFullOn: needed <= 600 ? addMonthsYm(lastYm, needed) : null, projection };
}

/**
 * "If every facility keeps its filed plan": from the last month of the trend, the online share at each
 * month end when the facilities planned for that month (or earlier, still to come) have moved. Facilities
 * whose plan date has passed, or without a plan, never arrive, so the line stops short of 100% by them.
 */
export function planProjection(
  last: { date: string; total: number; online: number },
  plannedByMonth: { month: string; count: number }[],
): { month: string; onlineRate: number }[] {
  if (last.total === 0) return [];
  const lastYm = last.date.slice(0, 7);
  const upcoming = plannedByMonth.filter((p) => p.month >= lastYm).sort((a, b) => a.month.localeCompare(b.month));
  if (upcoming.length === 0) return [];
  const end = upcoming[upcoming.length - 1].month;
  const points: { month: string; onlineRate: number }[] = [];
  let arrived = 0;
  let next = 0;
  for (let month = addMonthsYm(lastYm, 1); month <= end; month = addMonthsYm(month, 1)) {
    while (next < upcoming.length && upcoming[next].month <= month) arrived += upcoming[next++].count;
    points.push({ month, onlineRate: Math.min(1, (last.online + arrived) / last.total) });
  }
  return points;
}

/**
 * The last month of the trend chart's axis: three months past the pace forecast's 100% month, or a year
 * past the data when there is no such month, and never more than three years past the data.
 */
export function trendAxisEnd(lastYm: string, reachesFullOn: string | null): string {
  const cap = addMonthsYm(lastYm, 36);
  if (!reachesFullOn) return addMonthsYm(lastYm, 12);
  const end = addMonthsYm(reachesFullOn, 3);
  return end < cap ? end : cap;
}
