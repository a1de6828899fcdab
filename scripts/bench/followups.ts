import { followUpsByContractor, listFollowUps } from "../../db/queries/follow-ups";
import type { Db } from "../../db/client";
import { NATIONAL } from "../../lib/scope";
import { measure, type BenchResult } from "./measure";
import { benchXlsxExport } from "./xlsx";
import { startServer, timedWithMemory } from "./server";

/**
 * The follow-up list's first page with every rule evaluated over all facilities (issue 7: p95 ≤ 150 ms on
 * PostgreSQL), and a filtered page (one rule, one prefecture) — the query the page and the API run.
 */
export async function benchFollowUps(db: Db, asOf: string, runs: number): Promise<BenchResult[]> {
  const first = await listFollowUps(db, NATIONAL, { asOf }, 1, 50);
  const firstTiming = await measure(() => listFollowUps(db, NATIONAL, { asOf }, 1, 50), { runs });
  const filter = { asOf, alert: "deferral_expired" as const, prefecture: "13" };
  const filtered = await listFollowUps(db, NATIONAL, filter, 1, 50);
  const filteredTiming = await measure(() => listFollowUps(db, NATIONAL, filter, 1, 50), { runs });
  const groups = await followUpsByContractor(db, NATIONAL, { asOf });
  const groupsTiming = await measure(() => followUpsByContractor(db, NATIONAL, { asOf }), { runs });
  return [
    {
      name: "followups.byContractor",
      ...groupsTiming,
      baselineMs: null,
      ratio: null,
      rows: groups.length,
      peakRssMb: null,
      note: "national, the list grouped by ⑥ア's contractor; rows = contractors (at most 200)",
    },
    {
      name: "followups.firstPage",
      ...firstTiming,
      baselineMs: null,
      ratio: null,
      rows: first.total,
      peakRssMb: null,
      note: `national, most urgent first, asOf ${asOf}; rows = facilities with an alert`,
    },
    {
      name: "followups.filtered",
      ...filteredTiming,
      baselineMs: null,
      ratio: null,
      rows: filtered.total,
      peakRssMb: null,
      note: "alert=deferral_expired, prefecture=13",
    },
  ];
}

/**
 * The whole country's facility list streamed as CSV from the production server: wall time to the last
 * byte, and the server's resident memory growth over its idle size (sampled every 50 ms).
 */
export async function benchExport(
  env: NodeJS.ProcessEnv,
  email: string,
  password: string,
  runs: number,
): Promise<BenchResult[]> {
  const server = await startServer(env, email, password);
  try {
    const download = async (path: string) => {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: server.cookie } });
      if (!res.ok || !res.body) throw new Error(`${path} answered ${res.status}`);
      let lines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        for (
          let at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(10);
          at !== -1;
          at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(10, at + 1)
        )
          lines++;
      }
      return lines - 1; // header
    };
    await download("/api/v1/export/facilities.csv?prefecture=13"); // warm the route
    const { times, idle, peak, last } = await timedWithMemory(server, runs, () =>
      download("/api/v1/export/facilities.csv"),
    );
    const rows = last ?? 0;
    const p = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
    const sjisStarted = performance.now();
    const sjisRows = await download("/api/v1/export/facilities.csv?encoding=shift_jis");
    const sjisMs = Math.round(performance.now() - sjisStarted);
    const xlsx = await benchXlsxExport(server, runs);
    return [
      {
        name: "export.facilities",
        p50Ms: p(0.5),
        p95Ms: p(0.95),
        baselineMs: null,
        ratio: null,
        rows,
        peakRssMb: peak,
        note: `UTF-8, server RSS ${idle} MB idle → ${peak} MB peak (growth ${peak - idle} MB), ${runs} runs`,
      },
      {
        name: "export.facilities.sjis",
        p50Ms: sjisMs,
        p95Ms: sjisMs,
        baselineMs: null,
        ratio: null,
        rows: sjisRows,
        peakRssMb: Math.max(peak, server.rssMb()),
        note: "Shift_JIS, one run",
      },
      { ...xlsx, rows },
    ];
  } finally {
    await server.stop();
  }
}
