import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import type { Scope } from "../../lib/scope";

/**
 * The audit log: who did what, when, from where. Writes go through writeAudit (audit-entry.ts, inside the
 * caller's transaction) or recordAudit here for events with no signed-in actor (a failed sign-in). Rows
 * are never changed: the database refuses update, delete and truncate on audit_log (migration 0006).
 */
export interface AuditRecord {
  userId: number | null;
  email: string | null;
  ip: string | null;
  action: string;
  target?: string | null;
  details?: unknown;
}

export async function recordAudit(db: Db, entry: AuditRecord): Promise<void> {
  await queryRows(
    db,
    sql`insert into audit_log (user_id, user_email, ip, action, target, details)
        values (${entry.userId}, ${entry.email}, ${entry.ip}, ${entry.action}, ${entry.target ?? null},
                ${entry.details === undefined ? null : JSON.stringify(entry.details)}::jsonb)`,
  );
}

export interface AuditFilter {
  /** Free text over the e-mail, action, target and details. */
  q?: string;
  /** An action, or a family of them ("sign_in" matches sign_in.failed too). */
  action?: string;
  /** Days in Japan time, inclusive. */
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  userEmail: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The log reaches across every prefecture (facility codes, other users), so only a national scope reads
 * it; any other scope gets the condition `false` and so nothing at all.
 */
function auditWhere(scope: Scope, filter: AuditFilter): SQL {
  const parts: SQL[] = [scope.kind === "national" ? sql`true` : sql`false`];
  if (filter.q) {
    const like = likeText(filter.q);
    parts.push(
      sql`(coalesce(user_email, '') ilike ${like} or action ilike ${like} or coalesce(target, '') ilike ${like}
              or coalesce(details::text, '') ilike ${like} or coalesce(ip, '') ilike ${like})`,
    );
  }
  if (filter.action)
    parts.push(
      sql`(action = ${filter.action} or action like ${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`) + ".%"})`,
    );
  if (filter.from) parts.push(sql`at >= (${filter.from}::date)::timestamp at time zone 'Asia/Tokyo'`);
  if (filter.to) parts.push(sql`at < (${filter.to}::date + 1)::timestamp at time zone 'Asia/Tokyo'`);
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql`id::int as id, to_char(at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI:SS') as at,
                      user_email as "userEmail", ip, action, target, details`;

export async function searchAudit(
  db: Db,
  scope: Scope,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: AuditRow[] }> {
  const where = auditWhere(scope, filter);
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from audit_log where ${where}`,
  );
  const items = await queryRows<AuditRow>(
    db,
    sql`select ${COLUMNS} from audit_log where ${where} order by id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { total, items };
}

/** Every matching row, newest first, in chunks (keyset on id) for the CSV export. */
export async function* eachAuditRow(
  db: Db,
  scope: Scope,
  filter: AuditFilter,
  chunk = 2000,
): AsyncGenerator<AuditRow[]> {
  const where = auditWhere(scope, filter);
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await queryRows<AuditRow>(
      db,
      sql`select ${COLUMNS} from audit_log where ${where} and id < ${before} order by id desc limit ${chunk}`,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < chunk) return;
    before = rows[rows.length - 1].id;
  }
}

/** The distinct actions on record, for the page's filter. */
export async function auditActions(db: Db, scope: Scope): Promise<string[]> {
  if (scope.kind !== "national") return [];
  const rows = await queryRows<{ action: string }>(db, sql`select distinct action from audit_log order by action`);
  return rows.map((r) => r.action);
}
