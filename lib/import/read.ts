import Papa from "papaparse";
import { decodeChunks, ImportFileError, type FileEncoding } from "./decode";
import { mapHeaders, type HeaderMapping, type ImportKind } from "./headers";
import { facilityRow } from "./facility-row";
import { filingRow } from "./filing-row";
import { eventRow } from "./event-row";
import { claimsRow } from "./claims-row";
import { FirstLines } from "./first-lines";
import { cellTooLong, MAX_CELL_CHARS, MAX_RECORD_CHARS } from "./limits";
import { describeCodeRepair } from "./code-repairs";
import type { CertificateOnlyRow, ClaimsRow, EventRow, FacilityRow, FilingRow, RowError } from "./types";
import { errorText } from "../i18n/errors";
import { formatCount } from "../i18n/format";

/** The checked row of each kind (a key per kind: a new kind does not compile until it has one). */
type RowByKind = {
  facilities: FacilityRow;
  filings: FilingRow;
  events: EventRow | CertificateOnlyRow;
  claims: ClaimsRow;
};
type EveryKind<T extends Record<ImportKind, unknown>> = T;

export type RowOf<K extends ImportKind> = EveryKind<RowByKind>[K];

export interface ReadBatch<K extends ImportKind> {
  rows: { row: number; value: RowOf<K> }[];
  errors: RowError[];
  /** Accepted rows whose code was written otherwise (no leading zero, full-width, hyphens). */
  repairs?: { row: number; code: string; detail: string }[];
}

export interface CsvReader<K extends ImportKind> {
  /** Known once the first batch has been read (or the file refused). */
  encoding: () => FileEncoding | null;
  mapping: () => HeaderMapping | null;
  batches: AsyncIterable<ReadBatch<K>>;
}

/** The read stage's check of one row, by kind. */
const ROW_CHECKS: Record<ImportKind, (row: number, cells: Record<string, string>, today: string) => unknown> = {
  facilities: (row, cells) => facilityRow(row, cells),
  filings: (row, cells) => filingRow(row, cells),
  events: eventRow,
  claims: claimsRow,
};

function validate<K extends ImportKind>(kind: K, row: number, cells: Record<string, string>, today: string) {
  return ROW_CHECKS[kind](row, cells, today) as ReturnType<
    typeof facilityRow | typeof filingRow | typeof eventRow | typeof claimsRow
  >;
}

/**
 * Identity within one file: the code for facility lists and filings (ten digits once checked, so a
 * number), code + state + date for events.
 */
function identity(
  kind: ImportKind,
  value: FacilityRow | FilingRow | EventRow | CertificateOnlyRow | ClaimsRow,
): number | string {
  if (kind === "claims") return `${value.code}|${(value as ClaimsRow).month}`;
  if (kind === "events" && !("state" in value)) {
    const c = (value as CertificateOnlyRow).certificate;
    return `${c.code}|certificate|${c.terminal}|${c.appliedOn ?? c.issuedOn}`;
  }
  if (kind === "events") {
    const e = value as EventRow;
    return `${e.code}|${e.state}|${e.effectiveOn}`;
  }
  return Number(value.code);
}

/** "\r\n" when the first line break in the text is one, else "\n" (a lone "\r" is taken as Excel for Mac). */
function lineBreakOf(text: string): "\r\n" | "\n" | "\r" {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (lf === -1) return cr === -1 ? "\n" : "\r";
  return cr === lf - 1 ? "\r\n" : cr !== -1 && cr < lf ? "\r" : "\n";
}

/** Records parsed from one piece of text, and the physical line breaks they took up. */
interface ParsedPiece {
  records: string[][];
  lineBreaks: number;
  /** Lines end in a lone "\r" (Excel for Mac). */
  mac: boolean;
}

/** How many times `mark` occurs in `text` before `end`. */
function occurrences(text: string, mark: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf(mark); at !== -1 && at < end; at = text.indexOf(mark, at + 1)) n++;
  return n;
}

/**
 * Line breaks in `text` before `end` as an editor shows them: each "\n" ("\r\n" is one), and in a file
 * whose lines end in "\r" each "\r" as well (an "\n" inside a cell still breaks the line there).
 */
function lineBreaks(text: string, end: number, mac: boolean): number {
  const lf = occurrences(text, "\n", end);
  return mac ? lf + occurrences(text, "\r", end) - occurrences(text, "\r\n", end - 1) : lf;
}

/**
 * The CSV records of a text that arrives in pieces, a piece's worth at a time. Papa's Parser is driven
 * directly: each piece is parsed with the unfinished last record held back (its cursor says where that
 * record starts) and put in front of the next piece. Pulled, so a slow reader slows the file down instead
 * of piling it up in memory, and linear: Papa's own Node stream mode re-slices a chunk at every pause,
 * which is quadratic in the chunk. Whole arrays are handed on: an async step per record costs more than
 * parsing it. With each piece come the line breaks in the text its records were read from, so that line
 * numbers need no look inside the cells unless some cell holds a line break. The held-back record is
 * never longer than MAX_RECORD_CHARS (beyond it the file is refused), so each piece is parsed at most once
 * more: reading stays linear even for a file that is one open quote or one endless line.
 */
