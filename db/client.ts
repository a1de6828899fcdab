import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import net from "node:net";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * The one place that picks the driver: PostgreSQL through postgres-js when DATABASE_URL is set, else the
 * embedded PGlite in PGLITE_DIR (default ./.data/). Only one process may open a PGlite directory, so
 * scripts run while the server is stopped. One instance per process, cached on globalThis.
 * (Not marked server-only: the scripts and tests import it too; nothing in components/ may.)
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = { kind: "postgres"; sql: postgres.Sql } | { kind: "pglite"; pg: PGlite };

interface Handle {
  db: Db;
  driver: Driver;
}

const cache = globalThis as unknown as { __claimsDb?: Handle };

export function pgliteDir(): string {
  return process.env.PGLITE_DIR || "./.data/pglite";
}

export function driverName(): "postgres" | "pglite" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/**
 * The connection's socket with Nagle's algorithm off. postgres-js leaves it on, and then a small message
 * written after a large one (COPY's CopyDone after its data, a Sync after a bind) waits for the server's
 * delayed ACK: about 40 ms a COPY, measured. With a socket of our own, postgres-js still negotiates TLS on it.
 */
function connectWithoutDelay(options: { host: string[]; port: number[]; path?: string | false }): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.path ? net.connect({ path: options.path }) : net.connect({ host: options.host[0], port: options.port[0] });
    socket.setNoDelay(true);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: Number(process.env.DB_POOL_MAX || 10),
      onnotice: () => {},
      // Dates stay as 'YYYY-MM-DD' text: they are calendar days, not instants.
      types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
      // Supported by postgres-js (options.socket) but missing from its type definitions.
      ...({ socket: connectWithoutDelay } as object),
    });
    return { db: drizzlePostgres(client, { schema }) as unknown as Db, driver: { kind: "postgres", sql: client } };
  }
  if (!pgliteDir().startsWith("memory://")) mkdirSync(pgliteDir(), { recursive: true });
  const pg = new PGlite(pgliteDir(), { parsers: { 1082: (v: string) => v } });
  return { db: drizzlePglite(pg, { schema }) as unknown as Db, driver: { kind: "pglite", pg } };
}

function handle(): Handle {
  if (!cache.__claimsDb) cache.__claimsDb = open();
  return cache.__claimsDb;
}

export function getDb(): Db {
  return handle().db;
}

export function getDriver(): Driver {
  return handle().driver;
}

export async function closeDb(): Promise<void> {
  const h = cache.__claimsDb;
  cache.__claimsDb = undefined;
  if (!h) return;
  if (h.driver.kind === "postgres") await h.driver.sql.end({ timeout: 5 });
  else await h.driver.pg.close();
}

/** Runs raw SQL and returns its rows the same way on both drivers (postgres-js gives an array, PGlite { rows }). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows: T[] }).rows ?? []) as T[];
}
