import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import postgres from "postgres";
import { closeDb, getDb, queryRows } from "../../db/client";
import { csvLine as copyCsvLine } from "../../db/bulk/encode";
import { withForeignKeysCheckedAfter } from "../../db/bulk/rebuild";
import { withSetting, withTransaction } from "../../db/transaction";
import { refreshMonthlySummary, type SummaryGroup } from "../../db/queries/monthly-summary";
import { todayIso } from "../../lib/dates";
import { csvLine } from "../../lib/csv";
import { round, type BenchResult } from "./measure";
import { percentile } from "./measure";
import { writeNationalWorkbook } from "./xlsx";

const HEADER = [
  "医療機関コード",
  "医療機関名称",
  "都道府県",
  "点数表",
  "区分",
  "所在地",
  "郵便番号",
  "電話番号",
  "請求方法",
  "月間レセプト件数",
  "オンライン資格確認端末共用",
  "廃止日",
];

/**
 * The seeded facility list written out as people receive it: Shift_JIS, CRLF, Japanese headers; and, when
 * `workbook` is given, the same list as an .xlsx there.
 */
export async function writeNationalList(file: string, workbook?: string): Promise<number> {
  const rows = await queryRows<Record<string, string | number | boolean | null>>(
    getDb(),
    sql`select code, name, prefecture,
               case table_type when 'medical' then '医科' when 'dental' then '歯科' else '調剤' end as t,
               case category when 'hospital' then '病院' when 'clinic' then '診療所' else '薬局' end as c,
               address, postal_code, phone,
               case claim_method when 'online' then 'オンライン' when 'optical_disk' then '光ディスク'
                 when 'paper' then '紙' end as m,
               monthly_claims, case when shares_oqv_terminal then '有' else '無' end as s, closed_on::text as closed
        from facilities order by code`,
  );
  const cells = rows.map((r) => [
    r.code,
    r.name,
    r.prefecture,
    r.t,
    r.c,
    r.address,
    r.postal_code,
    r.phone,
    r.m,
    r.monthly_claims,
    r.s,
    r.closed,
  ]);
  const text = [HEADER, ...cells].map(csvLine).join("");
  writeFileSync(file, iconv.encode(text, "cp932"));
  if (workbook) await writeNationalWorkbook(workbook, HEADER, cells);
  return rows.length;
}

/**
 * An empty database as a first list finds it (no facilities, history or summary), with the seeding's
 * writes already on disk: each run, the import's and COPY's alike, starts from a checkpoint, so that none
 * pays for writing back what came before it.
 */
async function emptyAndSettle(db: ReturnType<typeof getDb>, driver: "postgres" | "pglite"): Promise<void> {
  await db.execute(
    sql`truncate facilities, status_events, filings, monthly_summary, summary_state, alert_windows cascade`,
  );
  if (driver === "postgres") await db.execute(sql`checkpoint`);
}

/**
 * `import.facilities`: the national list imported into an empty facility table, each run in a fresh
 * process (time and peak RSS are the import's own), beside PostgreSQL's COPY of the same file into a bare
 * table of text columns. Runs last: it empties the facility table (and with it the seeded history).
 */
