import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { LoadCache } from "../../lib/cache/lru";

/**
 * Figures kept by data version. The version is the monthly summary's refresh time, which every write that moves a
 * figure (an import, the seed) sets in its own transaction; each request reads it (one row), so a change made
 * through any instance is seen at once by every instance. Many people open the same few views between imports,
 * and a new date reuses whatever does not depend on the date.
 */
const cache = new LoadCache<unknown>(500);

const reading = new WeakMap<Db, Promise<string>>();

/**
 * The data version the figures are kept under. Callers asking while a read is under way share it (a page asks
 * for its panels at once), so a request costs one round trip for it.
 */
export function dataVersion(db: Db): Promise<string> {
  const pending = reading.get(db);
  if (pending) return pending;
  const read = queryRows<{ v: string | null }>(
    db,
    sql`select (select refreshed_at::text from summary_state where id = 1) as v`,
  ).then(([row]) => row?.v ?? "");
  reading.set(db, read);
  const done = () => {
    if (reading.get(db) === read) reading.delete(db);
  };
  read.then(done, done);
  return read;
}

/** One load per (data version, key), most recently used kept; callers sharing a key share the load. */
export function kept<T>(version: string, key: readonly unknown[], load: () => Promise<T>): Promise<T> {
  return cache.get(JSON.stringify([version, ...key]), load) as Promise<T>;
}
