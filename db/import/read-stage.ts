import { readImportFile } from "../../lib/import/file-reader";
import type { ReadBatch } from "../../lib/import/read";
import type { ImportKind } from "../../lib/import/kinds";
import type { EncodedLines } from "../bulk/chunks";
import { facilityLines, presentColumns, type FacilityTarget } from "./facility-lines";
import { startFacilityReader, type FacilityLineReader } from "./facility-reader";
import type { ReaderState } from "./facility-reader-protocol";

/**
 * The read stage as an import drives it. Rows are read and checked by lib/import in this thread; a facility
 * list of some size is read in a thread of its own (./facility-reader.ts), which also writes its rows as
 * COPY lines, so that this thread only admits them and streams them to the database while the next are read.
 */

/** A facility list at least this large is read in a thread of its own: below it, starting one costs more. */
export const THREAD_FROM_BYTES = 2 << 20;

/** A facility row as the admit stage sees it: its code, stated prefecture and place in its batch. */
export interface AdmittedKey {
  code: string;
  prefecture: string;
  index: number;
}

/** A batch of a facility list: its rows' keys, and the COPY lines of the rows admitted. */
export interface LinesPart extends Omit<ReadBatch<"facilities">, "rows"> {
  rows: { row: number; value: AdmittedKey }[];
  lines: (admitted: readonly AdmittedKey[]) => EncodedLines;
}

export interface ReadStage<K extends ImportKind> {
  encoding: () => ReaderState["encoding"];
  mapping: () => ReaderState["mapping"];
  sheet: () => ReaderState["sheet"];
  /** The checked rows, batch by batch. */
  rows: () => AsyncIterable<ReadBatch<K>>;
  /** A facility list's batches with their COPY lines for `target`. */
  lines: (target: FacilityTarget) => AsyncIterable<LinesPart>;
  /** Stops a reader thread still running (the import failed before the end of the file). */
  close: () => Promise<void>;
}

type ReadOptions = { today: string; batchRows?: number; sheet?: string };

/**
 * Opens the file for reading. A facility list of THREAD_FROM_BYTES or more (its first bytes are looked
 * at) gets its reader thread now, so that the thread starts up while the import opens its transaction.
 */
export async function openReadStage<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  options: ReadOptions & { threadFromBytes?: number },
): Promise<ReadStage<K>> {
  let reader: Pick<FacilityLineReader, "encoding" | "mapping" | "sheet"> | null = null;
  const inThisThread = (bytes: AsyncIterable<Uint8Array>) => {
    const chosen = readImportFile(kind, bytes, options);
    reader = chosen;
    return chosen.batches;
  };
  let file = source;
  let threaded: FacilityLineReader | null = null;
  if (kind === "facilities") {
    const { head, rest, ended } = await peek(source, options.threadFromBytes ?? THREAD_FROM_BYTES);
    file = prepended(head, rest);
    if (!ended) reader = threaded = await startFacilityReader(file, { options });
  }
  async function* linesInThisThread(target: FacilityTarget): AsyncGenerator<LinesPart> {
    let line: ReturnType<typeof facilityLines>["line"] | null = null;
    for await (const batch of inThisThread(file) as AsyncIterable<ReadBatch<"facilities">>) {
      line ??= facilityLines(target, presentColumns(reader!.mapping())).line;
      const encode = line;
      yield {
        ...batch,
        rows: batch.rows.map(({ row, value }, index) => ({
          row,
          value: { code: value.code, prefecture: value.prefecture, index },
        })),
        lines: (admitted) => admitted.map(({ index }) => encode(batch.rows[index].value)),
      };
    }
  }
  async function* linesInThread(thread: FacilityLineReader, target: FacilityTarget): AsyncGenerator<LinesPart> {
    for await (const batch of thread.batches(target)) {
      const { ends, size } = batch;
      const codes = batch.rows.length === 0 ? [] : batch.codes.split("\n");
      const all = new Uint8Array(batch.bytes, 0, size);
      yield {
        errors: batch.errors,
        repairs: batch.repairs,
        // A facility's prefecture is its code's first two digits (lib/facility-code.ts).
        rows: codes.map((code, index) => ({
          row: batch.rows[index],
          value: { code, prefecture: code.slice(0, 2), index },
        })),
        lines: (admitted) => {
          if (admitted.length === codes.length) return { bytes: all, rows: codes.length };
          const kept = new Uint8Array(size);
          let at = 0;
          for (const { index } of admitted) {
            const line = all.subarray(index === 0 ? 0 : ends[index - 1], ends[index]);
            kept.set(line, at);
            at += line.length;
          }
          return { bytes: kept.subarray(0, at), rows: admitted.length };
        },
      };
    }
  }
  return {
    encoding: () => reader?.encoding() ?? null,
    mapping: () => reader?.mapping() ?? null,
    sheet: () => reader?.sheet() ?? null,
    rows: () => inThisThread(file) as AsyncIterable<ReadBatch<K>>,
    lines: (target) => (threaded ? linesInThread(threaded, target) : linesInThisThread(target)),
    close: async () => threaded?.close(),
  };
}

/** The file's first chunks, up to `limit` bytes or its end (`ended`), and the rest. */
async function peek(
  source: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<{ head: Uint8Array[]; rest: AsyncIterator<Uint8Array>; ended: boolean }> {
  const rest = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  for (let bytes = 0; bytes < limit;) {
    const next = await rest.next();
    if (next.done) return { head, rest, ended: true };
    head.push(next.value);
    bytes += next.value.length;
  }
  return { head, rest, ended: false };
}

/** The chunks looked at, then the rest; stopped early, it lets the file go. */
async function* prepended(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
