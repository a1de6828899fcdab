import type { Db } from "@/db/client";
import { unsafeFindUserForSignIn, type SignInUser } from "@/db/queries/users";
import {
  clearAccountAttempts,
  closeRefusalEpisodes,
  countRefusal,
  markSignedIn,
  pruneSignInAttempts,
  recordSignInAttempt,
} from "@/db/queries/sign-in";
import { recordAudit } from "@/db/queries/audit";
import { tempPasswordExpired, tempPasswordMaxAgeMs, type SignInLimits } from "@/lib/auth/limits";
import { addressLimitKey } from "@/lib/auth/client-address";
import { isPlainText } from "@/lib/safe-text";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/password";

export type SignInResult =
  { ok: true; user: SignInUser } | { ok: false; reason: "invalid" | "rate_limited" | "temp_password_expired" };

// An unknown e-mail is still checked against a real hash, so that timing does not tell whether it exists.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(generatePassword()));

/**
 * One sign-in attempt, as the credentials provider's authorize() runs it: the attempt is counted in the
 * database before the password is looked at, over the limit it is refused without checking, and every
 * outcome is written to the audit log. The caller learns only "invalid" or "rate_limited": never whether
 * the e-mail exists or the account is disabled (the log says which).
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  limits: SignInLimits,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  // Not an address anyone has (and a NUL byte cannot be stored): refused without touching the database.
  if (email.length > 320 || !isPlainText(email)) return { ok: false, reason: "invalid" };
  // The limit counts an IPv6 client by its /64: one network hands out a whole /64 to each subscriber.
  const addressKey = input.ip === null ? null : addressLimitKey(input.ip);
  const attempt = await recordSignInAttempt(db, email, addressKey, limits);
  if (Math.random() < 0.01) {
    await pruneSignInAttempts(db);
    await closeRefusalEpisodes(db);
  }
  if (!attempt.allowed) {
    // Beyond the limit a refusal is counted, not written: the audit log gets the first of each episode
    // (with the total of the key's previous episode) and the episode's total when it closes.
    const byAddress = addressKey !== null && attempt.addressFailures > limits.perAddress;
    const key = byAddress ? `address:${addressKey}` : `account:${email}`;
    const count = await countRefusal(
      db,
      key,
      { email: byAddress ? null : email, ip: byAddress ? addressKey : null },
      limits.windowMinutes,
    );
    if (count.first) {
      await recordAudit(db, {
        userId: null,
        email,
        ip: input.ip,
        action: "sign_in.rate_limited",
        target: key,
        details: {
          account: attempt.accountFailures,
          address: attempt.addressFailures,
          ...(count.previous && { previousEpisode: count.previous }),
        },
      });
    }
    return { ok: false, reason: "rate_limited" };
  }
  const user = await unsafeFindUserForSignIn(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), input.password);
  if (!user || !passwordOk || user.disabled) {
    const why = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "disabled";
    await recordAudit(db, {
      userId: user?.id ?? null,
      email,
      ip: input.ip,
      action: "sign_in.failed",
      details: { reason: why },
    });
    return { ok: false, reason: "invalid" };
  }
  if (tempPasswordExpired(user, Date.now(), tempPasswordMaxAgeMs())) {
    // Only someone who knew the temporary password learns that it has expired.
    await recordAudit(db, {
      userId: user.id,
      email,
      ip: input.ip,
      action: "sign_in.failed",
      details: { reason: "temp_password_expired" },
    });
    return { ok: false, reason: "temp_password_expired" };
  }
  await clearAccountAttempts(db, email, attempt.attemptId);
  await markSignedIn(db, user.id);
  await recordAudit(db, { userId: user.id, email, ip: input.ip, action: "sign_in", target: null });
  return { ok: true, user };
}
