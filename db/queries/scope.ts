import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Scope } from "../../lib/scope";

/**
 * The one place a Scope becomes SQL. Always returns a condition (never undefined, which `and()` would
 * silently drop): national → true, a list → column = any(list), an empty list → false.
 */
export function scopeCondition(scope: Scope, prefectureColumn: SQLWrapper): SQL {
  if (scope.kind === "national") return sql`true`;
  if (scope.prefectures.length === 0) return sql`false`;
  return sql`${prefectureColumn} in (${sql.join(
    scope.prefectures.map((p) => sql`${p}`),
    sql`, `,
  )})`;
}
