import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";
import { scopeIncludes, type Scope } from "../../lib/scope";
import { KIND_RULES, type ImportKind } from "../../lib/import/kinds";
import type { RowError } from "../../lib/import/types";
import { errorText } from "../../lib/i18n/errors";
import type { FacilityInput } from "./facilities";
import type { RowInput } from "./writers";

const OUTSIDE_SCOPE = { code: "import.row.outsideScope", message: errorText("ja", "import.row.outsideScope") } as const;
const NOT_FOUND = { code: "import.row.notFound", message: errorText("ja", "import.row.notFound") } as const;

/**
 * The admit stage: drops (and reports) rows outside the actor's scope. A facility list is judged by the
 * prefecture each row states; every other kind by the facility on record, and an unknown code reads the
 * same as one outside the scope, so that nothing is confirmed to a scoped user.
 */
export async function admitRows<T extends RowInput>(
  tx: Tx,
  kind: ImportKind,
  rows: { row: number; value: T }[],
  scope: Scope,
  errors: RowError[],
): Promise<T[]> {
  const byStatedPrefecture = KIND_RULES[kind].admit === "stated-prefecture";
  let known = new Map<string, string>();
  if (!byStatedPrefecture && rows.length > 0) {
    const found = await tx.query<{ code: string; prefecture: string }>(
      sql`select code, prefecture from facilities
          where code = any(${arrayParam([...new Set(rows.map((r) => r.value.code))])}::text[])`,
    );
    known = new Map(found.map((f) => [f.code, f.prefecture]));
  }
  const accepted: T[] = [];
  for (const { row, value } of rows) {
    const code = value.code;
    const prefecture = byStatedPrefecture ? (value as FacilityInput).prefecture : known.get(code);
    if (prefecture === undefined || (!scopeIncludes(scope, prefecture) && !byStatedPrefecture)) {
      errors.push({ row, column: "code", value: code, ...NOT_FOUND });
    } else if (!scopeIncludes(scope, prefecture)) {
      errors.push({ row, column: "code", value: code, ...OUTSIDE_SCOPE });
    } else accepted.push(value);
  }
  return accepted;
}
