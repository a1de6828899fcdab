import { csvLine } from "./encode";

/** Rows already written as CSV lines (`csvLine`'s format, each ending in a line break), or their UTF-8 bytes. */
export type EncodedLines = readonly string[] | { bytes: Uint8Array<ArrayBuffer>; rows: number };

/**
 * Rows one by one, or (for a long stream) arrays of rows as they are produced: one await per array; or
 * rows already written as CSV lines.
 */
export type RowSource =
  | Iterable<readonly unknown[]>
  | AsyncIterable<readonly unknown[]>
  | { batches: AsyncIterable<readonly (readonly unknown[])[]> }
  | { lines: AsyncIterable<EncodedLines> };

/**
 * Groups rows into CSV text chunks of about `chunkBytes` characters, counting the rows in `tally`. Lines
 * that come as bytes go out as they came (text gathered before them first).
 */
export async function* csvChunks(
  rows: RowSource,
  width: number,
  chunkBytes: number,
  tally: { rows: number },
): AsyncGenerator<string | Uint8Array<ArrayBuffer>> {
  let chunk = "";
  const add = (row: readonly unknown[]) => {
    if (row.length !== width) throw new Error(`row ${tally.rows + 1} has ${row.length} values for ${width} columns`);
    chunk += csvLine(row);
    tally.rows++;
  };
  // A plain iterable is read synchronously: an await per row would cost more than the CSV itself.
  if ("lines" in rows) {
    for await (const lines of rows.lines) {
      if ("bytes" in lines) {
        if (chunk.length > 0) yield chunk;
        chunk = "";
        tally.rows += lines.rows;
        if (lines.bytes.length > 0) yield lines.bytes;
        continue;
      }
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
