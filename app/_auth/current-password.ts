import type { Db } from "@/db/client";
import { ownPasswordHash } from "@/db/queries/user-admin";
import { clearAccountAttempts, countRefusal, recordSignInAttempt } from "@/db/queries/sign-in";
import { recordAudit } from "@/db/queries/audit";
import type { SignInLimits } from "@/lib/auth/limits";
import { verifyPassword } from "@/lib/password";

export type CurrentPasswordCheck = "ok" | "wrong" | "limited";

/**
 * The current password on the password-change form, checked under the same limit as a sign-in to the
 * account (SIGNIN_MAX_FAILURES_PER_ACCOUNT in SIGNIN_WINDOW_MINUTES): a session taken over cannot guess its
 * way to the password. Each wrong password is logged; beyond the limit the form is refused without
 * checking, the refusals counted (the first of each episode logged).
 */
export async function checkCurrentPassword(
  db: Db,
  user: { id: number; email: string },
  ip: string | null,
  password: string,
  limits: SignInLimits,
): Promise<CurrentPasswordCheck> {
  const key = `password-change:${user.id}`;
  const attempt = await recordSignInAttempt(db, key, null, limits);
  if (!attempt.allowed) {
    const count = await countRefusal(db, key, { email: user.email, ip }, limits.windowMinutes);
    if (count.first) {
      await recordAudit(db, {
        userId: user.id,
        email: user.email,
        ip,
        action: "password.change_limited",
        target: user.email,
        details: { failures: attempt.accountFailures },
      });
    }
    return "limited";
  }
  const stored = await ownPasswordHash(db, user.id);
  if (!stored || !(await verifyPassword(stored, password))) {
    await recordAudit(db, {
      userId: user.id,
      email: user.email,
      ip,
      action: "password.wrong_current",
      target: user.email,
      details: {},
    });
    return "wrong";
  }
  await clearAccountAttempts(db, key, attempt.attemptId);
  return "ok";
}
