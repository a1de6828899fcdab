/**
 * How many failed sign-ins count before the door closes for a while: per e-mail address (guessing one
 * account's password) and per client address (trying many accounts). Configurable for tests and operators.
 */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function signInLimits(env: Record<string, string | undefined> = process.env): SignInLimits {
  return {
    perAccount: positive(env.SIGNIN_MAX_FAILURES_PER_ACCOUNT, 5),
    perAddress: positive(env.SIGNIN_MAX_FAILURES_PER_ADDRESS, 30),
    windowMinutes: positive(env.SIGNIN_WINDOW_MINUTES, 15),
  };
}

/** How long an administrator's temporary password may be used to sign in (hours: TEMP_PASSWORD_HOURS, default 72). */
export function tempPasswordMaxAgeMs(env: Record<string, string | undefined> = process.env): number {
  return positive(env.TEMP_PASSWORD_HOURS, 72) * 3600 * 1000;
}

/** True when a temporary password (one the user must change) was set longer ago than allowed. */
export function tempPasswordExpired(
  user: { mustChangePassword: boolean; passwordChangedAt: Date | null },
  now: number,
  maxAgeMs: number,
): boolean {
  if (!user.mustChangePassword) return false;
  // A reset records its time; a temporary password with none is treated as expired (fail closed).
  return user.passwordChangedAt === null || now - user.passwordChangedAt.getTime() > maxAgeMs;
}

/** The longest a session lasts after signing in, however active it is (hours: SESSION_MAX_HOURS, default 8). */
export function sessionMaxAgeMs(env: Record<string, string | undefined> = process.env): number {
  return positive(env.SESSION_MAX_HOURS, 8) * 3600 * 1000;
}
