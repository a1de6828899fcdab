import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { closeDb, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedNationalData } from "../db/seed";
import { unsafeUpsertUser } from "../db/queries/users";
import { addDays } from "../lib/dates";
import { parseArgs, stringOption } from "./args";
import { buildIfStale } from "./build-if-stale";
import { freshDatabase } from "./bench/database";
import { measure, round, type BenchResult } from "./bench/measure";
import { benchProgress } from "./bench/progress";
import { benchImport } from "./bench/import";
import { addHistoryBefore2023 } from "./bench/history";
import { startServer } from "./bench/server";
import { benchExport, benchFollowUps } from "./bench/followups";
import { benchDeferralsApi, benchListAsOf } from "./bench/lists";

// Loading the national history may run longer than the server's 30 s limit on a busy machine: the bench's
// own statements run without one unless DB_STATEMENT_TIMEOUT_MS is set; the server it measures keeps the
// setting it was given (else the production default; scripts/bench/server.ts).
process.env.BENCH_SERVER_STATEMENT_TIMEOUT_MS = process.env.DB_STATEMENT_TIMEOUT_MS ?? "";
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

const PARTS = ["seed", "progress", "page", "import", "followups", "export", "list", "api"] as const;
type Part = (typeof PARTS)[number];
const BENCH_USER = { email: "bench@example.jp", password: "bench-Password-1" };

interface SizeRun {
  facilities: number;
  events: number;
  driver: "postgres" | "pglite";
  databaseMb: number;
  results: BenchResult[];
}

async function runSize(
  facilities: number,
  parts: Set<Part>,
  usePglite: boolean,
  runs: number,
  log: (s: string) => void,
  options: { seedOnlyHistory: boolean },
): Promise<SizeRun> {
  const database = await freshDatabase(String(facilities), usePglite);
  const results: BenchResult[] = [];
  try {
    await runMigrations();
    const db = getDb();
    const started = performance.now();
    const seeded = await seedNationalData(db, { facilities, seed: 1 });
    const seedMs = performance.now() - started;
    results.push({
      name: "seed.national",
      p50Ms: round(seedMs, 0),
      p95Ms: round(seedMs, 0),
      baselineMs: null,
      ratio: null,
      rows: seeded.facilities + seeded.events + seeded.filings,
      peakRssMb: null,
      note: "one run: generate + COPY + analyze",
    });
    if (!options.seedOnlyHistory) {
      const addedStarted = performance.now();
      const added = await addHistoryBefore2023(db);
      seeded.events += added;
      log(
        `  ${database.driver}: added ${added} events before 2023 ` +
          `in ${((performance.now() - addedStarted) / 1000).toFixed(1)} s`,
      );
    }
    log(
      `  ${database.driver}: seeded ${seeded.facilities} facilities, ${seeded.events} events, ` +
        `${seeded.filings} filings in ${(seedMs / 1000).toFixed(1)} s`,
    );
    await unsafeUpsertUser(db, { ...BENCH_USER, role: "admin", prefectures: null });
    if (parts.has("progress")) {
      results.push(...(await benchProgress(db, seeded.asOf, addDays(seeded.asOf, -365), runs)));
    }
    if (parts.has("followups")) results.push(...(await benchFollowUps(db, seeded.asOf, runs)));
    if (parts.has("list")) results.push(await benchListAsOf(db, addDays(seeded.asOf, -365), runs));
    const databaseMb = await database.sizeMb();
    // Only one process may open a PGlite directory: the server opens it next.
    await closeDb();
    if (parts.has("api")) {
      const server = await startServer(database.env, BENCH_USER.email, BENCH_USER.password);
      try {
        results.push(await benchDeferralsApi(server, addDays(seeded.asOf, -365), runs));
      } finally {
        await server.stop();
      }
    }
    if (parts.has("page")) {
      const server = await startServer(database.env, BENCH_USER.email, BENCH_USER.password);
      try {
        const page = await measure(
          async () => {
            const res = await fetch(`${server.baseUrl}/`, { headers: { cookie: server.cookie } });
            if (!res.ok) throw new Error(`overview answered ${res.status}`);
            await res.text();
          },
          { runs },
        );
        results.push({
          name: "page.overview",
          ...page,
          baselineMs: null,
          ratio: null,
          rows: null,
          peakRssMb: server.rssMb(),
          note: "GET / fully rendered (a view already computed since the last import)",
        });
        // Nothing cached: a different as-of date every run (the days before the seed's as-of date).
        let daysBack = 0;
        const cold = await measure(
          async () => {
            const res = await fetch(`${server.baseUrl}/?asOf=${addDays(seeded.asOf, -++daysBack)}`, {
              headers: { cookie: server.cookie },
            });
            if (!res.ok) throw new Error(`overview answered ${res.status}`);
            await res.text();
          },
          { runs },
        );
        results.push({
          name: "page.overview.cold",
          ...cold,
          baselineMs: null,
          ratio: null,
          rows: null,
          peakRssMb: server.rssMb(),
          note: "GET /?asOf=<a new day each run>: every query run",
        });
      } finally {
        await server.stop();
      }
    }
    if (parts.has("export"))
      results.push(...(await benchExport(database.env, BENCH_USER.email, BENCH_USER.password, Math.min(runs, 5))));
    // Last: it empties the facility table.
    // Five runs each (import, COPY, floor): on this machine single runs move by 10–20%.
    if (parts.has("import"))
      results.push(...(await benchImport(database.env, database.driver, Math.min(runs, 5), log)));
    return { facilities: seeded.facilities, events: seeded.events, driver: database.driver, databaseMb, results };
  } finally {
    await database.drop();
  }
}

