import { csvLine } from "./encode";

/**
 * Rows one by one, or (for a long stream) arrays of rows as they are produced: one await per array; or
 * arrays of rows already written as CSV lines (`csvLine`'s format, each ending in a line break).
 */
export type RowSource =
  | Iterable<readonly unknown[]>
  | AsyncIterable<readonly unknown[]>
  | { batches: AsyncIterable<readonly (readonly unknown[])[]> }
  | { lines: AsyncIterable<readonly string[]> };

/** Groups rows into CSV text chunks of about `chunkBytes` characters, counting the rows in `tally`. */
export async function* csvChunks(
  rows: RowSource,
  width: number,
  chunkBytes: number,
  tally: { rows: number },
): AsyncGenerator<string> {
  let chunk = "";
  const add = (row: readonly unknown[]) => {
    if (row.length !== width) throw new Error(`row ${tally.rows + 1} has ${row.length} values for ${width} columns`);
    chunk += csvLine(row);
    tally.rows++;
  };
  // A plain iterable is read synchronously: an await per row would cost more than the CSV itself.
  if ("lines" in rows) {
    for await (const lines of rows.lines) {
      for (const line of lines) {
        chunk += line;
        tally.rows++;
        if (chunk.length >= chunkBytes) {
          yield chunk;
          chunk = "";
        }
      }
    }
  } else if ("batches" in rows) {
    for await (const batch of rows.batches) {
      for (const row of batch) {
        add(row);
        if (chunk.length >= chunkBytes) {
          yield chunk;
          chunk = "";
        }
      }
    }
  } else if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      add(row);
      if (chunk.length >= chunkBytes) {
        yield chunk;
        chunk = "";
      }
    }
  } else {
    for (const row of rows) {
      add(row);
      if (chunk.length >= chunkBytes) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}
