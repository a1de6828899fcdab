import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";
import type { ClaimsRow } from "../../lib/import/types";
import type { WriteCounts } from "./events";

export type ClaimsInput = ClaimsRow;

/**
 * Writes the payers' monthly counts by identity (code, month): a new month is inserted, the same month with
 * other counts updated, the same counts unchanged. One statement for the batch, in the caller's transaction.
 */
export async function upsertClaims(tx: Tx, rows: ClaimsInput[], batchId: number | null): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const [counts] = await tx.query<{ inserted: number; updated: number }>(sql`with t as (select * from unnest(
         ${arrayParam(rows.map((r) => r.code))}::text[],
         ${arrayParam(rows.map((r) => r.month))}::text[],
         ${arrayParam(rows.map((r) => r.claims))}::int[],
         ${arrayParam(rows.map((r) => r.onlineClaims))}::int[]) as t(code, month, claims, online)),
     up as (
       insert into monthly_claims as m (facility_code, month, claims, online_claims, import_batch_id)
       select code, (month || '-01')::date, claims, online, ${batchId}::int from t
       on conflict (facility_code, month) do update
         set claims = excluded.claims, online_claims = excluded.online_claims,
           import_batch_id = excluded.import_batch_id
       where (m.claims, m.online_claims) is distinct from (excluded.claims, excluded.online_claims)
       returning (xmax = 0) as is_new
     )
     select (count(*) filter (where is_new))::int as inserted, (count(*) filter (where not is_new))::int as updated
     from up`);
  return { ...counts, unchanged: rows.length - counts.inserted - counts.updated };
}
