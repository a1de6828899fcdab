import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";

/** Who did something, as the audit log records it. */
export interface Actor {
  id: number;
  email: string;
  ip?: string | null;
}

/** One audit_log row, written in the caller's transaction so the change and its record stand or fall together. */
export async function writeAudit(
  tx: Db,
  actor: Actor,
  action: string,
  target: string | null,
  details: unknown,
): Promise<void> {
  await queryRows(
    tx,
    sql`insert into audit_log (user_id, user_email, ip, action, target, details)
        values (${actor.id}, ${actor.email}, ${actor.ip ?? null}, ${action}, ${target},
            ${JSON.stringify(details)}::jsonb)`,
  );
}
