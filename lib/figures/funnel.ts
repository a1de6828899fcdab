import { toEpochDay } from "../dates";
import { LADDER } from "../states";
import type { FunnelStep } from "./types";

/** Stands for "no such day" in the columns below: later than any date asked. */
export const NEVER = 2 ** 31 - 1;

/**
 * The funnel's facilities (those that started on optical disk), one position per facility: the closing day and
 * the first day each later step was reached, as day numbers (lib/dates.ts toEpochDay; NEVER when none). These
 * change only with the data, not with the date asked, so they can be kept for every date of a data version.
 */
export interface FunnelFacts {
  closedOn: Int32Array;
  deferred: Int32Array;
  applied: Int32Array;
  certificate: Int32Array;
  online: Int32Array;
}

/**
 * The median of `n` day counts held as a histogram (counts[d] values equal to d), as PostgreSQL's
 * percentile_cont(0.5) gives it: the middle value, or the mean of the middle two.
 */
function median(counts: Uint32Array, n: number): number | null {
  if (n === 0) return null;
  const lower = Math.floor((n - 1) / 2);
  const upper = Math.ceil((n - 1) / 2);
  let seen = 0;
  let low = -1;
  for (let d = 0; d < counts.length; d++) {
    seen += counts[d];
    if (low < 0 && seen > lower) low = d;
    if (seen > upper) return (low + d) / 2;
  }
  return null;
}

/**
 * The path of the facilities that started on optical disk and are not closed on the date: how many reached each
 * step by the date, how many of those went on to any later step (steps may be skipped: no certificate with a
 * shared terminal), and the median days from a step to the next step reached.
 */
export function funnelOn(facts: FunnelFacts, asOf: string): FunnelStep[] {
  const day = toEpochDay(asOf);
  const reached = [0, 0, 0, 0, 0];
  const movedOn = [0, 0, 0, 0, 0];
  // Days from each of the middle three steps to the next one reached, by count: a step takes at most the days
  // from the earliest day on record to the date, so a histogram holds them (and sorts them) in one pass.
  let earliest = day;
  for (const column of [facts.deferred, facts.applied, facts.certificate])
    for (let i = 0; i < column.length; i++) if (column[i] < earliest) earliest = column[i];
  const span = day - earliest + 1;
  const took = [new Uint32Array(span), new Uint32Array(span), new Uint32Array(span)];
  const pairs = [0, 0, 0];
  const note = (step: number, on: number, next: number) => {
    if (next === NEVER) return;
    movedOn[step] += 1;
    if (next >= on) {
      took[step - 1][next - on] += 1;
      pairs[step - 1] += 1;
    }
  };
  for (let i = 0; i < facts.closedOn.length; i++) {
    if (facts.closedOn[i] <= day) continue;
    // Each step's first day by the date (NEVER when not reached by then).
    const d1 = facts.deferred[i] <= day ? facts.deferred[i] : NEVER;
    const d2 = facts.applied[i] <= day ? facts.applied[i] : NEVER;
    const d3 = facts.certificate[i] <= day ? facts.certificate[i] : NEVER;
    const d4 = facts.online[i] <= day ? facts.online[i] : NEVER;
    // The next step reached after each: the earliest of the later ones.
    const n2 = Math.min(d3, d4);
    const n1 = Math.min(d2, n2);
    reached[0] += 1;
    if (Math.min(d1, n1) !== NEVER) movedOn[0] += 1;
    if (d1 !== NEVER) {
      reached[1] += 1;
      note(1, d1, n1);
    }
    if (d2 !== NEVER) {
      reached[2] += 1;
      note(2, d2, n2);
    }
    if (d3 !== NEVER) {
      reached[3] += 1;
      note(3, d3, d4);
    }
    if (d4 !== NEVER) reached[4] += 1;
  }
  return LADDER.map((state, step) => {
    const medianDays = step === 0 || step === 4 ? null : median(took[step - 1], pairs[step - 1]);
    return {
      state,
      reached: reached[step],
      movedOn: movedOn[step],
      moveOnRate: reached[step] === 0 ? 0 : movedOn[step] / reached[step],
      medianDays: medianDays === null ? null : Math.round(medianDays),
    };
  });
}
