import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { scopeCondition } from "./scope";
import { writeAudit, type Actor } from "./audit-entry";
import { refreshAlertWindows } from "./alert-windows";
import type { Scope } from "../../lib/scope";
import type { Office } from "../../lib/facilities/types";

/** The sender settings of the prefectures in the scope (those set; the letter falls back to a plain sender). */
export async function listOffices(db: Db, scope: Scope): Promise<Office[]> {
  return queryRows<Office>(
    db,
    sql`select prefecture, office_name as "officeName", phone, portal_url as "portalUrl" from prefecture_offices o
        where ${scopeCondition(scope, sql`o.prefecture`)} order by prefecture`,
  );
}

/** Sets one prefecture's sender (admins; only a prefecture in their scope). False when outside it. */
export async function saveOffice(db: Db, scope: Scope, actor: Actor, office: Office): Promise<boolean> {
  return withTransaction(
    async ({ db: tx }) => {
      const rows = await queryRows<{ prefecture: string }>(
        tx,
        sql`insert into prefecture_offices (prefecture, office_name, phone, portal_url, updated_by, updated_at)
          select ${office.prefecture}, ${office.officeName}, ${office.phone}, ${office.portalUrl}, ${actor.id}, now()
          where ${scopeCondition(scope, sql`${office.prefecture}::text`)}
          on conflict (prefecture) do update set office_name = excluded.office_name, phone = excluded.phone,
            portal_url = excluded.portal_url, updated_by = excluded.updated_by, updated_at = now()
          returning prefecture`,
      );
      if (rows.length === 0) return false;
      await writeAudit(tx, actor, "office.save", office.prefecture, office);
      return true;
    },
    { db },
  );
}

/** Note of the contact-log entry a printed letter leaves. */
export const LETTER_NOTE = "督促状を送付（オンライン請求への移行について）";

/**
 * Records a batch of printed letters: one contact-log entry per facility in the scope (channel letter,
 * dated the day; a newer contact without a promise ends a missed promise), and one audit entry for the
 * batch; the facilities' alert windows follow. Returns the facilities recorded.
 */
export async function recordLettersSent(
  db: Db,
  scope: Scope,
  actor: Actor,
  codes: string[],
  on: string,
): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  return withTransaction(
    async (t) => {
      const tx = t.db;
      const rows = await queryRows<{ facility_code: string }>(
        tx,
        sql`insert into contacts (facility_code, user_id, user_email, contacted_on, channel, outcome, note, updated_by)
          select f.code, ${actor.id}, ${actor.email}, ${on}::date, 'letter', 'other', ${LETTER_NOTE}, ${actor.id}
          from facilities f where f.code = any(${`{${unique.join(",")}}`}::text[])
            and ${scopeCondition(scope, sql`f.prefecture`)}
          returning facility_code`,
      );
      const sent = rows.map((r) => r.facility_code).sort();
      await refreshAlertWindows(t, sent);
      if (sent.length > 0)
        await writeAudit(tx, actor, "letters.sent", sent.length === 1 ? sent[0] : null, { codes: sent, on });
      return sent;
    },
    { db },
  );
}
