import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import journal from "../../drizzle/meta/_journal.json";

/** The newest migration this build carries: drizzle records its `when` as created_at once it is applied. */
export const LATEST_MIGRATION_AT = Math.max(...journal.entries.map((e) => e.when));

/**
 * Whether the database answers and has this build's latest migration. False (not an error) when the
 * migrations table is missing: a database nobody has migrated yet is simply not ready.
 */
export async function schemaIsCurrent(db: Db): Promise<boolean> {
  const [found] = await queryRows<{ table: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as "table"`,
  );
  if (!found?.table) return false;
  const [row] = await queryRows<{ latest: string | number | null }>(
    db,
    sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  return row?.latest != null && Number(row.latest) >= LATEST_MIGRATION_AT;
}
