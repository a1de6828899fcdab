/** Timing helpers for the benchmark: warm runs, then p50/p95 of the measured ones. */
export interface Timing {
  p50Ms: number;
  p95Ms: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export async function measure(
  fn: () => Promise<unknown>,
  options: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  const runs = options.runs ?? 20;
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), runs };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export interface BenchResult {
  name: string;
  p50Ms: number;
  p95Ms: number;
  baselineMs: number | null;
  ratio: number | null;
  rows: number | null;
  peakRssMb: number | null;
  note?: string;
}
