import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit-entry";
import { actorOf } from "@/app/_lib/actor";
import type { CurrentUser } from "@/app/_auth/session";
import { countCsvRecords } from "@/lib/csv-records";
import { countedChunks } from "@/lib/counted-chunks";

/** Records a download built whole before it is sent: which export, with which filters, how many rows. */
export async function auditExport(user: CurrentUser, name: string, filters: object, rows: number): Promise<void> {
  await writeAudit(getDb(), await actorOf(user), "export", name, { filters, rows });
}

/**
 * A streamed export in the audit log twice, under one export id: `export.started` before the first byte
 * (so a download that never finishes is on record), then `export` with the rows sent when the last chunk
 * has gone out, or `export.cut_off` with the rows sent so far when the client went away or the query
 * failed. (The actor is read before streaming starts: request headers are gone by then.)
 */
export async function auditedChunks<T extends unknown[] | string>(
  user: CurrentUser,
  name: string,
  filters: object,
  chunks: AsyncIterable<T>,
): Promise<AsyncIterableIterator<T>> {
  const actor = await actorOf(user);
  const exportId = randomUUID();
  await writeAudit(getDb(), actor, "export.started", name, { exportId, filters });
  // A chunk is rows, or CSV text the database already wrote (then its records are counted).
  const rowsOf = (chunk: T) => (typeof chunk === "string" ? countCsvRecords(chunk) : chunk.length);
  return countedChunks(chunks, rowsOf, async (end) => {
    const action = end.outcome === "complete" ? "export" : "export.cut_off";
    await writeAudit(getDb(), actor, action, name, {
      exportId,
      filters,
      rows: end.rows,
      ...(end.reason && { reason: end.reason }),
    }).catch((error) => console.error(`audit of the end of export ${name} failed`, error));
  });
}