export async function benchImport(
  env: NodeJS.ProcessEnv,
  driver: "postgres" | "pglite",
  runs: number,
  log: (s: string) => void,
): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const file = path.join(dir, "national_sjis.csv");
  try {
    const workbook = path.join(dir, "national.xlsx");
    const count = await writeNationalList(file, workbook);
    const mb = round(statSync(file).size / 1024 / 1024);
    const workbookMb = round(statSync(workbook).size / 1024 / 1024);
    log(`  import: ${count.toLocaleString()} rows, ${mb} MB Shift_JIS, ${workbookMb} MB .xlsx`);
    const times: number[] = [];
    const copyTimes: number[] = [];
    let peak = 0;
    let last: { rows: number; inserted: number; rejected: number } | null = null;
    // Each import run is followed by a run of the COPY baseline, so that both figures sample the same
    // spells of this shared machine (its speed drifts by 20–40% over minutes).
    for (let i = 0; i < runs; i++) {
      const result = await importOnce(env, driver, file, count);
      times.push(result.ms);
      peak = Math.max(peak, result.maxRssMb);
      last = result;
      const copyMs = driver === "postgres" ? await copyBaselineOnce(env.DATABASE_URL!, file) : null;
      if (copyMs !== null) copyTimes.push(copyMs);
      log(
        `    run ${i + 1}: ${round(result.ms / 1000, 2)} s, peak RSS ${result.maxRssMb} MB` +
          `${copyMs === null ? "" : `; COPY ${round(copyMs)} ms`}`,
      );
    }
    times.sort((a, b) => a - b);
    copyTimes.sort((a, b) => a - b);
    const baseline = copyTimes.length > 0 ? round(percentile(copyTimes, 50)) : null;
    // The same list as a workbook, each run beside a run of the CSV import (the baseline), for the same reason.
    const xlsxTimes: number[] = [];
    const csvBeside: number[] = [];
    let xlsxPeak = 0;
    for (let i = 0; i < runs; i++) {
      const xlsxRun = await importOnce(env, driver, workbook, count);
      const csvRun = await importOnce(env, driver, file, count);
      xlsxTimes.push(xlsxRun.ms);
      csvBeside.push(csvRun.ms);
      xlsxPeak = Math.max(xlsxPeak, xlsxRun.maxRssMb);
      log(
        `    xlsx run ${i + 1}: ${round(xlsxRun.ms / 1000, 2)} s, peak RSS ${xlsxRun.maxRssMb} MB; ` +
          `CSV ${round(csvRun.ms / 1000, 2)} s`,
      );
    }
    xlsxTimes.sort((a, b) => a - b);
    csvBeside.sort((a, b) => a - b);
    const floor =
      driver === "postgres" ? await serverFloor(env.DATABASE_URL!, path.join(dir, "written.csv"), runs) : null;
    const p50 = round(percentile(times, 50));
    return [
      {
        name: "import.facilities",
        p50Ms: p50,
        p95Ms: round(percentile(times, 95)),
        baselineMs: baseline,
        ratio: baseline ? round(p50 / baseline, 2) : null,
        rows: last?.rows ?? count,
        peakRssMb: peak,
        note:
          `${mb} MB Shift_JIS into an empty table; ${round(count / (p50 / 1000), 0).toLocaleString()} rows/s` +
          `${baseline ? `; COPY ${round(count / (baseline / 1000), 0).toLocaleString()} rows/s` : ""}`,
      },
      {
        name: "import.facilities.xlsx",
        p50Ms: round(percentile(xlsxTimes, 50)),
        p95Ms: round(percentile(xlsxTimes, 95)),
        baselineMs: round(percentile(csvBeside, 50)),
        ratio: round(percentile(xlsxTimes, 50) / percentile(csvBeside, 50), 2),
        rows: count,
        peakRssMb: xlsxPeak,
        note:
          `${workbookMb} MB .xlsx (title row, codes as numbers, date cells) into an empty table; baseline: the ` +
          `CSV import run beside each run`,
      },
      ...(floor && baseline
        ? [
            {
              name: "import.server-floor",
              p50Ms: floor.p50Ms,
              p95Ms: floor.p95Ms,
              baselineMs: baseline,
              ratio: round(floor.p50Ms / baseline, 2),
              rows: count,
              peakRssMb: null,
              note: `the database's own share of that import, nothing read or checked: ${floor.parts}`,
            },
          ]
        : []),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One import of `file` into the emptied table, in a process of its own: its time and peak memory. */
async function importOnce(
  env: NodeJS.ProcessEnv,
  driver: "postgres" | "pglite",
  file: string,
  count: number,
): Promise<{ ms: number; rows: number; inserted: number; rejected: number; maxRssMb: number }> {
  await emptyAndSettle(getDb(), driver);
  await closeDb(); // the child opens the database (PGlite allows one process)
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "import-child.ts"), file],
    { env, encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`import run failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as {
    ms: number;
    rows: number;
    inserted: number;
    rejected: number;
    maxRssMb: number;
  };
  if (result.inserted !== count)
    throw new Error(`import of ${path.basename(file)} inserted ${result.inserted} of ${count} rows`);
  return result;
}

/**
 * One run of PostgreSQL's own COPY of the same file (it converts from SJIS itself) into a bare table of
 * text columns: the practical limit. The table is made the first time and emptied (then a checkpoint) each
 * time; it goes with the benchmark's database.
 */
async function copyBaselineOnce(url: string, file: string): Promise<number> {
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await pg.unsafe(
      `create table if not exists bench_bare_facilities (${HEADER.map((_, i) => `c${i} text`).join(", ")})`,
    );
    await pg.unsafe("truncate bench_bare_facilities");
    await pg.unsafe("checkpoint");
    const started = performance.now();
    const target = await pg
      .unsafe("copy bench_bare_facilities from stdin with (format csv, header true, encoding 'SJIS')")
      .writable();
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), target);
    return performance.now() - started;
  } finally {
    await pg.end();
  }
}

/**
 * The least any import of this list into these tables costs the database here, whatever the client does:
 * the rows exactly as the import wrote them, in the facility table's own columns, COPYed from a file into
 * the emptied table with its indexes kept up, the same foreign-key check and the same summary refresh, in
 * one transaction rolled back each run (the table emptied before each, so no run reads another's dead rows).
 * Set beside the bare COPY, it shows how much of the ratio is the database's work on the real table (a
 * primary key and four secondary indexes, a foreign key, the monthly summary).
 */
async function serverFloor(
  url: string,
  file: string,
  runs: number,
): Promise<{ p50Ms: number; p95Ms: number; parts: string }> {
  const columns =
    "code, prefecture, table_type, category, name, address, postal_code, phone, claim_method, " +
    "monthly_claims, shares_oqv_terminal, closed_on, initial_state, status, import_batch_id";
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Read as text and written as COPY's CSV (postgres-js's COPY TO stream can leave the client unable to end).
    const rows = await pg.unsafe<Record<string, string | null>[]>(
      `select ${columns
        .split(", ")
        .map((c) => `${c}::text`)
        .join(", ")} from facilities`,
    );
    writeFileSync(file, rows.map((r) => copyCsvLine(Object.values(r))).join(""));
  } finally {
    await pg.end();
  }
  const times: number[] = [];
  const split = { copy: [] as number[], foreignKey: [] as number[], summary: [] as number[] };
  for (let i = 0; i < runs; i++) {
    // Emptied before the transaction, as the import finds the table (emptied inside it, the COPY could skip
    // the write-ahead log under wal_level=minimal, which the import never can).
    await emptyAndSettle(getDb(), "postgres");
    await withTransaction(
      (tx) =>
        withSetting(tx, "jit", "off", async () => {
          if (tx.target.kind !== "postgres") throw new Error("the floor is measured on PostgreSQL");
          const copySql = tx.target.sql;
          const started = performance.now();
          let copied = started;
          await withForeignKeysCheckedAfter(tx, ["facilities"], async () => {
            await pipeline(
              createReadStream(file, { highWaterMark: 256 * 1024 }),
              await copySql.unsafe(`copy facilities (${columns}) from stdin with (format csv)`).writable(),
            );
            copied = performance.now();
          });
          const checked = performance.now();
          const slices = await tx.query<SummaryGroup>(
            sql`select distinct prefecture, table_type as "tableType" from facilities`,
          );
          await refreshMonthlySummary(tx, todayIso(), slices);
          const done = performance.now();
          times.push(done - started);
          split.copy.push(copied - started);
          split.foreignKey.push(checked - copied);
          split.summary.push(done - checked);
        }),
      { rollback: true },
    );
  }
  await closeDb();
  const p50 = (xs: number[]) =>
    round(
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      ),
      0,
    );
  times.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    parts:
      `COPY into the table with its indexes ${p50(split.copy)} ms, foreign key ${p50(split.foreignKey)} ms, ` +
      `summary ${p50(split.summary)} ms`,
  };
}
