import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { columnName, rowXml } from "./xlsx-sheet-rows";

/**
 * Excel workbooks for download, written while the rows are read (exceljs's streaming writer: each row is
 * committed to the zip as it comes, strings inline, never the whole sheet held). For people who work in
 * Excel: codes and other text stay text (leading zeros kept, Excel's "number stored as text" triangles
 * switched off), numbers are numbers, dates real dates shown the Japanese way, the header row frozen with
 * an autofilter, columns as wide as their contents, and what the list is (its filters and 基準日) written
 * above the table and in the book's properties. A text that looks like a formula stays text: a string is
 * always written as a string cell, never as a formula.
 */

/** How a column is written: text (the default for strings), a number, a ratio (as %), a date or a time. */
export type XlsxColumnKind = "text" | "number" | "decimal" | "ratio" | "date" | "datetime";

export interface XlsxSheetSpec {
  name: string;
  /** Lines written above the table: what it is, its 基準日, its filters. */
  notes: string[];
  header: string[];
  /** Per column; a column left out is read from its first values (a number, an ISO date, else text). */
  kinds?: (XlsxColumnKind | undefined)[];
}

export interface XlsxBookInfo {
  title: string;
  /** The filters and date, also kept in the book's properties (ファイル → 情報). */
  description: string;
}

const FORMATS: Record<XlsxColumnKind, string> = {
  text: "@",
  number: "#,##0",
  decimal: "General",
  ratio: "0.0%",
  date: 'yyyy"年"m"月"d"日"',
  datetime: "yyyy/m/d h:mm:ss",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

function kindOf(value: unknown): XlsxColumnKind | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return Number.isInteger(value) ? "number" : "decimal";
  if (value instanceof Date) return "datetime";
  if (typeof value === "string" && ISO_DATE.test(value)) return "date";
  return "text";
}

/** Each column's kind: as given, else from the first value found in the sample rows. */
export function columnKinds(spec: XlsxSheetSpec, sample: unknown[][]): XlsxColumnKind[] {
  return spec.header.map((_, i) => {
    const given = spec.kinds?.[i];
    if (given) return given;
    for (const row of sample) {
      const kind = kindOf(row[i]);
      if (kind) return kind;
    }
    return "text";
  });
}

