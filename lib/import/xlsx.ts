import { readCsv, type CsvReader, type ReadBatch } from "./read";
import { mapHeaders, type HeaderMapping, type ImportKind } from "./headers";
import { cellText, columnLetters, columnReading, type ColumnReading } from "./xlsx-cells";
import { SheetError, sheetRows, type SheetInfo, type SheetRow } from "./xlsx-sheet";
import { ImportFileError } from "./decode";
import type { RowError } from "./types";

/**
 * An .xlsx sheet read into the same records as a CSV: the sheet's rows are written out as CSV text (the
 * header row found below any title rows, cells as a CSV of the sheet would hold them) and read by
 * `readCsv`, so the same header mapping, row checks, duplicate rule and limits apply. Row numbers and
 * messages are then put back into the sheet's own terms: `row` is Excel's row number, `cell` the cell as
 * Excel names it (B12) and `sheet` the sheet's name.
 */

/** How far down the header row is looked for (title rows, a date line, notes above the table). */
const HEADER_SEARCH_ROWS = 20;

/** Where CSV line numbers stand against the sheet's rows: from `line` on, row = line + offset. */
interface LineShift {
  line: number;
  offset: number;
}

function quoted(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const headerLabel = (value: unknown) => cellText(value, "plain", false).replace(/\s+/g, " ").trim();

/** The row's cells as text, column A first, as far as `width` columns. */
function rowTexts(row: SheetRow, readings: ColumnReading[], date1904: boolean): string[] {
  const texts: string[] = new Array(readings.length);
  for (let i = 0; i < readings.length; i++) {
    const value = row.values[i + 1];
    // Date-formatted numbers (a formula's cached result too) are Dates by now.
    const text = cellText(value, readings[i], false, date1904);
    texts[i] = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  }
  return texts;
}

/**
 * The header row among the first rows: the one whose labels map the most known columns (the required ones
 * included). A label left empty under a vertically merged cell is the one above it (merged cells keep their
 * value in the top cell), so a two-row header reads as one. Throws the mapping's own error when no row maps.
 */
export function findHeader(
  kind: ImportKind,
  rows: SheetRow[],
): { index: number; labels: string[]; mapping: HeaderMapping } {
  let best: { index: number; labels: string[]; mapping: HeaderMapping; score: number } | null = null;
  let firstError: unknown = null;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const above = index > 0 && rows[index - 1].number === row.number - 1 ? rows[index - 1] : null;
    const width = Math.max(row.values.length, above?.values.length ?? 0) - 1;
    const labels = Array.from(
      { length: Math.max(width, 0) },
      (_, i) => headerLabel(row.values[i + 1]) || (above ? headerLabel(above.values[i + 1]) : ""),
    );
    if (labels.every((l) => l === "")) continue;
    try {
      const mapping = mapHeaders(kind, labels);
      const score = Object.keys(mapping.matched).length;
      if (!best || score > best.score) best = { index, labels, mapping, score };
    } catch (error) {
      firstError ??= error;
    }
  }
  if (best) return best;
  throw firstError ?? new ImportFileError("empty", "シートに見出し行がありません", "The sheet has no header row");
}

export interface XlsxReader<K extends ImportKind> extends Omit<CsvReader<K>, "encoding"> {
  encoding: () => "xlsx" | null;
  sheet: () => SheetInfo | null;
}

/** Reads the chosen sheet (the first shown by default) of an .xlsx workbook as it streams in. */
export function readXlsx<K extends ImportKind>(
  kind: K,
  source: AsyncIterable<Uint8Array>,
  options: { today: string; batchRows?: number; sheet?: string },
): XlsxReader<K> {
  let sheet: SheetInfo | null = null;
  let date1904 = false;
  let columns: (string | null)[] = [];
  const shifts: LineShift[] = [];
  const rows = sheetRows(source, options.sheet, (info, is1904) => {
    sheet = info;
    date1904 = is1904;
  });

  /** The sheet as CSV text in UTF-8, in pieces of about 256 KB. */
  async function* csvBytes(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    // The first rows, where the header is looked for (read by hand: leaving a for-await loop early would
    // close the rows for good); the rest of their piece follows them.
    const head: SheetRow[] = [];
    let rest: SheetRow[] = [];
    while (head.length < HEADER_SEARCH_ROWS) {
      const piece = await rows.next();
      if (piece.done) break;
      const room = HEADER_SEARCH_ROWS - head.length;
      head.push(...piece.value.slice(0, room));
      rest = piece.value.slice(room);
    }
    const name = sheet?.name ?? "";
    const names = sheet?.names ?? [];
    if (head.length === 0)
      throw new SheetError("empty", `シート「${name}」は空です`, `The sheet "${name}" is empty`, names);
    let header: ReturnType<typeof findHeader>;
    try {
      header = findHeader(kind, head);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      // A cover or notes sheet in front of the list: say which sheet was read, and offer the others.
      throw new SheetError(
        error.reason,
        `シート「${name}」: ${error.messageJa}`,
        `Sheet "${name}": ${error.message}`,
        names,
      );
    }
    columns = header.mapping.columns;
    const readings = columns.map(columnReading);
    shifts.push({ line: 1, offset: head[header.index].number - 1 });
    let text = header.labels.map(quoted).join(",") + "\n";
    let line = 2;
    const add = (row: SheetRow) => {
      const texts = rowTexts(row, readings, date1904);
      if (texts.every((t) => t.trim() === "")) return; // a blank row, as the CSV reader skips them
      const offset = row.number - line;
      if (offset !== shifts[shifts.length - 1].offset) shifts.push({ line, offset });
      text += texts.map(quoted).join(",") + "\n";
      line += 1;
      for (const t of texts) for (let at = t.indexOf("\n"); at !== -1; at = t.indexOf("\n", at + 1)) line++;
    };
    for (const row of head.slice(header.index + 1)) add(row);
    for (const row of rest) add(row);
    for (let piece = await rows.next(); !piece.done; piece = await rows.next()) {
      for (const row of piece.value) add(row);
      if (text.length >= 128 * 1024) {
        yield encoder.encode(text);
        text = "";
      }
    }
    yield encoder.encode(text);
  }

  /** The sheet's row number of a CSV line (the last shift at or before it applies). */
  function sheetRow(line: number): number {
    let lo = 0;
    let hi = shifts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shifts[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return line + (shifts[lo]?.offset ?? 0);
  }

  function inSheetTerms(error: RowError): RowError {
    const row = sheetRow(error.row);
    const column = columns.indexOf(error.column);
    // A duplicate names the line of the first occurrence: that too becomes the sheet's row.
    const message = error.message.replace(
      /^(\d+)(行目)/,
      (_, first: string, rest: string) => `${sheetRow(Number(first))}${rest}`,
    );
    const params =
      error.code === "import.row.duplicate" && error.params
        ? { ...error.params, first: String(sheetRow(Number(error.params.first))) }
        : error.params;
    return {
      ...error,
      row,
      message,
      params,
      sheet: sheet?.name,
      cell: column >= 0 ? `${columnLetters(column)}${row}` : undefined,
    };
  }

  const csv = readCsv(kind, csvBytes(), { today: options.today, batchRows: options.batchRows });
  async function* batches(): AsyncGenerator<ReadBatch<K>> {
    for await (const batch of csv.batches) {
      yield {
        rows: batch.rows.map((r) => ({ row: sheetRow(r.row), value: r.value })),
        errors: batch.errors.map(inSheetTerms),
      };
    }
  }
  return { encoding: () => (sheet ? "xlsx" : null), mapping: csv.mapping, sheet: () => sheet, batches: batches() };
}
