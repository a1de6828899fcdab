import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { LoadCache } from "../../lib/cache/lru";

/**
 * Figures kept by data version. The version is the monthly summary's refresh time, which every write that moves a
 * figure (an import, the seed) sets in its own transaction; each request reads it (one row), so a change made
 * through any instance is seen at once by every instance. Many people open the same few views between imports,
 * and a new date reuses whatever does not depend on the date.
 */
const byVersion = new Map<string, LoadCache<unknown>>();

/**
 * Versions kept: the current one and the one before (a replica a moment behind, or a request that began before an
 * import committed, still asks for it). The facts of an older one (a few MB nationally) are dropped whole.
 */
const VERSIONS_KEPT = 2;

/** Loads kept per version: every panel of a few hundred views and dates. */
const PER_VERSION = 400;

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
  let cache = byVersion.get(version);
  if (cache)
    byVersion.delete(version); // most recently used goes last
  else cache = new LoadCache<unknown>(PER_VERSION);
  byVersion.set(version, cache);
  while (byVersion.size > VERSIONS_KEPT) byVersion.delete(byVersion.keys().next().value!);
  return cache.get(JSON.stringify(key), load) as Promise<T>;
}
