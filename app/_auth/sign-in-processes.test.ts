import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { openTestDb } from "@/db/test-db";
import { unsafeUpsertUser } from "@/db/queries/users";

/**
 * The sign-in limit holds across app instances: separate Node processes, each with its own connection
 * pool, share one PostgreSQL database and run the server's sign-in code. (PGlite cannot be shared by two
 * processes, so this needs PostgreSQL: DATABASE_URL, or the local server at 127.0.0.1:5432.)
 */
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(import.meta.dirname, "__fixtures__", "sign-in-worker.ts");
const BASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "Shared-secret-2468";

async function postgresReachable(): Promise<boolean> {
  const probe = postgres(BASE_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

const reachable = await postgresReachable();
let db: Db;
let close: () => Promise<void>;
let url: string;

interface WorkerResult {
  pid: number;
  ok: number;
  invalid: number;
  rateLimited: number;
  order: string[];
}

async function instance(
  email: string,
  password: string,
  attempts: number,
  mode: "concurrent" | "sequential",
): Promise<WorkerResult> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [WORKER, email, password, String(attempts), mode],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PGLITE_DIR: "",
        SIGNIN_MAX_FAILURES_PER_ACCOUNT: "5",
        SIGNIN_MAX_FAILURES_PER_ADDRESS: "1000",
        DB_POOL_MAX: "10",
      },
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe.skipIf(!reachable)("sign-in limit across two app processes sharing one PostgreSQL database", () => {
  beforeAll(async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = BASE_URL;
    ({ db, close } = await openTestDb());
    url = process.env.DATABASE_URL!;
    if (saved === undefined) delete process.env.DATABASE_URL;
    for (const email of ["relay@example.jp", "burst@example.jp"])
      await unsafeUpsertUser(db, { email, role: "viewer", prefectures: ["13"], password: PASSWORD });
  }, 60_000);
  afterAll(async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = BASE_URL;
    await close?.();
    if (saved === undefined) delete process.env.DATABASE_URL;
  });

  it(
    "failures in one process count in the other: " + "three here and three there close the account at the sixth",
    async () => {
      const first = await instance("relay@example.jp", "wrong-password-1", 3, "sequential");
      const second = await instance("relay@example.jp", "wrong-password-2", 3, "sequential");
      expect(first.pid).not.toBe(second.pid);
      expect(first.order).toEqual(["invalid", "invalid", "invalid"]);
      expect(second.order).toEqual(["invalid", "invalid", "rate_limited"]);
      // And the right password, from either process, is refused while the window lasts.
      expect((await instance("relay@example.jp", PASSWORD, 1, "sequential")).order).toEqual(["rate_limited"]);
    },
    60_000,
  );

  it("two processes firing ten guesses each at once get no more than five checked between them", async () => {
    const [a, b] = await Promise.all([
      instance("burst@example.jp", "guess-password-a", 10, "concurrent"),
      instance("burst@example.jp", "guess-password-b", 10, "concurrent"),
    ]);
    const checked = a.invalid + b.invalid;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + a.rateLimited + b.rateLimited).toBe(20);
    const [log] = await queryRows<{ failed: number; limited: number }>(
      db,
      sql`select count(*) filter (where action = 'sign_in.failed')::int as failed,
            count(*) filter (where action = 'sign_in.rate_limited')::int as limited
          from audit_log where user_email = 'burst@example.jp'`,
    );
    // Refusals beyond the limit are counted, not logged one row each: one entry opens the episode.
    expect(log).toEqual({ failed: checked, limited: 1 });
    const [counter] = await queryRows<{ refused: number }>(
      db,
      sql`select refused from sign_in_refusals where key = 'account:burst@example.jp'`,
    );
    expect(counter.refused).toBe(20 - checked);
    // A limit kept in each process's memory would have let up to ten through; the account is closed now.
    expect((await instance("burst@example.jp", PASSWORD, 1, "sequential")).order).toEqual(
      checked === 5 ? ["rate_limited"] : ["ok"],
    );
  }, 60_000);
});
