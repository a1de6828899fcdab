import type { Shape } from "../shape";
import type { dashboard as ja } from "../ja/dashboard";

/** The dashboard: headline, trend, map, ranking, funnel, deferrals and plan panels. */
export const dashboard: Shape<typeof ja> = {
  overview: "National progress",
  overviewScoped: "Progress in your prefectures",
  byPrefecture: "By prefecture",
  nationalTotal: "National total",
  scopeTotal: "Total for your scope",
  trend: "Monthly trend",
  trendNote: "Share of each state at each month end (% of facilities, closed ones excluded)",
  target: "Target 100%",
  forecastPace: "Forecast at the pace of the last six months",
  forecastReach: "100% expected in",
  forecastNever: "Not reached at the current pace",
  map: "Map by prefecture",
  ranking: "Where most facilities are left",
  byTableType: "By table type",
  byCategory: "By category",
  claimShare: "Share by claim volume",
  claimShareNote: "online part of the monthly claims",
  claimSourceReported: "Share by claim volume: the payers' reported counts for {month}",
  claimSourceEstimated:
    "Share by claim volume: estimated from the facilities' listed monthly claims (no reported counts imported)",
  claimSourceMixed:
    "Share by claim volume: reported counts for {month} where a group has them, else estimated from listed volumes",
  changeSinceLastMonth: "Change since last month end",
  daysToDeadline: "To the next deferral deadline",
  funnel: "Steps of the move (facilities that started on optical disk)",
  funnelReached: "Reached",
  funnelMovedOn: "Moved on",
  funnelDays: "Median days",
  deferrals: "What the deferral filings say (facilities still to move)",
  reason: "Reason (⑥)",
  reasonSub: "Transitional sub-reason",
  readiness: "Ready by (⑦)",
  network: "Network (⑨)",
  rececom: "Claims software (⑧)",
  endingByMonth: "Deferrals ending by month",
  plan: "If every facility keeps its filed plan",
  planRemaining: "Still to move",
  planSlipped: "Plan date passed",
  planWithout: "No filing",
  planLast: "Last planned month",
  slippedList: "Facilities past their plan date (latest first, first 20)",
  planOn: "Plan date",
  mapSummary:
    "Online share in {n} prefectures. National {national}. Lowest {low}, highest {high}. " +
    "{below} prefectures in the bands below the national share, {above} above it.",
  mapKeys: "Map by prefecture (arrow keys to move, Enter to open)",
  mapLegend: "Colour bands",
  mapBandsNote:
    "Colours are centred on the national share {national}, " +
    "in steps of the prefectures' spread (one standard deviation, {step} points).",
  bandNames: {
    "-2": "Well below national",
    "-1": "Below national",
    "0": "Near national",
    "1": "Above national",
    "2": "Well above national",
  },
  notOnlineShare: "Share not online",
  rankingNote:
    "The top {n} by facilities not yet online. Bars: the share not online (axis 0 to {axis}), split by state.",
  sortBy: "Sort by",
  rankByCount: "count",
  rankByShare: "share",
  hlOnline: "Online",
  hlLeft: "Not yet online",
  hlDeadline: "Next deferral deadline, {date}, in",
  hlDetails: "Details",
  trendSummary:
    "The online share at month ends went from {first} in {from} to {last} in {to}. " +
    "{left} facilities are not yet online. {forecast}.",
  barColumn: "Chart",
  asOfClamped:
    "The date {asked} is outside the dates that can be asked ({from} to {to}); the figures shown are as of {used}.",
};
