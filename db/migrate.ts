import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { getDb, getDriver, queryRows, type Db } from "./client";
import { withTransaction } from "./transaction";
import { ensureAlertWindows, refreshAlertWindows } from "./queries/alert-windows";

/**
 * Applies the committed drizzle/ migrations with the driver's own migrator. The follow-up alert windows come
 * from the rules' code, not from a migration's SQL: after any migration (which may have changed the facts
 * they are worked out from), or when they were built with other rules, they are brought up to date here
 * (only the rows that differ are written). A second run does nothing.
 */
export async function runMigrations(): Promise<void> {
  const migrationsFolder = path.resolve(process.cwd(), "drizzle");
  const db = getDb();
  const before = await appliedMigrations(db);
  if (getDriver().kind === "postgres") await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
  else await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  const migrated = (await appliedMigrations(db)) !== before;
  await withTransaction(
    async (tx) => {
      if (migrated) await refreshAlertWindows(tx, null);
      else await ensureAlertWindows(tx);
    },
    { settings: { jit: "off" } },
  );
}

async function appliedMigrations(db: Db): Promise<number> {
  const [table] = await queryRows<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!table?.found) return 0;
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row.n);
}
