import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import type { SignInLimits } from "../../lib/auth/limits";

export interface AttemptCheck {
  /** The attempt's row: kept as a failure unless the password turns out right. */
  attemptId: number;
  allowed: boolean;
  accountFailures: number;
  addressFailures: number;
}

/**
 * Records a sign-in attempt first (committed on its own), then counts the attempts in the window, this
 * one included. The count is a second statement so that it sees every attempt committed before it: of
 * several instances signing in at once, the n-th attempt to be written counts at least n, so no more than
 * the limit get through. A refused attempt is not kept, so waiting out the window opens the door again.
 */
export async function recordSignInAttempt(db: Db, email: string, ip: string | null, limits: SignInLimits): Promise<AttemptCheck> {
  const [inserted] = await queryRows<{ id: number }>(db, sql`insert into sign_in_attempts (email, ip) values (${email}, ${ip}) returning id::int as id`);
  const since = sql`now() - make_interval(mins => ${limits.windowMinutes})`;
  const [counts] = await queryRows<{ account: number; address: number }>(
    db,
    sql`select (select count(*) from sign_in_attempts where email = ${email} and at > ${since})::int as account,
               (select count(*) from sign_in_attempts where ip = ${ip ?? ""} and at > ${since})::int as address`,
  );
  const allowed = counts.account <= limits.perAccount && (ip === null || counts.address <= limits.perAddress);
  if (!allowed) await forgetAttempt(db, inserted.id);
  return { attemptId: inserted.id, allowed, accountFailures: counts.account, addressFailures: counts.address };
}

export async function forgetAttempt(db: Db, attemptId: number): Promise<void> {
  await queryRows(db, sql`delete from sign_in_attempts where id = ${attemptId}`);
}

/**
 * After a correct password: this attempt was no failure, and the account's earlier failures stop counting
 * against it. They still count against the addresses they came from (the e-mail is blanked, the row kept).
 */
export async function clearAccountAttempts(db: Db, email: string, attemptId: number): Promise<void> {
  await forgetAttempt(db, attemptId);
  await queryRows(db, sql`update sign_in_attempts set email = '' where email = ${email}`);
}

/** Attempts older than a day are of no further use; removed now and then by the sign-in path. */
export async function pruneSignInAttempts(db: Db): Promise<void> {
  await queryRows(db, sql`delete from sign_in_attempts where at < now() - interval '1 day'`);
}

export async function markSignedIn(db: Db, userId: number): Promise<void> {
  await queryRows(db, sql`update users set last_sign_in_at = now() where id = ${userId}`);
}
