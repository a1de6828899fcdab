import type { Executor } from "../executor";

/**
 * Rebuilds the claims summary (month × prefecture × table type × category) from the payers' monthly counts,
 * in the caller's transaction: only the given slices (a prefecture and table type, both fixed by the code),
 * or everything. A facility's category may change with a new list, so a slice is recomputed whole.
 */
export async function refreshClaimsSummary(
  tx: Executor,
  only?: readonly { prefecture: string; tableType: string }[],
): Promise<void> {
  const slices = only ? [only.map((g) => g.prefecture), only.map((g) => g.tableType)] : [null, null];
  const inSlices = (alias: string) =>
    `($1::text[] is null or (${alias}.prefecture, ${alias}.table_type::text) in (select * from unnest($1::text[], $2::text[])))`;
  await tx.query(`delete from claims_summary s where ${inSlices("s")}`, slices);
  await tx.query(
    `insert into claims_summary (month, prefecture, table_type, category, claims, online_claims)
     select m.month, f.prefecture, f.table_type, f.category, sum(m.claims), sum(m.online_claims)
     from monthly_claims m join facilities f on f.code = m.facility_code
     where ${inSlices("f")}
     group by m.month, f.prefecture, f.table_type, f.category`,
    slices,
  );
}
