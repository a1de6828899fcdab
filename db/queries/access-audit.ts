import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import type { Actor } from "./audit-entry";

/**
 * A facility code that answered 404, in the audit log with whether a facility with that code exists (so
 * an auditor can tell a probe of another prefecture's record from a typing slip). The answer to the
 * caller is the same 404 either way; only the log knows.
 */
export async function auditFacilityNotFound(db: Db, actor: Actor, code: string, path: string | null): Promise<void> {
  await queryRows(
    db,
    sql`insert into audit_log (user_id, user_email, ip, action, target, details)
        select ${actor.id}, ${actor.email}, ${actor.ip ?? null}, 'access.not_found', ${code},
               jsonb_build_object('path', ${path}::text, 'outsideScope',
                   exists (select 1 from facilities where code = ${code}))`,
  );
}
