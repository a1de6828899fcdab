import { LADDER } from "../states";
import type { FunnelStep } from "./types";

/** A day as its number since 1970-01-01 (what PostgreSQL's `date - date '1970-01-01'` gives). */
export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 864e5;
}

/** Stands for "no such day" in the columns below: later than any date asked. */
export const NEVER = 2 ** 31 - 1;

/**
 * The funnel's facilities (those that started on optical disk), one position per facility: the closing day and
 * the first day each later step was reached, as day numbers (NEVER when none). These change only with the data,
 * not with the date asked, so they can be kept for every date of a data version.
 */
export interface FunnelFacts {
  closedOn: Int32Array;
  deferred: Int32Array;
  applied: Int32Array;
  certificate: Int32Array;
  online: Int32Array;
}

/** The median as PostgreSQL's percentile_cont(0.5) gives it: the middle value, or the mean of the middle two. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Int32Array.from(values).sort();
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
}

/**
 * The path of the facilities that started on optical disk and are not closed on the date: how many reached each
 * step by the date, how many of those went on to any later step (steps may be skipped: no certificate with a
 * shared terminal), and the median days from a step to the next step reached.
 */
export function funnelOn(facts: FunnelFacts, asOf: string): FunnelStep[] {
  const day = dayNumber(asOf);
  const by = (d: number) => (d <= day ? d : NEVER);
  const reached = [0, 0, 0, 0, 0];
  const movedOn = [0, 0, 0, 0, 0];
  const days: number[][] = [[], [], [], []];
  for (let i = 0; i < facts.closedOn.length; i++) {
    if (facts.closedOn[i] <= day) continue;
    const d = [by(facts.deferred[i]), by(facts.applied[i]), by(facts.certificate[i]), by(facts.online[i])];
    // The next step reached after each step: the earliest of the later ones (NEVER when none yet).
    const next = [Math.min(d[0], d[1], d[2], d[3]), Math.min(d[1], d[2], d[3]), Math.min(d[2], d[3]), d[3]];
    reached[0] += 1;
    if (next[0] !== NEVER) movedOn[0] += 1;
    for (let step = 1; step <= 4; step++) {
      const on = d[step - 1];
      if (on === NEVER) continue;
      reached[step] += 1;
      if (step === 4) continue;
      const then = next[step];
      if (then === NEVER) continue;
      movedOn[step] += 1;
      if (then >= on) days[step].push(then - on);
    }
  }
  return LADDER.map((state, step) => {
    const medianDays = step === 0 || step === 4 ? null : median(days[step]);
    return {
      state,
      reached: reached[step],
      movedOn: movedOn[step],
      moveOnRate: reached[step] === 0 ? 0 : movedOn[step] / reached[step],
      medianDays: medianDays === null ? null : Math.round(medianDays),
    };
  });
}
