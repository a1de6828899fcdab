/**
 * Whether session cookies are marked Secure (and get next-auth's __Secure- names): from the configured
 * public origin, NEXTAUTH_URL, never from a request header a client could write.
 */
export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  try {
    return new URL(env.NEXTAUTH_URL ?? "").protocol === "https:";
  } catch {
    return false;
  }
}
