import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "./test-db";
import { RuntimeRoleError, setUpRuntimeRole } from "./roles";
import { closeDb } from "./client";
import { runImport } from "./import/run";
import { NATIONAL } from "../lib/scope";
import { makeFacilityCode } from "../lib/facility-code";

/**
 * The runtime role against a real PostgreSQL (roles are the server's; PGlite has one user): what it may and may not do.
 */
const url = process.env.DATABASE_URL;
const role = `claims_app_t${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
let close: () => Promise<void> = async () => {};
let owner: postgres.Sql;
let app: postgres.Sql;

describe.skipIf(!url)("the runtime role", () => {
  beforeAll(async () => {
    ({ close } = await openTestDb());
    owner = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await setUpRuntimeRole(owner, role);
    await setUpRuntimeRole(owner, role); // a second db:migrate changes nothing
    const asApp = new URL(process.env.DATABASE_URL!);
    asApp.username = role;
    app = postgres(asApp.toString(), { max: 1, onnotice: () => {} });
  }, 60_000);
  afterAll(async () => {
    await app?.end();
    await close();
    await owner?.unsafe(`drop owned by "${role}"`).catch(() => {});
    await owner?.end();
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop role if exists "${role}"`);
    await admin.end();
  });

  it("reads and writes the data, and may add to the audit log and read it", async () => {
    await app`insert into audit_log (user_email, action) values ('role-test', 'test.insert')`;
    const [row] = await app`select count(*)::int as n from audit_log where action = 'test.insert'`;
    expect(row.n).toBe(1);
    await app`insert into sign_in_attempts (email, ip) values ('x', null)`;
    await app`delete from sign_in_attempts where email = 'x'`;
  });

  it("cannot update, delete, truncate, alter, or switch off the audit log's triggers", async () => {
    await expect(app`update audit_log set action = 'changed'`).rejects.toThrow(/permission denied/);
    await expect(app`delete from audit_log`).rejects.toThrow(/permission denied/);
    await expect(app`truncate audit_log`).rejects.toThrow(/permission denied/);
    await expect(app`alter table audit_log disable trigger audit_log_no_update_or_delete`).rejects.toThrow(
      /must be owner/,
    );
    await expect(app`alter table audit_log disable trigger all`).rejects.toThrow(/must be owner/);
    await expect(app`alter table audit_log add column x int`).rejects.toThrow(/must be owner/);
    await expect(app`drop trigger audit_log_no_truncate on audit_log`).rejects.toThrow(/must be owner/);
    await expect(app`set session_replication_role = replica`).rejects.toThrow(/permission denied/);
    await expect(app`drop function audit_log_refuse_change() cascade`).rejects.toThrow(/must be owner/);
    const [row] = await owner`select count(*)::int as n from audit_log where action = 'changed'`;
    expect(row.n).toBe(0);
  });

  it("runs a first list into the empty table, then its events (keys and indexes it does not own stay)", async () => {
    const ownerUrl = process.env.DATABASE_URL!;
    const asApp = new URL(ownerUrl);
    asApp.username = role;
    await closeDb();
    process.env.DATABASE_URL = asApp.toString();
    try {
      const code = makeFacilityCode("13", "1", 7, 1);
      const summary = await runImport({
        kind: "facilities",
        fileName: "first.csv",
        actor: { id: null, email: "role-test", scope: NATIONAL },
        dryRun: false,
        source: (async function* () {
          yield new TextEncoder().encode(`医療機関コード,名称\n${code},役割テスト医院\n`);
        })(),
      });
      expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
      // The next write builds the alert windows the list left aside, the table's indexes kept in place.
      const events = await runImport({
        kind: "events",
        fileName: "events.csv",
        actor: { id: null, email: "role-test", scope: NATIONAL },
        dryRun: false,
        source: (async function* () {
          yield new TextEncoder().encode(`医療機関コード,状態,日付\n${code},applied,2024-10-01\n`);
        })(),
      });
      expect(events).toMatchObject({ inserted: 1, rejected: 0 });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = ownerUrl;
    }
    const [fk] = await owner`select count(*)::int as n from pg_constraint
        where conrelid = 'facilities'::regclass and contype = 'f'`;
    expect(fk.n).toBeGreaterThan(0);
    const [windows] = await owner`select count(*)::int as n from alert_windows`;
    expect(windows.n).toBeGreaterThan(0);
    const [indexes] = await owner`select count(*)::int as n from pg_indexes where tablename = 'alert_windows'`;
    expect(indexes.n).toBe(2);
  });

  it("refuses a superuser or the owner as the runtime role", async () => {
    await expect(setUpRuntimeRole(owner, "postgres")).rejects.toThrow(RuntimeRoleError);
    await expect(setUpRuntimeRole(owner, "bad-name; drop table users")).rejects.toThrow(RuntimeRoleError);
  });
});
