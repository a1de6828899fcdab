import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { facilityFilter } from "./scope";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";
import { funnelOn, NEVER, type FunnelFacts } from "../../lib/figures/funnel";
import type { FunnelStep } from "../../lib/figures/types";

export interface FunnelFilter {
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

const COLUMNS = {
  closedOn: "closed_on",
  deferred: "first_deferred_on",
  applied: "first_applied_on",
  certificate: "first_certificate_on",
  online: "first_online_on",
} as const;

/**
 * The funnel's facilities within the scope and filter (in SQL): every facility that started on optical disk, with
 * its closing day and the first day of each later step as day numbers. They hold for any date of this data.
 * Each column comes as one text of comma-separated numbers (empty for none): nationally some 70,000 facilities,
 * which as rows cost the driver several times the query. The aggregates read the rows in one pass, so the
 * n-th number of every column is the same facility's.
 */
export async function funnelFacts(db: Db, scope: Scope, filter: FunnelFilter): Promise<FunnelFacts> {
  const keys = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
  const [row] = await queryRows<Record<keyof FunnelFacts, string | null>>(
    db,
    sql`select ${sql.join(
      keys.map((key) => {
        const day = sql`(f.${sql.raw(COLUMNS[key])} - date '1970-01-01')::text`;
        return sql`string_agg(coalesce(${day}, ''), ',') as ${sql.identifier(key)}`;
      }),
      sql`, `,
    )}
        from facilities f
        where ${facilityFilter(scope, filter)} and f.initial_state = 'optical_disk'`,
  );
  // No facility gives null; one without the day gives an empty text.
  const column = (text: string | null | undefined) =>
    text == null ? new Int32Array(0) : Int32Array.from(text.split(","), (v) => (v === "" ? NEVER : Number(v)));
  return {
    closedOn: column(row?.closedOn),
    deferred: column(row?.deferred),
    applied: column(row?.applied),
    certificate: column(row?.certificate),
    online: column(row?.online),
  };
}

/**
 * The path of the facilities that started on optical disk: how many reached each step by the date, the
 * share that moved on, and how long the step took. Steps may be skipped (no certificate with a shared
 * terminal), so "moved on" means reached any later step.
 */
export async function funnel(db: Db, scope: Scope, filter: FunnelFilter & { asOf: string }): Promise<FunnelStep[]> {
  return funnelOn(await funnelFacts(db, scope, filter), filter.asOf);
}
