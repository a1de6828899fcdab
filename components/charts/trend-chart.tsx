"use client";

import { Area, CartesianGrid, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, ComposedChart } from "recharts";
import { LADDER, STATE_INFO } from "@/lib/states";
import type { TrendRow } from "@/lib/charts/trend";

interface Props {
  rows: TrendRow[];
  projection: { month: string; onlineRate: number }[];
  /** If every facility keeps its filed plan (optional). */
  planned?: { month: string; onlineRate: number }[];
  lang: "ja" | "en";
  targetLabel: string;
  projectionLabel: string;
  plannedLabel?: string;
  /** Policy dates drawn as vertical lines (the committee pack's trend). */
  milestones?: { date: string; label: string }[];
  /** A fixed height (the print view sizes the chart to its page). */
  height?: number;
}

type Point = Record<string, number | string>;

/** Stacked shares of the five states by month, the 100% target, and the pace forecast as a dashed line. */
export function TrendChart({ rows, projection, planned = [], lang, targetLabel, projectionLabel, plannedLabel = "", milestones = [], height = 340 }: Props) {
  const byMonth = new Map<string, Point>();
  const at = (month: string) => {
    let point = byMonth.get(month);
    if (!point) byMonth.set(month, (point = { month }));
    return point;
  };
  for (const r of rows) Object.assign(at(r.date.slice(0, 7)), Object.fromEntries(LADDER.map((s) => [s, Number(r.shares[s].toFixed(2))])));
  const percent = (rate: number) => Number((rate * 100).toFixed(2));
  const last = rows.at(-1);
  // Each projection starts from the last actual point, so the dashed lines join the areas.
  for (const [key, line] of [["forecast", projection], ["planned", planned]] as const) {
    if (line.length === 0) continue;
    if (last) at(last.date.slice(0, 7))[key] = percent(last.onlineRate);
    for (const p of line) at(p.month)[key] = percent(p.onlineRate);
  }
  for (const m of milestones) at(m.date.slice(0, 7));
  const data = [...byMonth.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)));
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 10, right: 20, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" minTickGap={24} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" />
          <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
          <Legend />
          {[...LADDER].reverse().map((s) => (
            <Area
              key={s}
              type="monotone"
              dataKey={s}
              stackId="states"
              name={lang === "en" ? STATE_INFO[s].en : STATE_INFO[s].ja}
              stroke={STATE_INFO[s].color}
              fill={STATE_INFO[s].color}
              fillOpacity={0.75}
              isAnimationActive={false}
            />
          ))}
          <Line type="linear" dataKey="forecast" name={projectionLabel} stroke="#1d2330" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          {planned.length > 0 && (
            <Line type="linear" dataKey="planned" name={plannedLabel} stroke="#7a3fb0" strokeDasharray="2 3" strokeWidth={2} dot={false} isAnimationActive={false} />
          )}
          {milestones.map((m, i) => (
            <ReferenceLine
              key={m.date}
              x={m.date.slice(0, 7)}
              stroke="#1d2330"
              strokeDasharray="4 3"
              label={{ value: `${m.date} ${m.label}`, position: "insideTopRight", angle: -90, offset: 8 + (i % 2) * 2, fontSize: 10 }}
            />
          ))}
          <ReferenceLine y={100} stroke="#1d2330" strokeDasharray="2 2" label={{ value: targetLabel, position: "insideTopLeft", fontSize: 12 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

