import postgres from "postgres";
import { addDays } from "../../lib/dates";
import { measure, type BenchResult } from "./measure";
import type { BenchServer } from "./server";

async function getPage(server: BenchServer, path: string): Promise<void> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: server.cookie } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  await res.text();
}

/**
 * The overview, fully rendered: warm (a view already computed since the last import), cold (a new day each run,
 * the days before the data's last day: what that date needs is read, the data version's facts are kept), and on
 * PostgreSQL after each run's new data version (as after an import: everything is read again).
 */
export async function benchOverview(
  server: BenchServer,
  asOf: string,
  runs: number,
  databaseUrl: string | undefined,
): Promise<BenchResult[]> {
  const result = (name: string, timing: Awaited<ReturnType<typeof measure>>, note: string): BenchResult => ({
    name,
    ...timing,
    baselineMs: null,
    ratio: null,
    rows: null,
    peakRssMb: server.rssMb(),
    note,
  });
  const results = [
    result("page.overview", await measure(() => getPage(server, "/"), { runs }), "GET / fully rendered (warm)"),
  ];
  let daysBack = 0;
  const cold = await measure(() => getPage(server, `/?asOf=${addDays(asOf, -++daysBack)}`), { runs });
  results.push(result("page.overview.cold", cold, "GET /?asOf=<a new day each run>: what the date needs is read"));
  if (databaseUrl) {
    // A new data version each run, as an import sets it: the version's facts and the date's figures are read.
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const timing = await measure(
        async () => {
          await admin`update summary_state set refreshed_at = clock_timestamp() where id = 1`;
          await getPage(server, "/");
        },
        { runs },
      );
      results.push(result("page.overview.newData", timing, "GET / after a new data version (as after an import)"));
    } finally {
      await admin.end();
    }
  }
  return results;
}
