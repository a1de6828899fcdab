import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { authOptions } from "./options";
import { getDb } from "@/db/client";
import { unsafeFindUserById, type Role } from "@/db/queries/users";
import { scopeFromPrefectures } from "@/lib/scope";
import { sessionProblem } from "@/lib/auth/session-rules";
import { sessionMaxAgeMs } from "@/lib/auth/limits";
import { auditRefused } from "@/app/_lib/access-audit";
import { noteRequestUser } from "@/lib/request-context";
import type { CurrentUser } from "@/lib/auth/current-user";

export type { CurrentUser };

export const PASSWORD_PAGE = "/account/password";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/**
 * The signed-in user as the database has them now: role, scope, the disabled flag and the session version
 * are read on every request, so disabling a user, a password reset or a change of role or scope takes
 * effect at the next request, not when the cookie expires; a session also ends at its maximum age. Read
 * once per request: the signed-in pages' layout and the page itself both ask.
 */
const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const row = await unsafeFindUserById(getDb(), id);
  const claims = { userId: id, sessionVersion: session.sv, signedInAt: session.signedInAt };
  if (!row || sessionProblem(claims, row, Date.now(), sessionMaxAgeMs())) return null;
  const { id: userId, email, name, role, prefectures, mustChangePassword } = row;
  noteRequestUser(userId);
  return { id: userId, email, name, role, prefectures, mustChangePassword, scope: scopeFromPrefectures(prefectures) };
});

/** For the password page only: the signed-in user even while they must change their password. */
export async function requireUserForPasswordChange(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(await signInPath());
  return user;
}

async function signInPath(): Promise<string> {
  const h = await headers();
  const path = h.get("x-pathname") ?? "/";
  return `/login?callbackUrl=${encodeURIComponent(path)}`;
}

/** For pages and server actions: the user, or a redirect to the sign-in page (or to the password page). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await requireUserForPasswordChange();
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return user;
}

/** For pages and actions that need at least a role; others see the not-found page (nothing is confirmed). */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (RANK[user.role] < RANK[role]) {
    await auditRefused(user, { reason: "role", needed: role, answer: "/forbidden" });
    redirect("/forbidden");
  }
  return user;
}

export type ApiAuth = { ok: true; user: CurrentUser } | { ok: false; response: NextResponse };

/** For route handlers: 401 when signed out, 403 when the role is too low. */
export async function apiUser(role: Role = "viewer"): Promise<ApiAuth> {
  const user = await currentUser();
  if (!user) return { ok: false, response: NextResponse.json({ error: "unauthorized" }, { status: 401 }) };
  if (user.mustChangePassword) {
    await auditRefused(user, { reason: "password_change_required", answer: 403 });
    return { ok: false, response: NextResponse.json({ error: "password_change_required" }, { status: 403 }) };
  }
  if (RANK[user.role] < RANK[role]) {
    await auditRefused(user, { reason: "role", needed: role, answer: 403 });
    return { ok: false, response: NextResponse.json({ error: "forbidden" }, { status: 403 }) };
  }
  return { ok: true, user };
}
