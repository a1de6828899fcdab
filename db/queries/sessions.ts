import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";

/**
 * Ends every session of a user on the server: the session version goes up, and each request compares its
 * cookie's version with the database's (app/_auth/session.ts), so a copied cookie stops working at once.
 * With `onlyFromVersion`, only a session still current may end them (a cookie already ended changes nothing).
 * Returns whether the version went up.
 */
export async function endUserSessions(db: Db, userId: number, onlyFromVersion?: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update users set session_version = session_version + 1, updated_at = now()
        where id = ${userId} ${onlyFromVersion === undefined ? sql`` : sql`and session_version = ${onlyFromVersion}`}
        returning id`,
  );
  return rows.length > 0;
}
