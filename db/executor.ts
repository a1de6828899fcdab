import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import { getDriver } from "./client";

/**
 * Plain parameterised SQL on either driver, for the set-based bulk paths (imports) where drizzle's query
 * builder costs more CPU than the database does (stack-notes §3). Rows come back as arrays of objects on
 * both drivers; bigint counts should be cast to int in the SQL.
 */
export interface Executor {
  driver: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

function postgresExecutor(sql: postgres.Sql | postgres.TransactionSql): Executor {
  return {
    driver: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
  };
}

function pgliteExecutor(pg: PGlite | Transaction): Executor {
  return {
    driver: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pg.query<T>(text, params);
      return result.rows;
    },
  };
}

/**
 * Runs `work` in one transaction; any throw rolls everything back. `rollback: true` rolls back even on
 * success (dry runs report exactly what a real run would do, then leave nothing behind).
 */
export async function withTransaction<T>(work: (tx: Executor) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
  const driver = getDriver();
  const DRY = Symbol("dry-run");
  let result: T | undefined;
  try {
    if (driver.kind === "postgres") {
      await driver.sql.begin(async (tx) => {
        result = await work(postgresExecutor(tx));
        if (options.rollback) throw DRY;
      });
    } else {
      // Inside a PGlite transaction only `tx` may be used: the outer handle would deadlock.
      await driver.pg.transaction(async (tx) => {
        result = await work(pgliteExecutor(tx));
        if (options.rollback) throw DRY;
      });
    }
  } catch (error) {
    if (error !== DRY) throw error;
  }
  return result as T;
}
