import { withBulkTransaction, type BulkTx } from "./bulk";

/**
 * Plain parameterised SQL on either driver, for the set-based bulk paths (imports) where drizzle's query
 * builder costs more CPU than the database does (stack-notes §3). Rows come back as arrays of objects on
 * both drivers; bigint counts should be cast to int in the SQL.
 */
export interface Executor {
  driver: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Runs `work` in one transaction; any throw rolls everything back. `rollback: true` rolls back even on
 * success (dry runs report exactly what a real run would do, then leave nothing behind). The executor can
 * also COPY (db/bulk.ts).
 */
export function withTransaction<T>(work: (tx: BulkTx) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
  return withBulkTransaction(work, options);
}
