import type { DryRunDiff } from "../../lib/import/types";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import type { Scope } from "../../lib/scope";
import type { RowError } from "../../lib/import/types";
import type { ImportKind } from "../../lib/import/kinds";

export interface ImportBatchRow {
  id: number;
  kind: ImportKind;
  fileName: string;
  encoding: string | null;
  userEmail: string | null;
  dryRun: boolean;
  status: "running" | "done" | "dry_run" | "failed";
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Who may see a batch: national users see every batch; a user scoped to some prefectures sees the batches
 * they ran themselves (another branch's batches name files and rows that are not theirs to see).
 */
function visible(scope: Scope, userId: number) {
  return scope.kind === "national" ? sql`true` : sql`b.user_id = ${userId}`;
}

/** The newest batches first, a page at a time. */
export async function listImportBatches(
  db: Db,
  scope: Scope,
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ImportBatchRow[] }> {
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from import_batches b where ${visible(scope, userId)}`,
  );
  const items = await queryRows<ImportBatchRow>(
    db,
    sql`select b.id, b.kind, b.file_name as "fileName", b.encoding, b.user_email as "userEmail", b.dry_run as "dryRun",
          b.status,
               b.rows, b.inserted, b.updated, b.unchanged, b.rejected,
               to_char(b.started_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI:SS') as "startedAt",
               to_char(b.finished_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI:SS') as "finishedAt"
        from import_batches b where ${visible(scope, userId)}
        order by b.id desc limit ${page.limit} offset ${page.offset}`,
  );
  return { total, items };
}

/** One dry run's per-facility changes, or null when there is no such batch the user may see. */
export async function importBatchDiff(
  db: Db,
  scope: Scope,
  userId: number,
  id: number,
): Promise<{ fileName: string; diff: DryRunDiff | null } | null> {
  const [row] = await queryRows<{ fileName: string; diff: DryRunDiff | null }>(
    db,
    sql`select b.file_name as "fileName", b.diff from import_batches b
        where b.id = ${id} and ${visible(scope, userId)}`,
  );
  return row ?? null;
}

/** One batch's rejected rows, or null when there is no such batch the user may see. */
export async function importBatchErrors(
  db: Db,
  scope: Scope,
  userId: number,
  id: number,
): Promise<{ fileName: string; errors: RowError[]; errorsOmitted: number } | null> {
  const [row] = await queryRows<{ fileName: string; errors: RowError[]; errorsOmitted: number }>(
    db,
    sql`select b.file_name as "fileName", b.errors, b.errors_omitted as "errorsOmitted" from import_batches b
        where b.id = ${id} and ${visible(scope, userId)}`,
  );
  return row ?? null;
}
