import postgres from "postgres";
import { closeDb, getDb, type Db } from "./client";
import { runMigrations } from "./migrate";

/**
 * For integration tests: a fresh, migrated database of the test file's own. On PostgreSQL (DATABASE_URL set)
 * a new database is created beside the given one and dropped afterwards; otherwise an in-memory PGlite.
 */
export async function openTestDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    process.env.PGLITE_DIR = "memory://";
    await runMigrations();
    return { db: getDb(), close: closeDb };
  }
  const url = new URL(baseUrl);
  if (!["localhost", "127.0.0.1", "::1"].includes(url.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${url.hostname})`);
  }
  const name = `${url.pathname.slice(1) || "postgres"}_t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const testUrl = new URL(baseUrl);
  testUrl.pathname = `/${name}`;
  process.env.DATABASE_URL = testUrl.toString();
  await runMigrations();
  return {
    db: getDb(),
    close: async () => {
      await closeDb();
      process.env.DATABASE_URL = baseUrl;
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
