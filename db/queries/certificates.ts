import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";

/**
 * Keeps certificates.renewed_on in step: for each issued certificate, the issue day of the next one for
 * the same facility and terminal (ordered by issued_on, expires_on), null for the latest. `codes` limits
 * the work to the facilities just written; null means every facility (the seed). Same transaction as the
 * writes.
 */
export async function refreshCertificateRenewals(tx: Tx, codes: string[] | null): Promise<void> {
  if (codes !== null && codes.length === 0) return;
  const only = codes === null ? sql`` : sql`and facility_code = any(${arrayParam(codes)}::text[])`;
  await tx.query(
    sql`update certificates c set renewed_on = t.next
     from (
       select id, lead(issued_on) over (partition by facility_code, terminal order by issued_on, expires_on, id) as next
       from certificates where issued_on is not null ${only}
     ) t
     where c.id = t.id and c.renewed_on is distinct from t.next`,
  );
}
