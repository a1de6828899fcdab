import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sharedStringsOf, sheetXmlRows, type SheetRow } from "./xlsx-rows";
import unzipper from "unzipper";
import { ImportFileError } from "./decode";

/**
 * The rows of one worksheet of an .xlsx workbook (exceljs's streaming reader: the sheet's XML is inflated
 * and read row by row, never the whole sheet held). Which sheet: the one named, else the first in the
 * book's tab order that is not hidden.
 */

export type { SheetRow };

export interface SheetInfo {
  name: string;
  /** Every sheet in the book, in tab order. */
  names: string[];
}

/** The parts of exceljs's streaming reader this code reads that its types leave out. */
interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
}

/** A workbook that cannot be read: not a zip, cut short, or not a spreadsheet. */
export const unreadableWorkbook = () =>
  new ImportFileError(
    "undecodable",
    "Excel ブックを読めません（壊れているか、.xlsx 形式ではありません）。Excel で開いて .xlsx で保存し直してください",
    "The workbook cannot be read (damaged or not .xlsx); open it in Excel and save it again as .xlsx",
  );

/** An OLE compound file: a password-protected (encrypted) workbook, or the old .xls format. */
export const encryptedOrLegacyWorkbook = () =>
  new ImportFileError(
    "undecodable",
    "パスワード付きのブック、または古い形式（.xls）のブックは読めません。パスワードを外して .xlsx で保存してください",
    "Password-protected workbooks and the old .xls format cannot be read; remove the password and save as .xlsx",
  );

/** A sheet that cannot be imported; `sheets` names the book's sheets, so that another can be chosen. */
export class SheetError extends ImportFileError {
  constructor(
    reason: ImportFileError["reason"],
    messageJa: string,
    messageEn: string,
    readonly sheets: string[],
  ) {
    super(reason, messageJa, messageEn);
  }
}

export const missingSheet = (name: string, names: string[]) =>
  new SheetError(
    "empty",
    `シート「${name}」がありません（このブックのシート: ${names.join("、")}）`,
    `There is no sheet "${name}" (this workbook has: ${names.join(", ")})`,
    names,
  );

/** The workbook's parts that exceljs's streaming reader parses, driven here in an order that always works. */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
}

/** "/xl/worksheets/sheet1.xml" (openpyxl) and "worksheets/sheet1.xml" (Excel) name the same part. */
const partPath = (target: string) => (target.startsWith("/") ? target.slice(1) : `xl/${target}`);

/** The book's sheets in tab order with the path of the part each is stored in. */
function sheetsOf(reader: ReaderInternals): { name: string; path: string | null; hidden: boolean }[] {
  const rels = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, partPath(rel.Target)]));
  return (reader.model?.sheets ?? []).map((sheet) => ({
    name: sheet.name,
    path: rels.get(sheet.rId) ?? null,
    hidden: sheet.state === "hidden" || sheet.state === "veryHidden",
  }));
}

async function bytesOf(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Streams the rows of the chosen sheet, a piece at a time. `onSheet` is told which sheet was chosen (and
 * all the names) before its first row, and whether the book counts dates from 1904 (old Mac workbooks).
 *
 * The zip is opened by its central directory and the book's parts read in the order a sheet needs them:
 * relations, sheet list and styles by exceljs's part readers, then the shared strings and the one sheet,
 * row by row, by xlsx-rows.ts (see there why). exceljs's own single pass over the zip loses entries after
 * an await on Node 18 and later (exceljs issue #3064: the sheet list then goes missing at random), so its
 * part readers are driven directly here; exceljs is pinned for that. The compressed file is held in
 * memory (a national list is about 20 MB; uploads are capped).
 */
export async function* sheetRows(
  source: AsyncIterable<Uint8Array>,
  wanted: string | undefined,
  onSheet: (info: SheetInfo, date1904: boolean) => void,
): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "ignore",
    styles: "cache",
    hyperlinks: "ignore",
  });
  const parts = reader as unknown as ReaderParts;
  const internals = reader as unknown as ReaderInternals;
  let rows: AsyncGenerator<SheetRow[]>;
  try {
    const zip = await unzipper.Open.buffer(await bytesOf(source));
    const files = new Map(zip.files.filter((f) => f.type === "File").map((f) => [f.path, f]));
    // Each part as text, decoded across chunks (a character's bytes may straddle two; exceljs's XML reader
    // would split it: mojibake in Japanese text).
    const part = (path: string) => files.get(path)?.stream().setEncoding("utf8");
    const rels = part("xl/_rels/workbook.xml.rels");
    const book = part("xl/workbook.xml");
    if (!rels || !book) throw unreadableWorkbook();
    await parts._parseRels(rels);
    await parts._parseWorkbook(book);
    const styles = part("xl/styles.xml");
    if (styles) await parts._parseStyles(styles);
    const shared = part("xl/sharedStrings.xml");
    const sharedStrings = shared ? await sharedStringsOf(shared) : [];
    const sheets = sheetsOf(internals);
    const names = sheets.map((s) => s.name);
    const target =
      wanted !== undefined ? sheets.find((s) => s.name === wanted) : (sheets.find((s) => !s.hidden) ?? sheets[0]);
    if (!target) throw wanted !== undefined ? missingSheet(wanted, names) : unreadableWorkbook();
    const sheetXml = target.path ? part(target.path) : undefined;
    if (!sheetXml) throw unreadableWorkbook();
    const date1904 = internals.properties?.model?.date1904 === true;
    rows = sheetXmlRows(sheetXml as AsyncIterable<string>, {
      sharedStrings,
      numFmt: (style) => parts.styles.getStyleModel(style)?.numFmt,
      date1904,
    });
    onSheet({ name: target.name, names }, date1904);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw unreadableWorkbook();
  }
  try {
    yield* rows;
  } catch {
    throw unreadableWorkbook();
  }
}
