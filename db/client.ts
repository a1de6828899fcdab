import { mkdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import net from "node:net";
import postgres from "postgres";
import * as schema from "./schema";
import { readConfig, type Config } from "../lib/config";

/**
 * The one place that picks the driver: PostgreSQL through postgres-js when DATABASE_URL is set, else the
 * embedded PGlite in PGLITE_DIR (default ./.data/pglite), with the settings lib/config.ts has checked.
 * Only one process may open a PGlite directory, so scripts run while the server is stopped. One instance per process,
 * cached on globalThis. (Not marked server-only: the scripts and tests import it too; nothing in components/ may.)
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = { kind: "postgres"; sql: postgres.Sql } | { kind: "pglite"; pg: PGlite };

interface Handle {
  db: Db;
  driver: Driver;
}

const cache = globalThis as unknown as { __claimsDb?: Handle; __claimsReplica?: Handle };

export function pgliteDir(): string {
  return readConfig().PGLITE_DIR;
}

export function driverName(): "postgres" | "pglite" {
  return readConfig().DATABASE_URL ? "postgres" : "pglite";
}

/**
 * The connections' sockets, with Nagle's algorithm off. postgres-js leaves it on, and then a small message
 * written after a large one (COPY's CopyDone after its data, a Sync after a bind) waits for the server's
 * delayed ACK, on every COPY. A socket of our own makes postgres-js skip its own connecting,
 * so this does what it would have done: each host of a multi-host URL in turn (starting after the one
 * used last, as postgres-js rotates), a connect timeout per host, and the host name on the socket, which
 * postgres-js sends as the TLS server name (SNI) when it negotiates TLS on it.
 */
function socketConnector(): (options: ConnectOptions) => Promise<net.Socket> {
  let next = 0;
  return (options) =>
    new Promise((resolve, reject) => {
      if (options.path) {
        const socket = net.connect({ path: options.path });
        socket.once("connect", () => resolve(socket));
        socket.once("error", reject);
        return;
      }
      const count = options.host.length;
      const failures: string[] = [];
      const attempt = (tried: number) => {
        if (tried === count) {
          reject(new Error(`could not connect to the database: ${failures.join("; ")}`));
          return;
        }
        const i = next;
        next = (next + 1) % count;
        const host = options.host[i];
        const port = options.port[i] ?? options.port[0];
        const socket = net.connect({ host, port, noDelay: true });
        Object.assign(socket, { host, port });
        const timeoutMs = (options.connect_timeout || 30) * 1000;
        const timer = setTimeout(() => socket.destroy(new Error(`connect timeout after ${timeoutMs} ms`)), timeoutMs);
        socket.once("connect", () => {
          clearTimeout(timer);
          socket.removeAllListeners("error");
          resolve(socket);
        });
        socket.once("error", (error) => {
          clearTimeout(timer);
          socket.destroy();
          failures.push(`${host}:${port} ${error.message}`);
          attempt(tried + 1);
        });
      };
      attempt(0);
    });
}

interface ConnectOptions {
  host: string[];
  port: number[];
  path?: string | false;
  connect_timeout?: number;
}

/** postgres-js's `ssl` for DB_SSL_MODE (else the URL's own sslmode stands); verify-full may name a CA file. */
function sslOption(config: Config, url: string): postgres.Options<Record<string, never>>["ssl"] | undefined {
  const mode = config.DB_SSL_MODE ?? /[?&]sslmode=([^&#]*)/.exec(url)?.[1];
  if (mode === "verify-full" && config.DB_SSL_CA_FILE)
    return { ca: readFileSync(config.DB_SSL_CA_FILE), rejectUnauthorized: true };
  if (!config.DB_SSL_MODE) return undefined;
  return config.DB_SSL_MODE === "disable" ? false : config.DB_SSL_MODE;
}

/** A postgres-js pool as every connection of this app is made: timeouts, TLS, dates as text. */
export function postgresClient(
  url: string,
  config: Config = readConfig(),
  overrides: postgres.Options<Record<string, never>> = {},
): postgres.Sql {
  const ssl = sslOption(config, url);
  return postgres(url, {
    max: config.DB_POOL_MAX,
    connect_timeout: config.DB_CONNECT_TIMEOUT_S,
    onnotice: () => {},
    ...(ssl === undefined ? {} : { ssl }),
    // Sent in the start-up message, so it holds on every connection of the pool from its first statement.
    connection: { application_name: "claims-tracker", statement_timeout: config.DB_STATEMENT_TIMEOUT_MS },
    // Dates stay as 'YYYY-MM-DD' text: they are calendar days, not instants.
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
    // Supported by postgres-js (options.socket) but missing from its type definitions.
    ...({ socket: socketConnector() } as object),
    ...overrides,
  } as postgres.Options<Record<string, never>>);
}

function open(url: string | undefined, config: Config): Handle {
  if (url) {
    const client = postgresClient(url, config);
    return { db: drizzlePostgres(client, { schema }) as unknown as Db, driver: { kind: "postgres", sql: client } };
  }
  const dir = config.PGLITE_DIR;
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const pg = new PGlite(dir, { parsers: { 1082: (v: string) => v } });
  // One session: the setting holds for every statement after it (PGlite runs them one at a time, in order).
  pg.exec(`set statement_timeout = ${config.DB_STATEMENT_TIMEOUT_MS}`).catch((error) =>
    console.error("PGlite: statement_timeout not set", error),
  );
  return { db: drizzlePglite(pg, { schema }) as unknown as Db, driver: { kind: "pglite", pg } };
}

function handle(): Handle {
  if (!cache.__claimsDb) {
    const config = readConfig();
    cache.__claimsDb = open(config.DATABASE_URL, config);
  }
  return cache.__claimsDb;
}

/**
 * The database for reads that may lag a little: dashboard, lists and exports. DATABASE_REPLICA_URL when
 * set (a streaming replica, or a read-only role), else the primary. Writes, and reads that must see a
 * write just made (right after an import), use getDb().
 */
export function getReadDb(): Db {
  const config = readConfig();
  if (!config.DATABASE_URL || !config.DATABASE_REPLICA_URL) return getDb();
  if (!cache.__claimsReplica) cache.__claimsReplica = open(config.DATABASE_REPLICA_URL, config);
  return cache.__claimsReplica.db;
}

export function getDb(): Db {
  return handle().db;
}

export function getDriver(): Driver {
  return handle().driver;
}

export async function closeDb(): Promise<void> {
  const replica = cache.__claimsReplica;
  cache.__claimsReplica = undefined;
  if (replica?.driver.kind === "postgres") await replica.driver.sql.end({ timeout: 5 });
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
