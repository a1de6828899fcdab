import { RowCheck } from "./row-check";
import { integer, yearMonth } from "./values";
import type { ClaimsRow, RowError } from "./types";
import { errorLabel } from "../i18n/errors";

/**
 * Validates one line of the payers' monthly counts: a claim month not after this month, the claims sent
 * and how many of them online (not more than the claims).
 */
export function claimsRow(
  row: number,
  cells: Record<string, string>,
  today: string,
): { value: ClaimsRow } | { errors: RowError[] } {
  const c = new RowCheck(row, cells);
  const code = c.code();
  const month = c.required("month", yearMonth(cells.month, "month"), "month");
  const claims = c.required("claims", integer(cells.claims, "claims"), "claims");
  const online = c.required("online_claims", integer(cells.online_claims, "onlineClaims"), "onlineClaims");
  if (month && month > today.slice(0, 7))
    c.fail("month", "import.row.inFuture", { label: errorLabel("month"), date: month });
  if (claims !== null && online !== null && online > claims)
    c.fail("online_claims", "import.row.onlineOverClaims", { online, claims });
  if (!c.ok || !code || !month || claims === null || online === null) return { errors: c.errors };
  return { value: { code: code.code, month, claims, onlineClaims: online } };
}
