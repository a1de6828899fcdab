import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { scopeCondition } from "./scope";
import { writeAudit, type Actor } from "./audit-entry";
import { refreshAlertWindows } from "./alert-windows";
import type { Scope } from "../../lib/scope";
import type { ContactChannel, ContactOutcome } from "../../lib/follow-ups/contacts";
import type { Contact, ContactInput } from "../../lib/follow-ups/types";

type ContactRow = {
  id: number;
  facility_code: string;
  user_email: string;
  contacted_on: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  promised_on: string | null;
  note: string | null;
  next_action_on: string | null;
  created_at: string | Date;
  updated_at: string | Date;
};

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function toContact(r: ContactRow): Contact {
  return {
    id: Number(r.id),
    facilityCode: r.facility_code,
    userEmail: r.user_email,
    contactedOn: r.contacted_on,
    channel: r.channel,
    outcome: r.outcome,
    promisedOn: r.promised_on,
    note: r.note,
    nextActionOn: r.next_action_on,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A facility's contact log, newest first; empty for a facility outside the scope. */
export async function listContacts(db: Db, scope: Scope, code: string): Promise<Contact[]> {
  const rows = await queryRows<ContactRow>(
    db,
    sql`select c.* from contacts c join facilities f on f.code = c.facility_code
        where c.facility_code = ${code} and ${scopeCondition(scope, sql`f.prefecture`)}
        order by c.contacted_on desc, c.id desc`,
  );
  return rows.map(toContact);
}

/** The next action date of a contact also becomes the facility's next action on the follow-up list. */
async function carryNextAction(tx: Db, actor: Actor, code: string, nextActionOn: string | null): Promise<void> {
  if (!nextActionOn) return;
  await queryRows(
    tx,
    sql`insert into follow_ups (facility_code, next_action_on, updated_by, updated_at)
        values (${code}, ${nextActionOn}::date, ${actor.id}, now())
        on conflict (facility_code) do update
          set next_action_on = excluded.next_action_on, updated_by = excluded.updated_by, updated_at = now()`,
  );
}

/**
 * Logs a contact; null when the facility is not in the scope (the caller answers 404). A contact can make or
 * end a missed promise: the facility's alert windows follow in the same transaction.
 */
export async function addContact(
  db: Db,
  scope: Scope,
  actor: Actor,
  code: string,
  input: ContactInput,
): Promise<Contact | null> {
  return withTransaction(
    async (t) => {
      const tx = t.db;
      const [row] = await queryRows<ContactRow>(
        tx,
        sql`insert into contacts (facility_code, user_id, user_email, contacted_on, channel, outcome, promised_on, note,
                                  next_action_on, updated_by)
          select f.code, ${actor.id}, ${actor.email}, ${input.contactedOn}::date, ${input.channel}, ${input.outcome},
                 ${input.promisedOn}::date, ${input.note}, ${input.nextActionOn}::date, ${actor.id}
          from facilities f where f.code = ${code} and ${scopeCondition(scope, sql`f.prefecture`)}
          returning *`,
      );
      if (!row) return null;
      await refreshAlertWindows(t, [code]);
      await carryNextAction(tx, actor, code, input.nextActionOn);
      await writeAudit(tx, actor, "contact.add", code, { id: Number(row.id), ...input });
      return toContact(row);
    },
    { db },
  );
}

/**
 * Corrects a logged contact; the audit entry keeps what it said before (and the facility's alert windows
 * follow). Null when not found in scope.
 */
export async function updateContact(
  db: Db,
  scope: Scope,
  actor: Actor,
  facilityCode: string,
  id: number,
  input: ContactInput,
): Promise<Contact | null> {
  return withTransaction(
    async (t) => {
      const tx = t.db;
      // The entry must belong to the facility the form was for, checked before anything is written (a form
      // replayed with another facility's entry id changes nothing).
      const [before] = await queryRows<ContactRow>(
        tx,
        sql`select c.* from contacts c join facilities f on f.code = c.facility_code
          where c.id = ${id} and c.facility_code = ${facilityCode}
            and ${scopeCondition(scope, sql`f.prefecture`)} for update of c`,
      );
      if (!before) return null;
      const [row] = await queryRows<ContactRow>(
        tx,
        sql`update contacts set contacted_on = ${input.contactedOn}::date, channel = ${input.channel},
            outcome = ${input.outcome},
            promised_on = ${input.promisedOn}::date, note = ${input.note}, next_action_on = ${input.nextActionOn}::date,
            updated_by = ${actor.id}, updated_at = now()
          where id = ${id} returning *`,
      );
      await refreshAlertWindows(t, [before.facility_code]);
      await carryNextAction(tx, actor, before.facility_code, input.nextActionOn);
      const was = toContact(before);
      const beforeInput: ContactInput = {
        contactedOn: was.contactedOn,
        channel: was.channel,
        outcome: was.outcome,
        promisedOn: was.promisedOn,
        note: was.note,
        nextActionOn: was.nextActionOn,
      };
      await writeAudit(tx, actor, "contact.edit", before.facility_code, { id, before: beforeInput, after: input });
      return toContact(row);
    },
    { db },
  );
}
