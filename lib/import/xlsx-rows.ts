import { SaxesParser, type SaxesTagPlain } from "saxes";
import { isDateFormat, serialToDate } from "./xlsx-cells";

/**
 * The rows of a worksheet's XML (xl/worksheets/sheetN.xml) as values, read with saxes, the XML parser
 * exceljs itself uses. exceljs's own sheet reader builds a Row and a Cell object, with its style, for
 * every cell, which made reading a national list several times slower than the CSV; here each row is
 * a plain array. What a cell holds follows the sheet format: a shared string (by index), an inline string,
 * a formula's cached result (the formula itself is never read), a boolean, an error (#N/A), or a number,
 * made a Date when its style's number format shows a date.
 */

export interface SheetRow {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  number: number;
  /** Its values, 1-based: values[1] is column A. */
  values: unknown[];
}

export interface SheetLookups {
  /** The book's shared strings (a string, or exceljs's { richText } for formatted text). */
  sharedStrings: unknown[];
  /** The number format of a cell style (the `s` attribute), when it has one. */
  numFmt: (style: number) => string | undefined;
  date1904: boolean;
}

/** Column number (1-based) of a cell reference such as "B12"; 0 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

export async function* sheetXmlRows(xml: AsyncIterable<string>, lookups: SheetLookups): AsyncGenerator<SheetRow[]> {
  const parser = new SaxesParser();
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (style: number) => {
    let known = dateStyles.get(style);
    if (known === undefined) dateStyles.set(style, (known = isDateFormat(lookups.numFmt(style))));
    return known;
  };
  let rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  // The cell being read: its column, type, style, and its value's text (<v>, or <t> inside <is>).
  let column = 0;
  let type = "";
  let style = 0;
  let text: string | null = null;
  let inValue = false;
  let inPhonetic = false; // <rPh>: the reading (furigana) Excel keeps beside Japanese text, not the text
  let error: Error | null = null;

  function cellValue(): unknown {
    if (text === null) return null;
    switch (type) {
      case "s":
        return lookups.sharedStrings[Number(text)] ?? null;
      case "inlineStr":
      case "str":
      case "d":
        return text;
      case "b":
        return text !== "0";
      case "e":
        return { error: text };
      default: {
        const n = Number(text);
        if (!Number.isFinite(n)) return text;
        return style !== 0 && isDateStyle(style) ? (serialToDate(n, lookups.date1904) ?? n) : n;
      }
    }
  }

  parser.on("error", (e) => (error ??= e));
  parser.on("opentag", (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case "row": {
        const r = tag.attributes.r;
        lastRow = r ? Number(r) : lastRow + 1;
        row = { number: lastRow, values: [] };
        column = 0;
        break;
      }
      case "c": {
        const ref = tag.attributes.r;
        column = ref ? columnOf(ref) : column + 1;
        type = tag.attributes.t ?? "n";
        style = tag.attributes.s ? Number(tag.attributes.s) : 0;
        text = null;
        break;
      }
      case "v":
      case "t":
        if (row && !inPhonetic) {
          inValue = true;
          text ??= "";
        }
        break;
      case "rPh":
        inPhonetic = true;
        break;
    }
  });
  parser.on("text", (value) => {
    if (inValue) text += value;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "v":
      case "t":
        inValue = false;
        break;
      case "rPh":
        inPhonetic = false;
        break;
      case "c":
        if (row && column > 0) {
          const value = cellValue();
          if (value !== null) row.values[column] = value;
        }
        break;
      case "row":
        if (row) rows.push(row);
        row = null;
        break;
    }
  });
  for await (const chunk of xml) {
    parser.write(chunk);
    if (error) throw error;
    if (rows.length > 0) {
      yield rows;
      rows = [];
    }
  }
  parser.close();
  if (error) throw error;
  if (rows.length > 0) yield rows;
}

/**
 * The book's shared strings (xl/sharedStrings.xml) as plain text: the runs of a formatted text joined, the
 * readings (<rPh>, furigana that Japanese Excel stores beside names and addresses) left out. exceljs's own
 * reader keeps only the last <t> of each string, which for such a string is its reading (ナニワ for なにわ医院).
 */
export async function sharedStringsOf(xml: AsyncIterable<string>): Promise<string[]> {
  const parser = new SaxesParser();
  const strings: string[] = [];
  let text: string | null = null;
  let inText = false;
  let inPhonetic = false;
  let error: Error | null = null;
  parser.on("error", (e) => (error ??= e));
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (tag.name === "si") text = "";
    else if (tag.name === "rPh") inPhonetic = true;
    else if (tag.name === "t" && !inPhonetic) inText = true;
  });
  parser.on("text", (value) => {
    if (inText && text !== null) text += value;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "si") {
      strings.push(text ?? "");
      text = null;
    } else if (tag.name === "rPh") inPhonetic = false;
    else if (tag.name === "t") inText = false;
  });
  for await (const chunk of xml) {
    parser.write(chunk);
    if (error) throw error;
  }
  parser.close();
  if (error) throw error;
  return strings;
}
