import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";

/**
 * Rebuilds the claims summary (month × prefecture × table type × category) from the payers' monthly counts,
 * in the caller's transaction: only the given slices (a prefecture and table type, both fixed by the code),
 * or everything. A facility's category may change with a new list, so a slice is recomputed whole.
 */
export async function refreshClaimsSummary(
  tx: Tx,
  only?: readonly { prefecture: string; tableType: string }[],
): Promise<void> {
  const inSlices = (alias: string) =>
    only
      ? sql`(${sql.raw(alias)}.prefecture, ${sql.raw(alias)}.table_type::text) in (select * from unnest(
          ${arrayParam(only.map((g) => g.prefecture))}::text[], ${arrayParam(only.map((g) => g.tableType))}::text[]))`
      : sql`true`;
  await tx.query(sql`delete from claims_summary s where ${inSlices("s")}`);
  await tx.query(
    sql`insert into claims_summary (month, prefecture, table_type, category, claims, online_claims)
        select m.month, f.prefecture, f.table_type, f.category, sum(m.claims), sum(m.online_claims)
        from monthly_claims m join facilities f on f.code = m.facility_code
        where ${inSlices("f")}
        group by m.month, f.prefecture, f.table_type, f.category`,
  );
}
