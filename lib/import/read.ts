import Papa from "papaparse";
import { decodeChunks, ImportFileError, type FileEncoding } from "./decode";
import { mapHeaders, type HeaderMapping, type ImportKind } from "./headers";
import { facilityRow } from "./facility-row";
import { filingRow } from "./filing-row";
import { eventRow } from "./event-row";
import type { EventRow, FacilityRow, FilingRow, RowError } from "./types";

export type RowOf<K extends ImportKind> = K extends "facilities" ? FacilityRow : K extends "filings" ? FilingRow : EventRow;

export interface ReadBatch<K extends ImportKind> {
  rows: { row: number; value: RowOf<K> }[];
  errors: RowError[];
}

export interface CsvReader<K extends ImportKind> {
  /** Known once the first batch has been read (or the file refused). */
  encoding: () => FileEncoding | null;
  mapping: () => HeaderMapping | null;
  batches: AsyncIterable<ReadBatch<K>>;
}

const BATCH = 5000;

function validate<K extends ImportKind>(kind: K, row: number, cells: Record<string, string>, today: string) {
  if (kind === "facilities") return facilityRow(row, cells);
  if (kind === "filings") return filingRow(row, cells);
  return eventRow(row, cells, today);
}

/** Identity within one file: a code for facility lists and filings, code + state + date for events. */
function identity(kind: ImportKind, value: FacilityRow | FilingRow | EventRow): string {
  if (kind === "events") {
    const e = value as EventRow;
    return `${e.code}|${e.state}|${e.effectiveOn}`;
  }
  return value.code;
}

/** "\r\n" when the first line break in the text is one, else "\n" (a lone "\r" is taken as Excel for Mac). */
function lineBreakOf(text: string): "\r\n" | "\n" | "\r" {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (lf === -1) return cr === -1 ? "\n" : "\r";
  return cr === lf - 1 ? "\r\n" : cr !== -1 && cr < lf ? "\r" : "\n";
}

/**
 * The CSV records of a text that arrives in pieces, a piece's worth at a time. Papa's Parser is driven
 * directly: each piece is parsed with the unfinished last record held back (its cursor says where that
 * record starts) and put in front of the next piece. Pulled, so a slow reader slows the file down instead
 * of piling it up in memory, and linear: Papa's own Node stream mode re-slices a chunk at every pause,
 * which is quadratic in the chunk. Whole arrays are handed on: an async step per record costs more than
 * parsing it.
 */
async function* parseRecords(pieces: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let parser: Papa.Parser | null = null;
  let pending = "";
  for await (const piece of pieces) {
    const text = pending + piece;
    parser ??= new Papa.Parser({ delimiter: ",", newline: lineBreakOf(text), quoteChar: '"', header: false, skipEmptyLines: false });
    const result = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
    pending = text.slice(result.meta.cursor);
    if (result.data.length > 0) yield result.data;
  }
  if (parser && pending !== "") {
    const result = parser.parse(pending, 0, false) as Papa.ParseResult<string[]>;
    yield result.data.filter((record) => !(record.length === 1 && record[0] === ""));
  }
}

/** Line breaks inside a record's quoted cells (so that row numbers follow the physical lines). */
function innerLineBreaks(record: string[]): number {
  let n = 0;
  for (const cell of record) {
    for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) n++;
  }
  return n;
}

/**
 * Reads a CSV as it streams in: decodes, maps the header, validates each record and hands the rows over
 * in batches of 5,000. `row` is the physical line where a record starts (the header is line 1), so a
 * quoted line break moves the numbers on as a text editor would show them.
 */
export function readCsv<K extends ImportKind>(kind: K, source: AsyncIterable<Uint8Array>, options: { today: string }): CsvReader<K> {
  let encoding: FileEncoding | null = null;
  let mapping: HeaderMapping | null = null;
  async function* batches(): AsyncGenerator<ReadBatch<K>> {
    const records = parseRecords(decodeChunks(source, (e) => (encoding = e)));
    const seen = new Map<string, number>();
    let line = 1;
    let batch: ReadBatch<K> = { rows: [], errors: [] };
    let mapped: [string, number][] = [];
    for await (const piece of records) {
      for (const record of piece) {
        const start = line;
        line += 1 + innerLineBreaks(record);
        if (!mapping) {
          mapping = mapHeaders(kind, record);
          mapped = mapping.columns.flatMap((key, i): [string, number][] => (key ? [[key, i]] : []));
          continue;
        }
        if (record[0].trim() === "" && record.every((cell) => cell.trim() === "")) continue; // a blank line
        const cells: Record<string, string> = {};
        for (const [key, i] of mapped) cells[key] = record[i] ?? "";
        const result = validate(kind, start, cells, options.today);
        if ("errors" in result) batch.errors.push(...result.errors);
        else {
          const id = identity(kind, result.value);
          const first = seen.get(id);
          if (first !== undefined) {
            batch.errors.push({ row: start, column: "code", value: result.value.code, message: `${first}行目と重複しています（後の行は取り込みません）` });
          } else {
            seen.set(id, start);
            batch.rows.push({ row: start, value: result.value as RowOf<K> });
          }
        }
        if (batch.rows.length + batch.errors.length >= BATCH) {
          yield batch;
          batch = { rows: [], errors: [] };
        }
      }
    }
    if (!mapping) throw new ImportFileError("empty", "ファイルに見出し行がありません", "The file has no header row");
    if (batch.rows.length + batch.errors.length > 0) yield batch;
  }
  return { encoding: () => encoding, mapping: () => mapping, batches: batches() };
}
