import ExcelJS from "exceljs";
import { timedWithMemory, type BenchServer } from "./server";
import { percentile, round, type BenchResult } from "./measure";

/**
 * The national list as a prefectural office keeps it in Excel: a title row above the header, codes typed
 * as numbers (those of prefectures 01–09 have lost their leading zero), closing dates as date cells.
 * Written with exceljs's streaming writer, strings inline (Excel would use a shared-string table; exceljs
 * holding 460,000 of them makes the file take far longer to write, and reading either is the same work).
 */
export async function writeNationalWorkbook(file: string, header: string[], rows: unknown[][]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet("医療機関一覧");
  sheet.getColumn(12).numFmt = "yyyy/m/d";
  sheet.addRow(["令和6年度 医療機関一覧（ベンチマーク）"]).commit();
  sheet.addRow(header).commit();
  for (const row of rows) {
    const closed = row[11];
    sheet
      .addRow([
        Number(row[0]),
        ...row.slice(1, 9),
        row[9] === null ? null : Number(row[9]),
        row[10],
        typeof closed === "string" ? new Date(`${closed}T00:00:00Z`) : null,
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

/**
 * `export.facilities.xlsx`: the national list downloaded as a workbook from the running server, each run
 * followed by a CSV download (the baseline: both sample the same spells of this shared machine), with the
 * server's memory growth over its idle size.
 */
export async function benchXlsxExport(server: BenchServer, runs: number): Promise<BenchResult> {
  const download = async (path: string) => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: server.cookie } });
    if (!res.ok || !res.body) throw new Error(`${path} answered ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return bytes;
  };
  await download("/api/v1/export/facilities.csv?prefecture=13&format=xlsx"); // warm the route
  const times: number[] = [];
  const csvTimes: number[] = [];
  const timed = async (path: string, into: number[]) => {
    const started = performance.now();
    const bytes = await download(path);
    into.push(performance.now() - started);
    return bytes;
  };
  const { idle, peak, last } = await timedWithMemory(server, runs, async () => {
    const bytes = await timed("/api/v1/export/facilities.csv?format=xlsx", times);
    await timed("/api/v1/export/facilities.csv", csvTimes);
    return bytes;
  });
  times.sort((a, b) => a - b);
  const bytes = last ?? 0;
  const csvP50 = Math.round(
    percentile(
      csvTimes.sort((a, b) => a - b),
      50,
    ),
  );
  const p = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
  return {
    name: "export.facilities.xlsx",
    p50Ms: p(0.5),
    p95Ms: p(0.95),
    baselineMs: csvP50,
    ratio: round(p(0.5) / csvP50, 2),
    rows: null,
    peakRssMb: peak,
    note:
      `workbook ${round(bytes / 1024 / 1024)} MB; baseline: a CSV download after each run; server RSS ${idle} MB ` +
      `idle → ${peak} MB peak (growth ${peak - idle} MB), ${runs} runs`,
  };
}
