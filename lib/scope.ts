import { isPrefectureCode } from "./prefectures";

/** What a signed-in person may see: the whole country, or a list of prefectures (JIS codes). */
export type Scope = { kind: "national" } | { kind: "prefectures"; prefectures: readonly string[] };

export const NATIONAL: Scope = { kind: "national" };

/** A user's stored prefecture list (null = national) as a Scope. An empty list sees nothing. */
export function scopeFromPrefectures(prefectures: readonly string[] | null | undefined): Scope {
  if (prefectures == null) return NATIONAL;
  return { kind: "prefectures", prefectures: prefectures.filter(isPrefectureCode) };
}

export function scopeIncludes(scope: Scope, prefecture: string): boolean {
  return scope.kind === "national" || scope.prefectures.includes(prefecture);
}

/**
 * Narrows a scope by a requested prefecture filter. Asking for a prefecture outside the scope yields an
 * empty scope (so the answer is empty, never another prefecture's figures).
 */
export function narrowScope(scope: Scope, prefecture: string | undefined): Scope {
  if (!prefecture) return scope;
  return { kind: "prefectures", prefectures: scopeIncludes(scope, prefecture) ? [prefecture] : [] };
}
