import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";

export interface SavedView {
  id: number;
  name: string;
  path: string;
  query: string;
}

/** A user's own saved views of a page (never anyone else's). */
export async function listSavedViews(db: Db, userId: number, path: string): Promise<SavedView[]> {
  return queryRows<SavedView>(db, sql`select id, name, path, query from saved_views where user_id = ${userId} and path = ${path} order by name`);
}

/** Saves (or replaces, by name) a view of the page for the user. */
export async function saveView(db: Db, userId: number, path: string, name: string, query: string): Promise<void> {
  await queryRows(
    db,
    sql`insert into saved_views (user_id, path, name, query) values (${userId}, ${path}, ${name}, ${query})
        on conflict (user_id, path, name) do update set query = excluded.query`,
  );
}

export async function deleteView(db: Db, userId: number, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`delete from saved_views where id = ${id} and user_id = ${userId} returning id`);
  return rows.length > 0;
}