function printTable(run: SizeRun): void {
  console.log(
    `\n${run.driver}, ${run.facilities.toLocaleString()} facilities, ${run.events.toLocaleString()} events, ` +
      `database ${run.databaseMb} MB`,
  );
  console.log(
    [
      "part".padEnd(20),
      "p50 ms".padStart(10),
      "p95 ms".padStart(10),
      "baseline".padStart(10),
      "ratio".padStart(7),
      "RSS MB".padStart(8),
      "  note",
    ].join(""),
  );
  for (const r of run.results) {
    console.log(
      [
        r.name.padEnd(20),
        String(r.p50Ms).padStart(10),
        String(r.p95Ms).padStart(10),
        String(r.baselineMs ?? "").padStart(10),
        String(r.ratio ?? "").padStart(7),
        String(r.peakRssMb ?? "").padStart(8),
        `  ${r.note ?? ""}`,
      ].join(""),
    );
  }
}

function growth(runs: SizeRun[]): { name: string; sizes: number[]; p50Ms: number[]; growth: number | null }[] {
  const names = [...new Set(runs.flatMap((r) => r.results.map((x) => x.name)))];
  return names.map((name) => {
    const p50Ms = runs.map((r) => r.results.find((x) => x.name === name)?.p50Ms ?? NaN);
    const first = p50Ms[0];
    const last = p50Ms[p50Ms.length - 1];
    // Time growth divided by data growth: about 1 is linear, well above 1 grows faster than the data.
    const dataGrowth = runs[runs.length - 1].facilities / runs[0].facilities;
    return {
      name,
      sizes: runs.map((r) => r.facilities),
      p50Ms,
      growth: runs.length > 1 && first > 0 ? round(last / first / dataGrowth, 2) : null,
    };
  });
}

async function main() {
  const { options } = parseArgs(process.argv.slice(2));
  const facilities = Number(stringOption(options, "facilities") ?? 230_000);
  const only = stringOption(options, "only");
  // A part, or a result's name (list.asOfPastYear → list).
  const parts = new Set<Part>(only ? (only.split(",").map((p) => p.split(".")[0]) as Part[]) : PARTS);
  const runs = Number(stringOption(options, "runs") ?? 15);
  const usePglite = options.has("pglite") || !process.env.DATABASE_URL;
  const sizes = options.has("single") ? [facilities] : [Math.max(1000, Math.round(facilities / 10)), facilities];
  if (options.has("scale")) sizes.push(facilities * 10);
  const log = (line: string) => console.log(line);
  if (parts.has("page") || parts.has("export") || parts.has("api")) buildIfStale(log);
  const results: SizeRun[] = [];
  for (const size of sizes) {
    log(`\n== ${size.toLocaleString()} facilities`);
    results.push(
      await runSize(size, parts, usePglite, runs, log, { seedOnlyHistory: options.has("seed-history-only") }),
    );
    printTable(results[results.length - 1]);
  }
  const grow = growth(results);
  console.log(
    "\nGrowth (p50 at the largest size ÷ p50 at the smallest ÷ data growth; ≈1 linear, >1 faster than the data):",
  );
  for (const g of grow) console.log(`  ${g.name.padEnd(20)} ${g.p50Ms.join(" → ")} ms  growth ${g.growth ?? "-"}`);
  const main = results[results.length - 1];
  const summary = {
    facilities: main.facilities,
    events: main.events,
    driver: main.driver,
    results: main.results,
    databaseMb: main.databaseMb,
    sizes: results,
    growth: grow,
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
    at: new Date().toISOString(),
  };
  if (options.has("json")) {
    mkdirSync("bench-results", { recursive: true });
    const file = path.join("bench-results", `bench-${summary.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(summary, null, 2));
    console.log(`\nwritten ${file}`);
    console.log(JSON.stringify(summary));
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
