import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "./test-db";
import { closeDb, getDb, queryRows, type Db } from "./client";
import { checkDerived } from "./check";
import { withTransaction } from "./transaction";
import { refreshAlertWindows } from "./queries/alert-windows";
import { seedNationalData } from "./seed";
import { progress } from "./queries/progress";
import type { ProgressGroupBy } from "../lib/progress/types";
import { monthlyTrend } from "./queries/trend";
import { HISTORY_START } from "../lib/progress/history";
import { NATIONAL } from "../lib/scope";

/**
 * db:check on a seeded national history: it passes as seeded, names the table when a derived figure is
 * off, and (on PostgreSQL) a pg_dump restored into a new database passes it with every progress figure
 * unchanged: the runbook in the README, done for real.
 */
let db: Db;
let close: () => Promise<void>;
const AS_OF = "2026-06-30";
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 2500, seed: 5, asOf: AS_OF });
});
afterAll(async () => close?.());

describe("db:check", () => {
  it("passes on data as the imports and the seed leave them, and writes nothing", async () => {
    const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from monthly_summary`);
    const report = await checkDerived();
    expect(report.checks.map((c) => [c.table, c.mismatched])).toEqual([
      ["facilities", 0],
      ["status_events", 0],
      ["monthly_summary", 0],
      ["alert_windows", 0],
    ]);
    expect(report.checks.every((c) => c.rows > 0)).toBe(true);
    expect(report.ok).toBe(true);
    expect(await queryRows(db, sql`select 1 from pg_namespace where nspname = 'db_check_scratch'`)).toEqual([]);
    expect(await queryRows<{ n: number }>(db, sql`select count(*)::int as n from monthly_summary`)).toEqual(before);
  });

  it("finds a summary figure, a facility's state, a backward flag or alert window the data do not give", async () => {
    await db.execute(
      sql`update monthly_summary set facilities = facilities + 1
          where (month_end, prefecture, table_type, category, state) in
            (select month_end, prefecture, table_type, category, state from monthly_summary order by 1, 2, 3, 4, 5
              limit 1)`,
    );
    const [moved] = await queryRows<{ code: string }>(
      db,
      sql`select facility_code as code from status_events group by 1 order by 1 limit 1`,
    );
    await db.execute(sql`update facilities set status_since = '2015-01-01' where code = ${moved.code}`);
    await db.execute(
      sql`update status_events set backward = not backward where id = (select min(id) from status_events)`,
    );
    const [window] = await queryRows<{ code: string }>(
      db,
      sql`delete from alert_windows where ctid = (select min(ctid) from alert_windows) returning facility_code as code`,
    );
    const report = await checkDerived();
    expect(report.ok).toBe(false);
    expect(report.checks.slice(0, 3).map((c) => [c.table, c.mismatched])).toEqual([
      ["facilities", 1],
      ["status_events", 1],
      ["monthly_summary", 2],
    ]);
    expect(report.checks[0].examples[0]).toContain(moved.code);
    expect(report.checks[3].table).toBe("alert_windows");
    expect(report.checks[3].examples.join()).toContain(`rebuilt ${window.code}`);
    // Put back, by the same code: the check passes again.
    await db.execute(
      sql`update status_events set backward = not backward where id = (select min(id) from status_events)`,
    );
    await db.execute(
      sql`update facilities
            set status_since = (select max(effective_on) from status_events where facility_code = ${moved.code})
            where code = ${moved.code}`,
    );
    await db.execute(
      sql`update monthly_summary set facilities = facilities - 1
          where (month_end, prefecture, table_type, category, state) in
            (select month_end, prefecture, table_type, category, state from monthly_summary order by 1, 2, 3, 4, 5
              limit 1)`,
    );
    await withTransaction((tx) => refreshAlertWindows(tx, [window.code, moved.code]));
    expect((await checkDerived()).ok).toBe(true);
  });
});

async function figures(on: Db) {
  const out: Record<string, unknown> = {};
  for (const asOf of ["2023-01-31", "2024-09-30", "2025-12-31", AS_OF]) {
    for (const groupBy of ["prefecture", "tableType", "category"] as ProgressGroupBy[])
      out[`${asOf}:${groupBy}`] = await progress(on, NATIONAL, { asOf, groupBy });
  }
  out.trend = await monthlyTrend(on, NATIONAL, { from: HISTORY_START, to: AS_OF });
  return out;
}

describe.skipIf(!process.env.DATABASE_URL)("backup and restore with pg_dump / pg_restore (PostgreSQL)", () => {
  it("a dump restored into a new database passes db:check with every progress figure unchanged", async () => {
    const sourceUrl = process.env.DATABASE_URL!;
    const expected = await figures(getDb());
    const dir = mkdtempSync(path.join(os.tmpdir(), "claims-dump-"));
    const restored = new URL(sourceUrl);
    restored.pathname = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
    const admin = postgres(sourceUrl, { max: 1, onnotice: () => {} });
    try {
      const dump = path.join(dir, "claims.dump");
      // As the README's runbook says: custom format, no owner or privileges (the target has its own roles).
      execFileSync("pg_dump", [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--file=${dump}`,
        `--dbname=${sourceUrl}`,
      ]);
      await admin.unsafe(`create database "${restored.pathname.slice(1)}"`);
      execFileSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${restored}`, dump]);

      await closeDb();
      process.env.DATABASE_URL = restored.toString();
      const report = await checkDerived();
      expect(report.ok).toBe(true);
      expect(await figures(getDb())).toEqual(expected);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = sourceUrl;
      db = getDb();
      await admin.unsafe(`drop database if exists "${restored.pathname.slice(1)}" with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
