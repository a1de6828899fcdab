import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/db/queries/audit-entry";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requestClientAddress } from "@/lib/auth/client-address";

/** The signed-in user as the audit log records them, with the client address (lib/auth/client-address.ts). */
export async function actorOf(user: CurrentUser): Promise<Actor> {
  return { id: user.id, email: user.email, ip: requestClientAddress(await headers()) };
}
