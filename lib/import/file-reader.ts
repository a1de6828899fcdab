import { readCsv, type ReadBatch } from "./read";
import type { SheetInfo } from "./xlsx-sheet";
import type { FileEncoding } from "./decode";
import type { HeaderMapping, ImportKind } from "./headers";

/** Reads an import file of either kind, told apart by its first bytes (never by its name). */
export interface ImportFileReader<K extends ImportKind> {
  /** "utf-8" or "shift_jis" for a CSV, "xlsx" for a workbook; known once the first batch is read. */
  encoding: () => FileEncoding | "xlsx" | null;
  mapping: () => HeaderMapping | null;
  /** The sheet read and the book's sheets (a workbook only). */
  sheet: () => SheetInfo | null;
  batches: AsyncIterable<ReadBatch<K>>;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: what Excel writes for a password-protected book, and the old .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function* prepended(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * A CSV (UTF-8 or Shift_JIS) or an .xlsx workbook (its `sheet`, else the first shown), read into the same
 * batches of checked rows. A zip is taken as a workbook; a password-protected book or an .xls is refused
 * with a message that says so.
 */
export function readImportFile<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  options: { today: string; batchRows?: number; sheet?: string },
): ImportFileReader<K> {
  let reader: {
    encoding: () => FileEncoding | "xlsx" | null;
    mapping: () => HeaderMapping | null;
    sheet?: () => SheetInfo | null;
  } | null = null;
  async function* batches(): AsyncGenerator<ReadBatch<K>> {
    const chunks = source[Symbol.asyncIterator]();
    // The first chunk (a file stream's first 64 KB or more) always holds the eight bytes looked at.
    const first = await chunks.next();
    const head = first.done ? new Uint8Array(0) : first.value;
    const bytes = prepended(head, chunks);
    // The workbook reader (exceljs and the zip reader with it) is loaded for a workbook only: a CSV is
    // read without it, and a reader thread starts without it.
    if (startsWith(head, OLE)) throw (await import("./xlsx-sheet")).encryptedOrLegacyWorkbook();
    const chosen = startsWith(head, ZIP)
      ? (await import("./xlsx")).readXlsx(kind, bytes, options)
      : readCsv(kind, bytes, options);
    reader = chosen;
    yield* chosen.batches;
  }
  return {
    encoding: () => reader?.encoding() ?? null,
    mapping: () => reader?.mapping() ?? null,
    sheet: () => reader?.sheet?.() ?? null,
    batches: batches(),
  };
}
