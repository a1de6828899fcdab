import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { narrowScope, type Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

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

/** Scope, prefecture, table type and category as one SQL condition on `facilities f` (or the alias given). */
export function facilityFilter(
  scope: Scope,
  filter: { prefecture?: string; tableType?: TableType; category?: Category },
  alias: SQL = sql`f`,
): SQL {
  const parts = [scopeCondition(narrowScope(scope, filter.prefecture), sql`${alias}.prefecture`)];
  if (filter.tableType) parts.push(sql`${alias}.table_type = ${filter.tableType}`);
  if (filter.category) parts.push(sql`${alias}.category = ${filter.category}`);
  return sql.join(parts, sql` and `);
}