async function* parseRecords(pieces: AsyncIterable<string>): AsyncGenerator<ParsedPiece> {
  let parser: Papa.Parser | null = null;
  let pending = "";
  let mac = false;
  for await (const piece of pieces) {
    const text = pending + piece;
    if (!parser) {
      const newline = lineBreakOf(text);
      mac = newline === "\r";
      parser = new Papa.Parser({ delimiter: ",", newline, quoteChar: '"', header: false, skipEmptyLines: false });
    }
    const result = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
    const cursor = result.meta.cursor;
    pending = text.slice(cursor);
    if (pending.length > MAX_RECORD_CHARS) throw recordTooLong();
    if (result.data.length > 0) yield { records: result.data, lineBreaks: lineBreaks(text, cursor, mac), mac };
  }
  if (parser && pending !== "") {
    const result = parser.parse(pending, 0, false) as Papa.ParseResult<string[]>;
    const records = result.data.filter((record) => !(record.length === 1 && record[0] === ""));
    yield { records, lineBreaks: lineBreaks(pending, pending.length, mac), mac };
  }
}

function recordTooLong(): ImportFileError {
  return new ImportFileError(
    "line_too_long",
    `${formatCount(MAX_RECORD_CHARS, "ja")}文字を超える行（または閉じられていない引用符 " ）があります。CSV として読めません`,
    `A line is longer than ${formatCount(MAX_RECORD_CHARS, "en")} characters (or a quote " is never closed); ` +
      `the file cannot be read as CSV`,
  );
}

/** Characters of a parsed record: its cells and the commas between them. */
function recordLength(record: string[]): number {
  let n = record.length - 1;
  for (const cell of record) n += cell.length;
  return n;
}

/** Line breaks inside a record's quoted cells (so that row numbers follow the physical lines). */
function innerLineBreaks(record: string[], mac: boolean): number {
  let n = 0;
  for (const cell of record) n += lineBreaks(cell, cell.length, mac);
  return n;
}

/**
 * Reads a CSV as it streams in: decodes, maps the header, validates each record and hands the rows over
 * in batches (of 5,000 rows unless `batchRows` says otherwise). `row` is the physical line where a record
 * starts (the header is line 1), so a quoted line break moves the numbers on as a text editor shows them.
 */
export function readCsv<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  options: { today: string; batchRows?: number },
): CsvReader<K> {
  const batchRows = options.batchRows ?? 5000;
  let encoding: FileEncoding | null = null;
  let mapping: HeaderMapping | null = null;
  async function* batches(): AsyncGenerator<ReadBatch<K>> {
    const records = parseRecords(decodeChunks(source, (e) => (encoding = e)));
    const seen = new FirstLines();
    let line = 1;
    let batch: ReadBatch<K> = { rows: [], errors: [] };
    // The file's known columns: each key and the index of its column.
    let keys: string[] = [];
    let columns: number[] = [];
    // One object for every record's cells, refilled each time: the row checks read it and keep nothing of it.
    let cells: Record<string, string> = {};
    for await (const piece of records) {
      // A record per line break: no cell holds one, and each record is one line further on.
      const oneLineEach = piece.lineBreaks === piece.records.length;
      for (const record of piece.records) {
        const start = line;
        line += oneLineEach ? 1 : 1 + innerLineBreaks(record, piece.mac);
        if (recordLength(record) > MAX_RECORD_CHARS) throw recordTooLong();
        if (!mapping) {
          mapping = mapHeaders(kind, record);
          const mapped = mapping.columns.flatMap((key, i): [string, number][] => (key ? [[key, i]] : []));
          keys = mapped.map(([key]) => key);
          columns = mapped.map(([, i]) => i);
          cells = Object.fromEntries(keys.map((key) => [key, ""]));
          continue;
        }
        if (record[0].trim() === "" && record.every((cell) => cell.trim() === "")) continue; // a blank line
        let tooLong: RowError | null = null;
        for (let k = 0; k < keys.length; k++) {
          const cell = record[columns[k]] ?? "";
          if (cell.length > MAX_CELL_CHARS) tooLong ??= cellTooLong(start, keys[k], cell);
          cells[keys[k]] = cell;
        }
        const result = tooLong ? { errors: [tooLong] } : validate(kind, start, cells, options.today);
        if ("errors" in result) batch.errors.push(...result.errors);
        else {
          const first = seen.firstOr(identity(kind, result.value), start);
          if (first !== undefined) {
            batch.errors.push({
              row: start,
              column: "code",
              value: result.value.code,
              code: "import.row.duplicate",
              params: { first: String(first) },
              message: errorText("ja", "import.row.duplicate", { first: String(first) }),
            });
          } else batch.rows.push({ row: start, value: result.value as RowOf<K> });
          const repair = describeCodeRepair(cells.code ?? "", result.value.code);
          if (repair)
            (batch.repairs ??= []).push({ row: start, code: result.value.code, detail: `${repair.ja} / ${repair.en}` });
        }
        if (batch.rows.length + batch.errors.length >= batchRows) {
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
