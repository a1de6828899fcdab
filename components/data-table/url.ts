/** Query-string helpers shared by the table shell and the pages: a view is its URL. */
export type Query = Record<string, string>;

/** The path with the current query changed: undefined or "" removes a key. */
export function hrefWith(path: string, query: Query, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Page params as plain strings (first value of repeated keys), blanks dropped. */
export function plainQuery(params: Record<string, string | string[] | undefined>): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "") out[key] = v;
  }
  return out;
}
