import "server-only";
import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit-entry";
import { actorOf } from "@/app/_actor";
import type { CurrentUser } from "@/app/_auth/session";
import { countCsvRecords } from "@/lib/csv-records";

/** Records a download in the audit log: which export, with which filters, how many rows. */
export async function auditExport(user: CurrentUser, name: string, filters: object, rows: number): Promise<void> {
  await writeAudit(getDb(), await actorOf(user), "export", name, { filters, rows });
}

/**
 * Passes a streamed export's chunks through and, once the last one has gone out, records the export with
 * its row count. (The actor is read before streaming starts: request headers are gone by then.)
 */
export async function auditedChunks<T extends unknown[] | string>(user: CurrentUser, name: string, filters: object, chunks: AsyncIterable<T>): Promise<AsyncGenerator<T>> {
  const actor = await actorOf(user);
  return (async function* () {
    let rows = 0;
    for await (const chunk of chunks) {
      // A chunk is rows, or CSV text the database already wrote (then its records are counted).
      rows += typeof chunk === "string" ? countCsvRecords(chunk) : chunk.length;
      yield chunk;
    }
    await writeAudit(getDb(), actor, "export", name, { filters, rows });
  })();
}
