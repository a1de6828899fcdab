import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedNationalData } from "../db/seed";
import { ensureDemoUsers } from "./demo-users";
import { setUpRuntimeRole } from "../db/roles";

/**
 * The end-to-end run: a fresh database of its own (a new PostgreSQL database beside DATABASE_URL, or a
 * temporary PGlite dir), a small deterministic national data set and the demo users, the standalone
 * production build (scripts/build-standalone.sh, as the container image makes it), then Playwright against
 * `node .next/standalone/server.js`. The database is dropped afterwards whatever happened.
 */
export const E2E_PASSWORD = "e2e-Password-1";
const FACILITIES = 4000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

async function main() {
  const baseUrl = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_SECRET: "e2e-secret-not-for-production", E2E_PASSWORD };
  let cleanup = async () => {};
  let appRole: string | null = null;
  let grantReader = async () => {};
  if (baseUrl) {
    const url = new URL(baseUrl);
    if (!["localhost", "127.0.0.1", "::1"].includes(url.hostname))
      throw new Error(`refusing to run e2e against ${url.hostname}`);
    const name = `e2e_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    url.pathname = `/${name}`;
    env.DATABASE_URL = process.env.DATABASE_URL = url.toString();
    // The server runs as a runtime role, as in production (README, "Database roles"): owner-only
    // statements in the app would fail here first.
    appRole = `${name}_app`;
    // The read replica is played by a read-only role on the same database: every page and API read the
    // suite makes must work through it, and a write sent there would fail (e2e/replica.spec.ts).
    const reader = `${name}_ro`;
    const readerPassword = randomBytes(12).toString("hex");
    await admin.unsafe(`create role "${reader}" login password '${readerPassword}'`);
    await admin.unsafe(`alter role "${reader}" set default_transaction_read_only = on`);
    const replica = new URL(url);
    replica.username = reader;
    replica.password = readerPassword;
    env.DATABASE_REPLICA_URL = replica.toString();
    grantReader = async () => {
      const owner = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      for (const statement of [
        `grant connect on database "${name}" to "${reader}"`,
        `grant usage on schema public, drizzle to "${reader}"`,
        `grant select on all tables in schema public, drizzle to "${reader}"`,
      ])
        await owner.unsafe(statement);
      await owner.end();
    };
    cleanup = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`drop role if exists "${appRole}"`);
      await admin.unsafe(`drop role if exists "${reader}"`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "claims-e2e-"));
    env.PGLITE_DIR = process.env.PGLITE_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  let status = 1;
  try {
    await runMigrations();
    await seedNationalData(getDb(), { facilities: FACILITIES, seed: 7 });
    await ensureDemoUsers(getDb(), E2E_PASSWORD);
    await closeDb();
    await grantReader();
    if (appRole && env.DATABASE_URL) {
      const owner = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await setUpRuntimeRole(owner, appRole).finally(() => owner.end());
      const asApp = new URL(env.DATABASE_URL);
      asApp.username = appRole;
      env.DATABASE_URL = asApp.toString();
    }
    if (!process.env.E2E_SKIP_BUILD && run("bash", ["scripts/build-standalone.sh"], env) !== 0)
      throw new Error("the standalone build failed");
    status = run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
  } finally {
    await closeDb();
    await cleanup();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
