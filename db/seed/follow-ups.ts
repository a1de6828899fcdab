import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { alertFacts } from "../queries/alert-sql";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "../../lib/follow-ups/contacts";

const textArray = (values: readonly string[]) => `{${values.join(",")}}`;

/**
 * A little follow-up history for the demo: about a fifth of the facilities with an alert on the seed's
 * date (those whose check digit is 0 or 5) get one logged contact in the month before, and its next action
 * date on the list. Derived from the codes alone, so the same seed gives the same log. No assignees: the
 * seed creates no users. Some contacts carry a promise: the caller rebuilds the alert windows after it.
 */
export async function seedFollowUps(db: Db, asOf: string): Promise<number> {
  const rows = await queryRows<{ facility_code: string }>(
    db,
    sql`insert into contacts
          (facility_code, user_email, contacted_on, channel, outcome, promised_on, note, next_action_on)
        select code, 'seed@example.jp', contacted_on, channel, outcome,
               -- A promise two weeks after the call: some have passed by the seed's date (promise_missed).
               case when outcome = 'promised' then contacted_on + 14 end,
               'デモ用の連絡記録', ${asOf}::date + 7 + (substr(code, 6, 2)::int % 14)
        from (
          select r.code, ${asOf}::date - (substr(r.code, 7, 2)::int % 28) - 1 as contacted_on,
                 (${textArray(CONTACT_CHANNELS)}::contact_channel[])
                   [1 + substr(r.code, 8, 1)::int % ${CONTACT_CHANNELS.length}] as channel,
                 (${textArray(CONTACT_OUTCOMES)}::contact_outcome[])
                   [1 + substr(r.code, 9, 1)::int % ${CONTACT_OUTCOMES.length}] as outcome
          from ${alertFacts(asOf, sql`right(f.code, 1) in ('0', '5')`)} r
        ) c
        returning facility_code`,
  );
  await queryRows(
    db,
    sql`insert into follow_ups (facility_code, next_action_on)
        select facility_code, max(next_action_on) from contacts group by facility_code
        on conflict (facility_code) do nothing`,
  );
  return rows.length;
}
