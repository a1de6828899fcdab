import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit-entry";
import { auditFacilityNotFound } from "@/db/queries/access-audit";
import { actorOf } from "@/app/_lib/actor";
import type { CurrentUser } from "@/lib/auth/current-user";

/** The path and query asked for (set by proxy.ts on every request it sees), cut to a sane length. */
async function askedPath(): Promise<string | null> {
  return (await headers()).get("x-pathname")?.slice(0, 500) ?? null;
}

/**
 * A read of facility-level data: one audit entry per page or API request, with what was shown (a code,
 * or a list's filters and how many rows). Written before the answer goes out: no entry, no answer.
 */
export async function auditRead(
  user: CurrentUser,
  action: `read.${string}`,
  target: string | null,
  details: object,
): Promise<void> {
  await writeAudit(getDb(), await actorOf(user), action, target, { path: await askedPath(), ...details });
}

/** Access refused for the role (a 403 or a redirect to /forbidden), with what was asked. */
export async function auditRefused(user: CurrentUser, details: object): Promise<void> {
  await writeAudit(getDb(), await actorOf(user), "access.refused", null, { path: await askedPath(), ...details });
}

/** A facility page or record that answered 404 (unknown or outside the scope: the log says which). */
export async function auditFacilityMiss(user: CurrentUser, code: string): Promise<void> {
  await auditFacilityNotFound(getDb(), await actorOf(user), code, await askedPath());
}

/** Another record outside the caller's reach (a prefecture, an import batch, a user) that answered 404. */
export async function auditNotFound(user: CurrentUser, target: string, details: object = {}): Promise<void> {
  await writeAudit(getDb(), await actorOf(user), "access.not_found", target, { path: await askedPath(), ...details });
}
