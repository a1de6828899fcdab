import { ImportFileError, type FileEncoding } from "../../lib/import/decode";
import type { HeaderMapping } from "../../lib/import/headers";
import type { ReadBatch } from "../../lib/import/read";
import type { RowError } from "../../lib/import/types";
import type { SheetInfo } from "../../lib/import/xlsx-sheet";
import type { FacilityTarget } from "./facility-lines";

/** The messages between the main thread and a facility list's reader thread (./facility-reader.ts). */

/** Chunks of the file asked for ahead of the one being read. */
export const INPUT_AHEAD = 2;
/** Batches the reader may send ahead of the main thread (about 170 kB of lines each for a national list). */
export const QUEUED_BATCHES = 8;

/** What the reader thread is started with (its `workerData`). */
export interface ReaderStart {
  options: { today: string; batchRows?: number; sheet?: string };
}

/** The file's chunks and its end; where the rows go (sent once, when the writer knows); a batch taken. */
export type ToReader =
  { type: "chunk"; bytes: Uint8Array } | { type: "end" } | { type: "target"; target: FacilityTarget } | { type: "ack" };

/** What the reader knows of the file so far. */
export interface ReaderState {
  encoding: FileEncoding | "xlsx" | null;
  mapping: HeaderMapping | null;
  sheet: SheetInfo | null;
}

/**
 * A batch as read: each accepted-so-far row's line in the file, its code (one string, a line each: one
 * string crosses between threads far faster than a thousand) and where its COPY line ends in `bytes`
 * (UTF-8, `size` bytes used); the rows refused by the row checks; the code repairs.
 */
export interface LineBatch {
  rows: Int32Array;
  codes: string;
  ends: Uint32Array;
  bytes: ArrayBuffer;
  size: number;
  errors: RowError[];
  repairs?: ReadBatch<"facilities">["repairs"];
}

export type ToMain =
  | { type: "pull" }
  | ({ type: "batch" } & LineBatch & ReaderState)
  | ({ type: "done" } & ReaderState)
  | ({ type: "failed"; error: DescribedError } & ReaderState);

/** An error as it crosses between threads: a file the reader refused keeps its reason and both messages. */
export type DescribedError =
  | { file: true; reason: ImportFileError["reason"]; messageJa: string; message: string; sheets?: string[] }
  | { file: false; name: string; message: string; stack?: string };

export function describeError(error: unknown): DescribedError {
  if (error instanceof ImportFileError) {
    const sheets = "sheets" in error ? (error.sheets as string[]) : undefined;
    return { file: true, reason: error.reason, messageJa: error.messageJa, message: error.message, sheets };
  }
  if (error instanceof Error) return { file: false, name: error.name, message: error.message, stack: error.stack };
  return { file: false, name: "Error", message: String(error) };
}
