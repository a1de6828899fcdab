import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { writeAudit, type Actor } from "./audit-entry";
import type { Role } from "../../lib/auth/grants";
import type { Scope } from "../../lib/scope";

/** A user as the administration pages show them (never the password hash). */
export interface AdminUserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  prefectures: string[] | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/**
 * The users an administrator may see and manage: those whose whole scope lies inside the administrator's
 * (a national admin sees everyone; a Tokyo admin only Tokyo-only users, never a national one).
 */
function manageable(scope: Scope): SQL {
  if (scope.kind === "national") return sql`true`;
  if (scope.prefectures.length === 0) return sql`false`;
  return sql`(prefectures is not null and prefectures <@ ${textArray(scope.prefectures)})`;
}

function textArray(values: readonly string[]): SQL {
  return values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;
}

/** A scope an administrator may hand out: inside their own (the same rule as lib/auth/grants, in SQL). */
function grantable(scope: Scope, prefectures: readonly string[] | null): SQL {
  if (scope.kind === "national") return sql`true`;
  if (prefectures === null) return sql`false`;
  return sql`${textArray(prefectures)} <@ ${textArray(scope.prefectures)}`;
}

const COLUMNS = sql`id, email, name, role, prefectures, disabled, must_change_password as "mustChangePassword",
  to_char(last_sign_in_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI') as "lastSignInAt",
  to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI') as "createdAt"`;

export async function listUsers(db: Db, scope: Scope): Promise<AdminUserRow[]> {
  return queryRows<AdminUserRow>(
    db,
    sql`select ${COLUMNS} from users where ${manageable(scope)} order by disabled, email`,
  );
}

export async function findUser(db: Db, scope: Scope, id: number): Promise<AdminUserRow | undefined> {
  const [row] = await queryRows<AdminUserRow>(
    db,
    sql`select ${COLUMNS} from users where id = ${id} and ${manageable(scope)}`,
  );
  return row;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const rows = await queryRows(db, sql`select 1 from users where email = ${email.trim().toLowerCase()}`);
  return rows.length > 0;
}

export interface NewUser {
  email: string;
  name: string | null;
  role: Role;
  prefectures: string[] | null;
  passwordHash: string;
}

/** Creates a user who must choose their own password at first sign-in; null when the e-mail is taken. */
export async function createUser(db: Db, scope: Scope, actor: Actor, input: NewUser): Promise<number | null> {
  const email = input.email.trim().toLowerCase();
  return withTransaction(
    async ({ db: tx }) => {
      const rows = await queryRows<{ id: number }>(
        tx,
        sql`insert into users (email, name, role, prefectures, password_hash, must_change_password, password_changed_at)
          select ${email}, ${input.name}, ${input.role}::user_role,
            ${input.prefectures === null ? null : textArray(input.prefectures)},
                 ${input.passwordHash}, true, now()
          where ${grantable(scope, input.prefectures)}
          on conflict (email) do nothing returning id`,
      );
      if (rows.length === 0) return null;
      await writeAudit(tx, actor, "user.create", email, {
        id: rows[0].id,
        role: input.role,
        prefectures: input.prefectures,
      });
      return rows[0].id;
    },
    { db },
  );
}

export interface UserUpdate {
  name: string | null;
  role: Role;
  prefectures: string[] | null;
  disabled: boolean;
}

/**
 * Changes a user's role, scope, name or disabled flag, recording before and after. Disabling also ends
 * their sessions for good (a later re-enable does not revive an old cookie). undefined when the user is
 * not one the administrator may manage.
 */
export async function updateUser(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: number,
  change: UserUpdate,
): Promise<AdminUserRow | undefined> {
  return withTransaction(
    async ({ db: tx }) => {
      const before = await findUser(tx, scope, id);
      if (!before) return undefined;
      const prefectures = change.prefectures === null ? null : textArray(change.prefectures);
      const updated = await queryRows(
        tx,
        sql`update users set name = ${change.name}, role = ${change.role}::user_role, prefectures = ${prefectures},
              disabled = ${change.disabled},
            session_version = session_version + ${change.disabled && !before.disabled ? 1 : 0}, updated_at = now()
          where id = ${id} and ${grantable(scope, change.prefectures)} returning id`,
      );
      if (updated.length === 0) return undefined;
      const after = (await findUser(tx, { kind: "national" }, id))!;
      const action =
        change.disabled !== before.disabled ? (change.disabled ? "user.disable" : "user.enable") : "user.update";
      await writeAudit(tx, actor, action, before.email, {
        id,
        before: { name: before.name, role: before.role, prefectures: before.prefectures, disabled: before.disabled },
        after: { name: after.name, role: after.role, prefectures: after.prefectures, disabled: after.disabled },
      });
      return after;
    },
    { db },
  );
}

/**
 * An administrator's reset: a temporary password, to be changed at next sign-in (and within
 * TEMP_PASSWORD_HOURS); existing sessions end. Only a national administrator resets an administrator's
 * password: a prefecture-scoped one could otherwise take over an account of their own rank (a national
 * one lies outside their scope anyway).
 */
export async function resetPassword(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: number,
  passwordHash: string,
): Promise<boolean> {
  return withTransaction(
    async ({ db: tx }) => {
      const rows = await queryRows<{ email: string }>(
        tx,
        sql`update users set password_hash = ${passwordHash}, must_change_password = true,
              session_version = session_version + 1,
            password_changed_at = now(), updated_at = now()
          where id = ${id} and ${manageable(scope)} and ${scope.kind === "national" ? sql`true` : sql`role <> 'admin'`}
          returning email`,
      );
      if (rows.length === 0) return false;
      await writeAudit(tx, actor, "user.password_reset", rows[0].email, { id });
      return true;
    },
    { db },
  );
}

/** The stored hash, to check a person's current password before they change it. */
export async function ownPasswordHash(db: Db, userId: number): Promise<string | undefined> {
  const [row] = await queryRows<{ hash: string }>(
    db,
    sql`select password_hash as hash from users where id = ${userId} and not disabled`,
  );
  return row?.hash;
}

/** A person changes their own password: the must-change flag clears and every session (this one too) ends. */
export async function changeOwnPassword(db: Db, actor: Actor, passwordHash: string): Promise<void> {
  await withTransaction(
    async ({ db: tx }) => {
      await queryRows(
        tx,
        sql`update users set password_hash = ${passwordHash}, must_change_password = false,
              session_version = session_version + 1,
            password_changed_at = now(), updated_at = now()
          where id = ${actor.id}`,
      );
      await writeAudit(tx, actor, "user.password_change", actor.email, { id: actor.id });
    },
    { db },
  );
}
