import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { scopeCondition } from "./scope";
import { writeAudit, type Actor } from "./audit-entry";
import type { Scope } from "../../lib/scope";
import type { Colleague } from "../../lib/follow-ups/types";

/**
 * Whose names a caller may see and give work to: for a national caller everyone; for a prefecture-scoped
 * caller only users whose whole scope lies inside the caller's (never national staff, never a user who
 * also covers another prefecture), the same rule as the user administration's.
 */
function insideCallerScope(scope: Scope) {
  if (scope.kind === "national") return sql`true`;
  if (scope.prefectures.length === 0) return sql`false`;
  return sql`(u.prefectures is not null and u.prefectures <@ ${`{${scope.prefectures.join(",")}}`}::text[])`;
}

/**
 * People a follow-up can be given to: active editors and admins inside the caller's scope. Each facility
 * is still checked on assignment (the colleague must see its prefecture).
 */
export async function assignableColleagues(db: Db, scope: Scope): Promise<Colleague[]> {
  return queryRows<Colleague>(
    db,
    sql`select u.id, u.email, u.name from users u
        where not u.disabled and u.role in ('editor', 'admin') and ${insideCallerScope(scope)}
        order by u.email`,
  );
}

export interface FollowUpChange {
  /** undefined leaves the assignee alone; null removes it. */
  assigneeId?: number | null;
  /** undefined leaves the date alone; null clears it. */
  nextActionOn?: string | null;
}

export interface FollowUpChangeResult {
  updated: string[];
  /** Codes not changed: outside the caller's scope, unknown, or outside the assignee's scope. */
  refused: string[];
}

/**
 * Sets the assignee and/or next action date of many facilities in one statement. Only facilities in the
 * caller's scope change, and an assignee only gets facilities in prefectures they see themselves.
 */
export async function changeFollowUps(
  db: Db,
  scope: Scope,
  actor: Actor,
  codes: string[],
  change: FollowUpChange,
): Promise<FollowUpChangeResult> {
  const unique = [...new Set(codes)];
  if (unique.length === 0 || (change.assigneeId === undefined && change.nextActionOn === undefined))
    return { updated: [], refused: unique };
  const setAssignee = change.assigneeId !== undefined;
  const setNext = change.nextActionOn !== undefined;
  const assigneeOk =
    setAssignee && change.assigneeId !== null
      ? sql`exists (select 1 from users u
              where u.id = ${change.assigneeId} and not u.disabled and u.role in ('editor', 'admin')
                    and (u.prefectures is null or f.prefecture = any(u.prefectures)) and ${insideCallerScope(scope)})`
      : sql`true`;
  return withTransaction(
    async ({ db: tx }) => {
      const rows = await queryRows<{ facility_code: string }>(
        tx,
        sql`insert into follow_ups (facility_code, assignee_id, next_action_on, updated_by, updated_at)
          select f.code, ${setAssignee ? (change.assigneeId ?? null) : null}::int,
            ${setNext ? (change.nextActionOn ?? null) : null}::date, ${actor.id}, now()
          from facilities f
          where f.code = any(${`{${unique.join(",")}}`}::text[]) and ${scopeCondition(scope, sql`f.prefecture`)}
            and ${assigneeOk}
          on conflict (facility_code) do update set
            assignee_id = ${setAssignee ? sql`excluded.assignee_id` : sql`follow_ups.assignee_id`},
            next_action_on = ${setNext ? sql`excluded.next_action_on` : sql`follow_ups.next_action_on`},
            updated_by = excluded.updated_by, updated_at = now()
          returning facility_code`,
      );
      const updated = rows.map((r) => r.facility_code).sort();
      const done = new Set(updated);
      const refused = unique.filter((c) => !done.has(c));
      if (updated.length > 0)
        await writeAudit(tx, actor, "follow_up.change", updated.length === 1 ? updated[0] : null, {
          codes: updated,
          ...change,
        });
      return { updated, refused };
    },
    { db },
  );
}
