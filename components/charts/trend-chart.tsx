"use client";

import {
  Area,
  CartesianGrid,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  ComposedChart,
} from "recharts";
import { LADDER, STATE_INFO } from "@/lib/states";
import { trendAxisEnd, type TrendRow } from "@/lib/charts/trend";

interface Props {
  rows: TrendRow[];
  projection: { month: string; onlineRate: number }[];
  /** If every facility keeps its filed plan (optional). */
  planned?: { month: string; onlineRate: number }[];
  /** The month the pace forecast reaches 100% ('YYYY-MM'), or null. */
  reachesFullOn: string | null;
  lang: "ja" | "en";
  targetLabel: string;
  projectionLabel: string;
  plannedLabel?: string;
  legendLabel: string;
  /** Policy dates drawn as vertical lines (the committee pack's trend). */
  milestones?: { date: string; label: string }[];
  /** A fixed height (the print view sizes the chart to its page). */
  height?: number;
}

type Point = Record<string, number | string>;

const FORECAST_COLOUR = "#1d2330";
const PLAN_COLOUR = "#6a3d9a";

/**
 * Stacked shares of the five states by month (online at the bottom, optical disk on top), the 100% target,
 * the pace forecast and the filed plan as dashed lines. The axis ends a little after the forecast month;
 * the legend lists the areas in the order they are stacked, top first.
 */
export function TrendChart({
  rows,
  projection,
  planned = [],
  reachesFullOn,
  lang,
  targetLabel,
  projectionLabel,
  plannedLabel = "",
  legendLabel,
  milestones = [],
  height = 320,
}: Props) {
  const byMonth = new Map<string, Point>();
  const at = (month: string) => {
    let point = byMonth.get(month);
    if (!point) byMonth.set(month, (point = { month }));
    return point;
  };
  for (const r of rows)
    Object.assign(at(r.date.slice(0, 7)), Object.fromEntries(LADDER.map((s) => [s, Number(r.shares[s].toFixed(2))])));
  const percent = (rate: number) => Number((rate * 100).toFixed(2));
  const last = rows.at(-1);
  const end = last ? trendAxisEnd(last.date.slice(0, 7), reachesFullOn) : "";
  // Each projection starts from the last actual point, so the dashed lines join the areas.
  for (const [key, line] of [
    ["forecast", projection],
    ["planned", planned],
  ] as const) {
    if (line.length === 0) continue;
    if (last) at(last.date.slice(0, 7))[key] = percent(last.onlineRate);
    for (const p of line) if (p.month <= end) at(p.month)[key] = percent(p.onlineRate);
  }
  for (const m of milestones) if (m.date.slice(0, 7) <= end) at(m.date.slice(0, 7));
  const data = [...byMonth.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)));
  const stackTopFirst = [...LADDER];
  const chart = (size: { width?: number; height?: number } = {}) => (
    <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false} {...size}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="month" minTickGap={28} tick={{ fontSize: 12 }} />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        allowDataOverflow
        width={48}
        tick={{ fontSize: 12 }}
        tickFormatter={(v: number) => `${v}%`}
      />
      <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
      {[...LADDER].reverse().map((s) => (
        <Area
          key={s}
          type="monotone"
          dataKey={s}
          stackId="states"
          name={STATE_INFO[s][lang]}
          stroke={STATE_INFO[s].color}
          fill={STATE_INFO[s].color}
          fillOpacity={0.9}
          isAnimationActive={false}
        />
      ))}
      <Line
        type="linear"
        dataKey="forecast"
        name={projectionLabel}
        stroke={FORECAST_COLOUR}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      {planned.length > 0 && (
        <Line
          type="linear"
          dataKey="planned"
          name={plannedLabel}
          stroke={PLAN_COLOUR}
          strokeDasharray="2 3"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      )}
      {milestones.map((m, i) => (
        <ReferenceLine
          key={m.date}
          x={m.date.slice(0, 7)}
          stroke="#1d2330"
          strokeDasharray="4 3"
          label={{
            value: `${m.date} ${m.label}`,
            position: "insideTopRight",
            angle: -90,
            offset: 8 + (i % 2) * 2,
            fontSize: 10,
          }}
        />
      ))}
      <ReferenceLine y={100} stroke="#c01f5a" strokeWidth={2} strokeDasharray="2 2" />
    </ComposedChart>
  );
  return (
    <figure className="chart" aria-hidden="true">
      <div className="chart-box" style={height === 320 ? undefined : { height }}>
        <ResponsiveContainer initialDimension={{ width: 960, height }}>{chart()}</ResponsiveContainer>
      </div>
      {/* Paper gets a chart of fixed size, scaled by CSS: a print does not wait for the responsive one to
          re-measure. */}
      <div className="chart-print print-only">{chart({ width: 1000, height: 300 })}</div>
      <figcaption>
        <ul className="legend" aria-label={legendLabel}>
          {stackTopFirst.map((s) => (
            <li key={s}>
              <span className="swatch" style={{ background: STATE_INFO[s].color }} />
              {STATE_INFO[s][lang]}
            </li>
          ))}
          <li>
            <span className="line-swatch" style={{ borderColor: FORECAST_COLOUR }} />
            {projectionLabel}
          </li>
          {planned.length > 0 && (
            <li>
              <span className="line-swatch dotted" style={{ borderColor: PLAN_COLOUR }} />
              {plannedLabel}
            </li>
          )}
          <li>
            <span className="line-swatch dotted" style={{ borderColor: "#c01f5a" }} />
            {targetLabel}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
