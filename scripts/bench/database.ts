import { mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb } from "../../db/client";

/** A fresh database for one benchmark size: a new PostgreSQL database beside DATABASE_URL, or a temp PGlite dir. */
export interface BenchDatabase {
  driver: "postgres" | "pglite";
  env: NodeJS.ProcessEnv;
  sizeMb: () => Promise<number>;
  drop: () => Promise<void>;
}

function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else bytes += statSync(full).size;
    }
  };
  walk(dir);
  return Math.round(bytes / 1024 / 1024);
}

export async function freshDatabase(label: string, usePglite: boolean): Promise<BenchDatabase> {
  const baseUrl = process.env.BENCH_BASE_URL ?? process.env.DATABASE_URL;
  if (baseUrl && !usePglite) {
    const name = `bench_${label}_${process.pid}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    process.env.BENCH_BASE_URL = baseUrl;
    process.env.DATABASE_URL = url.toString();
    delete process.env.PGLITE_DIR;
    return {
      driver: "postgres",
      env: { ...process.env },
      sizeMb: async () => {
        const [row] = await admin.unsafe(`select pg_database_size('${name}')::float8 as b`);
        return Math.round(Number(row.b) / 1024 / 1024);
      },
      drop: async () => {
        await closeDb();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${label}-`));
  if (baseUrl) process.env.BENCH_BASE_URL = baseUrl;
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  return {
    driver: "pglite",
    env: { ...process.env },
    sizeMb: async () => dirSizeMb(dir),
    drop: async () => {
      await closeDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
