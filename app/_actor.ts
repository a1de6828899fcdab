import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/db/queries/audit-entry";
import type { CurrentUser } from "@/app/_auth/session";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";

/** The signed-in user as the audit log records them, with the client address when a proxy passes it. */
export async function actorOf(user: CurrentUser): Promise<Actor> {
  const h = await headers();
  const ip = clientAddress(h.get("x-forwarded-for"), h.get("x-real-ip"), trustedProxyHops());
  return { id: user.id, email: user.email, ip };
}
