import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/test-db";
import { queryRows, type Db } from "../db/client";

/**
 * `npm run import` from the command line leaves the same audit
 * entries as an upload (PostgreSQL only: a second process).
 */
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()), 60_000);
afterAll(async () => close?.());

const cli = (args: string[]) =>
  spawnSync("npx", ["tsx", "scripts/import.ts", ...args], {
    env: { ...process.env, USER: "operator1" },
    encoding: "utf8",
    timeout: 60_000,
  });

describe.skipIf(!process.env.DATABASE_URL)("the import command", () => {
  it("is audited: the run with its counts, and a refused file with its reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-audit-"));
    const good = path.join(dir, "list.csv");
    writeFileSync(good, "医療機関コード,名称\nX1,名前\n");
    const empty = path.join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect(cli(["facilities", good, "--dry-run"]).status).toBe(0);
    expect(cli(["facilities", empty]).status).toBe(2);
    const rows = await queryRows<{
      user_email: string;
      action: string;
      target: string;
      details: { via: string; rejected?: number; reason?: string };
    }>(db, sql`select user_email, action, target, details from audit_log where action like 'import%' order by id`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: "import.preview",
      target: "facilities:list.csv",
      details: { via: "cli", rejected: 1 },
    });
    expect(rows[0].user_email).toMatch(/^cli:operator1@/);
    expect(rows[1]).toMatchObject({
      action: "import.failed",
      target: "facilities:empty.csv",
      details: { via: "cli", reason: "empty" },
    });
  }, 120_000);
});
