import "server-only";
import { cookies } from "next/headers";
import { getDb, getReadDb, type Db } from "@/db/client";

/**
 * Read-your-writes with a read replica (DATABASE_REPLICA_URL): after an import or an edit, the user's
 * browser carries this short-lived cookie, and while it does their reads go to the primary, so the page
 * they land on shows what they just wrote even when the replica is a moment behind.
 */
export const READ_PRIMARY_COOKIE = "read_primary";
const READ_PRIMARY_SECONDS = 120;

export const readPrimaryCookie = {
  name: READ_PRIMARY_COOKIE,
  value: "1",
  maxAge: READ_PRIMARY_SECONDS,
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
};

/** The database for the dashboard, lists and exports: the replica, or the primary right after a write. */
export async function readDb(): Promise<Db> {
  return (await cookies()).has(READ_PRIMARY_COOKIE) ? getDb() : getReadDb();
}

/** For server actions that write: the caller's next reads go to the primary for a while. */
export async function afterWrite(): Promise<void> {
  (await cookies()).set(readPrimaryCookie);
}
