import { Readable } from "node:stream";
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

/**
 * Reads a CSV as it streams in: decodes, maps the header, validates each record and hands the rows over
 * in batches of 5,000. `row` is the physical line where a record starts (the header is line 1), so a
 * quoted line break moves the numbers on as a text editor would show them.
 */
export function readCsv<K extends ImportKind>(kind: K, source: AsyncIterable<Uint8Array>, options: { today: string }): CsvReader<K> {
  let encoding: FileEncoding | null = null;
  let mapping: HeaderMapping | null = null;
  async function* batches(): AsyncGenerator<ReadBatch<K>> {
    const text = Readable.from(decodeChunks(source, (e) => (encoding = e)));
    const parser = text.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false }));
    // pipe() does not pass errors on: without this an undecodable file would leave the parser waiting forever.
    text.once("error", (error) => parser.destroy(error));
    const seen = new Map<string, number>();
    let line = 1;
    let batch: ReadBatch<K> = { rows: [], errors: [] };
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      if (!mapping) {
        mapping = mapHeaders(kind, record);
        continue;
      }
      if (record.length === 1 && record[0].trim() === "") continue; // a blank line
      if (record.every((cell) => cell.trim() === "")) continue;
      const cells: Record<string, string> = {};
      mapping.columns.forEach((key, i) => {
        if (key) cells[key] = record[i] ?? "";
      });
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
    if (!mapping) throw new ImportFileError("empty", "ファイルに見出し行がありません", "The file has no header row");
    if (batch.rows.length + batch.errors.length > 0) yield batch;
  }
  return { encoding: () => encoding, mapping: () => mapping, batches: batches() };
}
