import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";

export interface SavedView {
  id: number;
  name: string;
  path: string;
  query: string;
  shared: boolean;
  /** The user's own view (only those can be deleted); else a colleague's shared one. */
  own: boolean;
  owner: string;
}

/** The prefecture scope as a comparable value: sorted codes, or '{}' with a flag for national. */
const sameScope = sql`(u.prefectures is null) = (me.prefectures is null)
  and coalesce((select array_agg(x order by x) from unnest(u.prefectures) x), '{}') =
    coalesce((select array_agg(x order by x) from unnest(me.prefectures) x), '{}')`;

/**
 * A user's own saved views of a page, and those colleagues with the same prefecture scope (the team)
 * have shared; never anyone else's. Own first.
 */
export async function listSavedViews(db: Db, userId: number, path: string): Promise<SavedView[]> {
  return queryRows<SavedView>(
    db,
    sql`select v.id, v.name, v.path, v.query, v.shared, v.user_id = me.id as own, u.email as owner
        from saved_views v join users u on u.id = v.user_id join users me on me.id = ${userId}
        where v.path = ${path} and (v.user_id = me.id or (v.shared and not u.disabled and ${sameScope}))
        order by v.user_id = me.id desc, v.name, v.id`,
  );
}

/** Saves (or replaces, by name) a view of the page for the user, shared with the team or not. */
export async function saveView(
  db: Db,
  userId: number,
  path: string,
  name: string,
  query: string,
  shared = false,
): Promise<void> {
  await queryRows(
    db,
    sql`insert into saved_views (user_id, path, name, query, shared)
        values (${userId}, ${path}, ${name}, ${query}, ${shared})
        on conflict (user_id, path, name) do update set query = excluded.query, shared = excluded.shared`,
  );
}

export async function deleteView(db: Db, userId: number, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from saved_views where id = ${id} and user_id = ${userId} returning id`,
  );
  return rows.length > 0;
}
