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
export async function recordSignInAttempt(
  db: Db,
  email: string,
  ip: string | null,
  limits: SignInLimits,
): Promise<AttemptCheck> {
  const [inserted] = await queryRows<{ id: number }>(
    db,
    sql`insert into sign_in_attempts (email, ip) values (${email}, ${ip}) returning id::int as id`,
  );
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

export interface RefusalCount {
  /** This refusal opened a new episode (the first since the key's last refusal more than a window ago). */
  first: boolean;
  refused: number;
  /** The episode this one replaced, when there was one: its total, from when to when. */
  previous: { refused: number; firstAt: string; lastAt: string } | null;
}

/**
 * Counts a refused sign-in against its key (one row updated in place, not an audit row). A refusal more
 * than a window after the key's last one starts a new episode; the old episode's total comes back so
 * that the caller can put it in the audit log with the new episode's first entry.
 */
export async function countRefusal(
  db: Db,
  key: string,
  who: { email: string | null; ip: string | null },
  windowMinutes: number,
): Promise<RefusalCount> {
  const stale = sql`sign_in_refusals.last_at < now() - make_interval(mins => ${windowMinutes})`;
  const [row] = await queryRows<{
    refused: number;
    prevRefused: number | null;
    prevFirst: string | null;
    prevLast: string | null;
  }>(
    db,
    sql`with prev as (select refused, first_at, last_at from sign_in_refusals where key = ${key}),
        up as (
          insert into sign_in_refusals as sign_in_refusals (key, email, ip) values (${key}, ${who.email}, ${who.ip})
          on conflict (key) do update set
            refused = case when ${stale} then 1 else sign_in_refusals.refused + 1 end,
            first_at = case when ${stale} then now() else sign_in_refusals.first_at end,
            last_at = now()
          returning refused)
        select up.refused, prev.refused as "prevRefused", prev.first_at::text as "prevFirst",
          prev.last_at::text as "prevLast"
        from up left join prev on true`,
  );
  const first = row.refused === 1;
  const previous =
    first && row.prevRefused !== null
      ? { refused: row.prevRefused, firstAt: row.prevFirst!, lastAt: row.prevLast! }
      : null;
  return { first, refused: row.refused, previous };
}

/**
 * Episodes with no refusal for a day are closed: each one's total goes to the audit log as one row, then
 * its counter is removed.
 */
export async function closeRefusalEpisodes(db: Db): Promise<void> {
  await queryRows(
    db,
    sql`with gone as (delete from sign_in_refusals where last_at < now() - interval '1 day' returning *)
        insert into audit_log (user_id, user_email, ip, action, target, details)
        select null, email, ip, 'sign_in.rate_limited.total', key,
               jsonb_build_object('refused', refused, 'from', first_at, 'to', last_at)
        from gone`,
  );
}
