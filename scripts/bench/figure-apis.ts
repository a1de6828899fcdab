import { addDays } from "../../lib/dates";
import { measure, type BenchResult } from "./measure";
import type { BenchServer } from "./server";

async function getJson(server: BenchServer, path: string): Promise<unknown> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: server.cookie } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res.json();
}

/**
 * The figure APIs over HTTP, signed in: each panel's JSON for the whole country on the data's last day, warm (as
 * most calls between two imports find it), then the deferral figures a year back on a new day each run (nothing
 * kept for that date: the statement runs every time).
 */
export async function benchFigureApis(server: BenchServer, asOf: string, runs: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const warm: [string, string][] = [
    ["progress", "/api/v1/progress?groupBy=prefecture"],
    ["trend", "/api/v1/trend"],
    ["funnel", "/api/v1/funnel"],
    ["deferrals", "/api/v1/deferrals"],
    ["plan", "/api/v1/plan"],
  ];
  for (const [name, path] of warm) {
    const timing = await measure(() => getJson(server, `${path}${path.includes("?") ? "&" : "?"}asOf=${asOf}`), {
      runs,
    });
    results.push({
      name: `api.${name}`,
      ...timing,
      baselineMs: null,
      ratio: null,
      rows: null,
      peakRssMb: server.rssMb(),
      note: `GET ${path}, national, asOf ${asOf}, warm (kept since the last import)`,
    });
  }
  const pastYear = addDays(asOf, -365);
  let daysBack = 0;
  let inForce = 0;
  const cold = await measure(
    async () => {
      const body = (await getJson(server, `/api/v1/deferrals?asOf=${addDays(pastYear, -daysBack++)}`)) as {
        inForce: number;
      };
      inForce = body.inForce;
    },
    { runs },
  );
  results.push({
    name: "api.deferrals.pastYear",
    ...cold,
    baselineMs: null,
    ratio: null,
    rows: inForce,
    peakRssMb: server.rssMb(),
    note: `GET /api/v1/deferrals?asOf=<a new day each run from ${pastYear} back>, national, nothing kept for the date`,
  });
  return results;
}
