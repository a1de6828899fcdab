import type { PGlite, Transaction } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { getDb, type Db } from "./client";

/**
 * The one way to run work in a transaction, for a query function's few writes and for an import's bulk
 * statements and COPY alike. Inside, `tx.db` is the transaction as a drizzle database (for `queryRows` and
 * the query builder) and `tx.query` runs one `sql` statement straight on the driver, where drizzle's result
 * mapping costs more CPU than the database does on the bulk paths; db/bulk/copy.ts COPYs into `tx.target`.
 */
export interface Tx {
  readonly driver: "postgres" | "pglite";
  readonly db: Db;
  /** The statement's rows as the driver gives them (cast bigint counts to int in the SQL). */
  query<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  readonly target: CopyTarget;
}

export type CopyTarget =
  { kind: "postgres"; sql: postgres.TransactionSql } | { kind: "pglite"; tx: Transaction | PGlite };

const dialect = new PgDialect();

function txOf(db: Db): Tx {
  // drizzle keeps the driver's own transaction handle on the session it gives the callback.
  const client = (db as unknown as { session: { client: postgres.TransactionSql | Transaction } }).session.client;
  if ("unsafe" in client) {
    const target: CopyTarget = { kind: "postgres", sql: client };
    return {
      driver: "postgres",
      db,
      target,
      async query<T>(query: SQL) {
        const { sql: text, params } = dialect.sqlToQuery(query);
        return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
      },
    };
  }
  return {
    driver: "pglite",
    db,
    target: { kind: "pglite", tx: client },
    async query<T>(query: SQL) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return (await client.query<T>(text, params)).rows;
    },
  };
}

export interface TransactionOptions {
  /** The database to run on; the primary by default. */
  db?: Db;
  /** Roll back even on success: dry runs report exactly what a real run would do, then leave nothing behind. */
  rollback?: boolean;
  /** Settings for the whole transaction, e.g. `{ jit: "off" }` (see withSetting for a part of one). */
  settings?: Record<string, string>;
}

/**
 * Runs `work` in one transaction; a throw rolls everything back. On PGlite only the transaction's own
 * handle may be used inside (the outer one would deadlock).
 */
export async function withTransaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const DRY = Symbol("dry-run");
  let result: T | undefined;
  try {
    await (options.db ?? getDb()).transaction(async (dtx) => {
      const tx = txOf(dtx as unknown as Db);
      for (const [name, value] of Object.entries(options.settings ?? {})) await setLocal(tx, name, value);
      result = await work(tx);
      if (options.rollback) throw DRY;
    });
  } catch (error) {
    if (error !== DRY) throw error;
  }
  return result as T;
}

/**
 * Runs `work` with one setting (the planner's, JIT, the search path) changed, then puts back what the caller
 * had (on a throw the transaction is lost anyway). This module is the only code that changes a setting.
 */
export async function withSetting<T>(tx: Tx, name: string, value: string, work: () => Promise<T>): Promise<T> {
  const before = await setLocal(tx, name, value);
  const result = await work();
  await setLocal(tx, name, before);
  return result;
}

/** Sets a setting until the transaction ends (SET LOCAL); returns what it was. */
async function setLocal(tx: Tx, name: string, value: string): Promise<string> {
  const [{ before }] = await tx.query<{ before: string }>(
    sql`select current_setting(${name}) as before, set_config(${name}, ${value}, true)`,
  );
  return before;
}

/** An array as one parameter (`${arrayParam(codes)}::text[]`): drizzle's `sql` spreads a bare array into a list. */
export const arrayParam = (values: readonly unknown[]): SQL => sql`${sql.param(values)}`;
