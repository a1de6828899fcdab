import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";
import { hashPassword } from "../../lib/password";

export type { Role } from "../../lib/auth/grants";
import type { Role } from "../../lib/auth/grants";

export interface SignInUser {
  id: number;
  email: string;
  name: string | null;
  passwordHash: string;
  role: Role;
  prefectures: string[] | null;
  disabled: boolean;
  mustChangePassword: boolean;
  sessionVersion: number;
  passwordChangedAt: Date | null;
}

/** For sign-in only: looks a user up by e-mail across all scopes (the person is not known yet). */
export async function unsafeFindUserForSignIn(db: Db, email: string): Promise<SignInUser | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row;
}

/** The current role, scope, disabled flag and session version of a signed-in user, read on every request. */
export async function unsafeFindUserById(db: Db, id: number) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      prefectures: users.prefectures,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** Creates or updates a user by e-mail (scripts only: `npm run user -- add`, the demo and the seed). */
export async function unsafeUpsertUser(
  db: Db,
  input: { email: string; role: Role; prefectures: string[] | null; password: string; name?: string },
): Promise<{ id: number; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const existing = await unsafeFindUserForSignIn(db, email);
  if (existing) {
    await db
      .update(users)
      .set({
        role: input.role,
        prefectures: input.prefectures,
        passwordHash,
        disabled: false,
        name: input.name ?? existing.name,
        // A new password ends the sessions signed in with the old one.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, existing.id));
    return { id: existing.id, created: false };
  }
  const [row] = await db
    .insert(users)
    .values({ email, role: input.role, prefectures: input.prefectures, passwordHash, name: input.name ?? null })
    .returning({ id: users.id });
  return { id: row.id, created: true };
}
