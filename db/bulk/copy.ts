import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import type { Tx } from "../transaction";
import { csvChunks, type RowSource } from "./chunks";

/**
 * COPY on both drivers: the rows are turned into CSV chunks and streamed, postgres-js through
 * `COPY … FROM STDIN`, PGlite through `COPY … FROM '/dev/blob'` a chunk at a time.
 */

export interface CopyOptions {
  /** Rough size of one CSV chunk (one COPY statement on PGlite, one write on PostgreSQL). */
  chunkBytes?: number;
}

/** A name quoted for SQL, for statements built from table and column names. */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], from: string): string {
  const qualified = table.split(".").map(identifier).join(".");
  return `copy ${qualified} (${columns.map(identifier).join(", ")}) from ${from} with (format csv)`;
}

/**
 * Streams CSV chunks into `COPY … FROM STDIN`. postgres-js 3.4.9 never settles the writable when the server
 * rejects the data after the last chunk was sent (porsager/postgres#1173: a bad row or a duplicate key
 * would hang the load and leave the transaction open), so the server's error is caught where the library
 * reports it, on the query, and used to fail the stream; the caller's transaction then rolls back.
 */
async function copyFromStdin(
  sql: postgres.TransactionSql,
  statement: string,
  chunks: AsyncIterable<string | Uint8Array<ArrayBuffer>>,
): Promise<void> {
  const query = sql.unsafe(statement);
  const settle = query as unknown as { reject: (error: unknown) => void };
  const reject = settle.reject;
  const copy: { stream?: Writable } = {};
  settle.reject = (error) => {
    copy.stream?.destroy(error instanceof Error ? error : new Error(String(error)));
    reject(error);
  };
  copy.stream = await query.writable();
  await pipeline(Readable.from(chunks, { objectMode: false }), copy.stream);
}

/** Loads rows into `table` (`columns` in row order) inside the transaction; returns the number of rows. */
export async function copyInto(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: RowSource,
  options: CopyOptions = {},
): Promise<number> {
  const tally = { rows: 0 };
  const target = tx.target;
  if (target.kind === "postgres") {
    const chunks = csvChunks(rows, columns.length, options.chunkBytes ?? 1 << 20, tally);
    await copyFromStdin(target.sql, copyStatement(table, columns, "stdin"), chunks);
  } else {
    // Each chunk is its own COPY: PGlite reads the blob whole, so chunks bound the memory it needs.
    for await (const chunk of csvChunks(rows, columns.length, options.chunkBytes ?? 4 << 20, tally)) {
      await target.tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
    }
  }
  return tally.rows;
}
