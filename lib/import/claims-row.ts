import { RowCheck } from "./row-check";
import { integer, yearMonth } from "./values";
import type { ClaimsRow, RowError } from "./types";

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
  const month = c.required("month", yearMonth(cells.month, "請求年月"), "請求年月");
  const claims = c.required("claims", integer(cells.claims, "レセプト件数"), "レセプト件数");
  const online = c.required("online_claims", integer(cells.online_claims, "うちオンライン件数"), "うちオンライン件数");
  if (month && month > today.slice(0, 7)) c.fail("month", `請求年月（${month}）が未来です`);
  if (claims !== null && online !== null && online > claims)
    c.fail("online_claims", `うちオンライン件数（${online}）がレセプト件数（${claims}）を超えています`);
  if (!c.ok || !code || !month || claims === null || online === null) return { errors: c.errors };
  return { value: { code: code.code, month, claims, onlineClaims: online } };
}