/** A cell's value as the column's kind wants it (an ISO date becomes a date at midnight UTC: Excel's day). */
export function cellValue(value: unknown, kind: XlsxColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (kind === "date" && typeof value === "string" && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  if (kind === "datetime" && (value instanceof Date || (typeof value === "string" && ISO_TIME.test(value)))) {
    // Shown as the time in Japan: Excel has no time zones.
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : new Date(date.getTime() + 9 * 60 * 60 * 1000);
  }
  if (
    (kind === "number" || kind === "decimal" || kind === "ratio") &&
    typeof value === "string" &&
    /^-?\d+(\.\d+)?$/.test(value)
  )
    return Number(value);
  if (typeof value === "number" || value instanceof Date) return value;
  return String(value);
}

/** Display width of a text in Excel's character units: full-width characters count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2;
  return width;
}

const WIDTH_BY_KIND: Partial<Record<XlsxColumnKind, number>> = { date: 16, datetime: 19, ratio: 9 };

function columnWidths(spec: XlsxSheetSpec, kinds: XlsxColumnKind[], sample: unknown[][]): number[] {
  return spec.header.map((title, i) => {
    let widest = Math.max(textWidth(title), WIDTH_BY_KIND[kinds[i]] ?? 0);
    if (kinds[i] === "text" || kinds[i] === "number" || kinds[i] === "decimal") {
      for (const row of sample)
        if (row[i] !== null && row[i] !== undefined)
          widest = Math.max(widest, textWidth(String(row[i])) + (kinds[i] === "text" ? 0 : 2));
    }
    return Math.min(Math.max(widest + 2, 6), 60);
  });
}

/** A zip entry stream exceljs writes a sheet into (readable-stream's or Node's Writable). */
interface QueuedWritable extends NodeJS.EventEmitter {
  writableLength?: number;
  _writableState?: { length: number };
  destroyed?: boolean;
}

/** Internals of exceljs's sheet writer used to add the ignored-errors element (pinned exceljs 4.4.0). */
interface SheetWriterInternals {
  _write(xml: string): void;
  _writeLegacyData(): void;
}

/**
 * Tells Excel not to flag text that looks like a number (the green triangle) in `range`. The element
 * goes after the page setup and breaks and before any drawing, as the sheet schema orders them.
 */
function ignoreNumbersAsText(sheet: ExcelJS.Worksheet, range: () => string): void {
  const internals = sheet as unknown as SheetWriterInternals;
  const writeLegacyData = internals._writeLegacyData.bind(sheet);
  internals._writeLegacyData = () => {
    internals._write(`<ignoredErrors><ignoredError sqref="${range()}" numberStoredAsText="1"/></ignoredErrors>`);
    writeLegacyData();
  };
}

/** A workbook being written to `stream`: add sheets, then `finish()`. */
export function xlsxBook(
  stream: Writable,
  info: XlsxBookInfo,
): {
  addSheet: (spec: XlsxSheetSpec, rows: AsyncIterable<unknown[][]>) => Promise<number>;
  finish: () => Promise<void>;
} {
  // Deflate level 1: the sheet's XML is repetitive enough that it still shrinks about tenfold, in a
  // fraction of the default level's time.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const internals = book as unknown as { styles: { addStyleModel(style: Partial<ExcelJS.Style>): number } };
  book.creator = "オンライン請求移行トラッカー";
  book.title = info.title;
  book.description = info.description;
  book.created = new Date();

  /**
   * Waits while the reader of the download is behind, so that the zip does not pile up in memory; throws
   * once the download has gone (cancelled), so that the rows' query is let go.
   */
  async function drained(): Promise<void> {
    if (stream.writableNeedDrain && !stream.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off("drain", done);
          stream.off("close", done);
          resolve();
        };
        stream.on("drain", done);
        stream.on("close", done);
      });
    }
    if (stream.destroyed) throw new Error("the download was cancelled");
  }

  /**
   * Waits while more than 4 MB of the sheet's XML waits to be compressed: exceljs hands what it is given to
   * the zip at once, so rows written faster than they are deflated would pile up in memory.
   */
  async function compressed(sheet: ExcelJS.Worksheet): Promise<void> {
    // The zip's entry stream (readable-stream's Writable: its queue is in its state, not writableLength).
    const pipes = (sheet as unknown as { stream: { pipes?: QueuedWritable[] } }).stream.pipes ?? [];
    for (const pipe of pipes) {
      const queued = () => pipe.writableLength ?? pipe._writableState?.length ?? 0;
      if (queued() > 4 * 1024 * 1024 && !pipe.destroyed)
        await new Promise<void>((resolve) => pipe.once("drain", resolve));
    }
    if (stream.destroyed) throw new Error("the download was cancelled");
  }

  async function addSheet(spec: XlsxSheetSpec, rows: AsyncIterable<unknown[][]>): Promise<number> {
    const chunks = rows[Symbol.asyncIterator]();
    const first = await chunks.next();
    const sample = first.done ? [] : first.value.slice(0, 500);
    const kinds = columnKinds(spec, sample);
    const widths = columnWidths(spec, kinds, sample);
    const headerRow = spec.notes.length + (spec.notes.length > 0 ? 2 : 1);
    const sheet = book.addWorksheet(spec.name.slice(0, 31), {
      views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }],
    });
    // Widths on the columns; each column's format registered once in the book's styles, its index then
    // written on the column's cells (see xlsx-sheet-rows.ts).
    sheet.columns = widths.map((width) => ({ width }));
    const styleIds = kinds.map((kind) => internals.styles.addStyleModel({ numFmt: FORMATS[kind] }));
    const columns = spec.header.map((_, i) => columnName(i + 1));
    const writer = sheet as unknown as SheetWriterInternals;
    for (const note of spec.notes) sheet.addRow([note]).commit();
    if (spec.notes.length > 0) sheet.addRow([]).commit();
    const header = sheet.addRow(spec.header);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.eachCell((cell) => (cell.numFmt = "General"));
    header.commit();
    let count = 0;
    ignoreNumbersAsText(
      sheet,
      () => `A${headerRow + 1}:${columnName(spec.header.length)}${Math.max(headerRow + count, headerRow + 1)}`,
    );
    try {
      for (let chunk = first; !chunk.done; chunk = await chunks.next()) {
        // Written in pieces of 500 rows (about 120 kB): one piece a chunk made the collector copy long strings.
        let xml = "";
        for (const values of chunk.value) {
          count++;
          xml += rowXml(
            headerRow + count,
            values.map((v, i) => cellValue(v, kinds[i] ?? "text")),
            styleIds,
            columns,
          );
          if (count % 500 === 0) {
            writer._write(xml);
            xml = "";
          }
        }
        if (xml) writer._write(xml);
        await compressed(sheet);
        await drained();
      }
    } catch (error) {
      await chunks.return?.();
      throw error;
    }
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + Math.max(count, 1), column: spec.header.length },
    };
    sheet.commit();
    return count;
  }

  return { addSheet, finish: () => book.commit() };
}
