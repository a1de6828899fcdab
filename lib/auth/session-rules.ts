/** What the session cookie says about itself (set at sign-in, never changed afterwards). */
export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  signedInAt: number;
}

/** The user as the database has them now. */
export interface StoredUserState {
  disabled: boolean;
  sessionVersion: number;
}

export type SessionProblem = "unknown_user" | "disabled" | "revoked" | "expired";

/**
 * Why a session no longer stands, or null when it does. Read on every request, so that disabling a user,
 * resetting their password or the session's age takes effect at the next request, not at the cookie's expiry.
 */
export function sessionProblem(
  claims: SessionClaims,
  user: StoredUserState | undefined,
  now: number,
  maxAgeMs: number,
): SessionProblem | null {
  if (!user) return "unknown_user";
  if (user.disabled) return "disabled";
  if (claims.sessionVersion !== user.sessionVersion) return "revoked";
  if (!Number.isFinite(claims.signedInAt) || now - claims.signedInAt > maxAgeMs || claims.signedInAt > now + 60_000)
    return "expired";
  return null;
}
