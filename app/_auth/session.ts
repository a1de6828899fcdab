import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { authOptions } from "./options";
import { getDb } from "@/db/client";
import { unsafeFindUserById, type Role } from "@/db/queries/users";
import { scopeFromPrefectures, type Scope } from "@/lib/scope";

export interface CurrentUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  scope: Scope;
  prefectures: string[] | null;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/**
 * The signed-in user as the database has them now: role, scope and the disabled flag are read on every
 * request, so a change by an admin takes effect at the next request, not when the token expires.
 */
async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const row = await unsafeFindUserById(getDb(), id);
  if (!row || row.disabled) return null;
  return { ...row, scope: scopeFromPrefectures(row.prefectures) };
}

async function signInPath(): Promise<string> {
  const h = await headers();
  const path = h.get("x-pathname") ?? "/";
  return `/login?callbackUrl=${encodeURIComponent(path)}`;
}

/** For pages and server actions: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(await signInPath());
  return user;
}

/** For pages and actions that need at least a role; others see the not-found page (nothing is confirmed). */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (RANK[user.role] < RANK[role]) redirect("/forbidden");
  return user;
}

export type ApiAuth = { ok: true; user: CurrentUser } | { ok: false; response: NextResponse };

/** For route handlers: 401 when signed out, 403 when the role is too low. */
export async function apiUser(role: Role = "viewer"): Promise<ApiAuth> {
  const user = await currentUser();
  if (!user) return { ok: false, response: NextResponse.json({ error: "unauthorized" }, { status: 401 }) };
  if (RANK[user.role] < RANK[role]) return { ok: false, response: NextResponse.json({ error: "forbidden" }, { status: 403 }) };
  return { ok: true, user };
}
