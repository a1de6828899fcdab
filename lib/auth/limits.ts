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

/** The longest a session lasts after signing in, however active it is (hours: SESSION_MAX_HOURS, default 8). */
export function sessionMaxAgeMs(env: Record<string, string | undefined> = process.env): number {
  return positive(env.SESSION_MAX_HOURS, 8) * 3600 * 1000;
}
