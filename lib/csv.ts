import iconv from "iconv-lite";

/**
 * Excel-safe CSV. A text cell that Excel would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; cells with commas, quotes or line breaks are quoted. Codes are
 * written as their ten digits; should Excel drop a leading zero, our importer puts it back.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

export type CsvEncoding = "utf-8" | "shift_jis";

export function csvEncoding(value: string | null | undefined): CsvEncoding {
  const v = (value ?? "").toLowerCase().replace(/[-_]/g, "");
  return v === "shiftjis" || v === "sjis" || v === "cp932" ? "shift_jis" : "utf-8";
}

const BOM = "\uFEFF";

/**
 * Characters that Unicode text (from the web, a Mac, UTF-8 files) holds in a form CP932 lacks, while
 * Excel's Shift_JIS has a character that looks the same: written as that one, so the cell reads as typed.
 * The first six are the well-known JIS X 0208 mapping differences (a Windows-made file has the right-hand
 * forms already).
 */
export const CP932_LOOKALIKES: Readonly<Record<string, string>> = {
  "\u301C": "\uFF5E", // 〜 wave dash → ～
  "\u2212": "\uFF0D", // − minus sign → －
  "\u2016": "\u2225", // ‖ double vertical line → ∥
  "\u00A2": "\uFFE0", // ¢ → ￠
  "\u00A3": "\uFFE1", // £ → ￡
  "\u00AC": "\uFFE2", // ¬ → ￢
  "\u2014": "\u2015", // — em dash → ―
  "\u2013": "-", // – en dash (ranges, house numbers) → -
  "\u00A6": "\uFFE4", // ¦ → ￤
  "\u00A0": " ", // no-break space → space
  "\u2022": "\u30FB", // • bullet → ・
  "\u00B7": "\u30FB", // · middle dot → ・
};

/** What a character with no Shift_JIS form becomes: the geta mark, the customary visible stand-in. */
export const SJIS_REPLACEMENT = "\u3013"; // 〓

const LOOKALIKES = `[${Object.keys(CP932_LOOKALIKES).join("")}]`;
const HAS_LOOKALIKE = new RegExp(LOOKALIKES);
const EVERY_LOOKALIKE = new RegExp(LOOKALIKES, "g");
const unwritable = new Map<string, boolean>();

/** True when CP932 has no form for the character (iconv-lite then writes "?", byte 0x3F). */
function notInCp932(char: string): boolean {
  let known = unwritable.get(char);
  if (known === undefined) {
    const bytes = iconv.encode(char, "cp932");
    known = bytes.length === 1 && bytes[0] === 0x3f;
    if (unwritable.size < 10_000) unwritable.set(char, known);
  }
  return known;
}

function countByte(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === byte) n++;
  return n;
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Writes CSV text for download, a piece at a time, and counts what could not be written as it was:
 * UTF-8 with a BOM (Excel then reads it as UTF-8; nothing is lost), or Shift_JIS (CP932) with the
 * look-alikes above mapped and any other character outside CP932 written as 〓 and counted in `replaced`.
 * In Shift_JIS byte 0x3F is never part of a two-byte character, so a "?" in the output that was not one
 * in the text marks a character iconv-lite could not write; only then is the piece gone through again
 * character by character.
 */
export class CsvEncoder {
  replaced = 0;
  private started = false;

  constructor(readonly encoding: CsvEncoding) {}

  encode(text: string): Uint8Array {
    const first = !this.started;
    this.started = true;
    if (this.encoding === "utf-8") return new TextEncoder().encode(first ? BOM + text : text);
    const mapped = HAS_LOOKALIKE.test(text) ? text.replace(EVERY_LOOKALIKE, (c) => CP932_LOOKALIKES[c]) : text;
    const bytes = iconv.encode(mapped, "cp932");
    if (countByte(bytes, 0x3f) === countChar(mapped, "?")) return bytes;
    let fixed = "";
    for (const char of mapped) {
      if (char !== "?" && notInCp932(char)) {
        fixed += SJIS_REPLACEMENT;
        this.replaced++;
      } else fixed += char;
    }
    return iconv.encode(fixed, "cp932");
  }

  /** The closing line that tells the reader how many characters were replaced (none when nothing was). */
  trailer(): string | null {
    if (this.replaced === 0) return null;
    return (
      `# Shift_JIS で表せない文字 ${this.replaced} 字を「${SJIS_REPLACEMENT}」に置き換えました。` +
      `正確な表記は UTF-8 版をご利用ください。 / ` +
      `${this.replaced} characters not in Shift_JIS were written as ${SJIS_REPLACEMENT}; ` +
      `the UTF-8 export has the exact text.\r\n`
    );
  }
}

/** The response header that carries the count when the whole file is written before it is sent. */
export const REPLACED_HEADER = "X-Replaced-Characters";

/** Encodes CSV text for download in one go (see CsvEncoder; `first` adds UTF-8's BOM). */
export function encodeCsv(text: string, encoding: CsvEncoding, first = true): Uint8Array {
  const encoder = new CsvEncoder(encoding);
  if (!first) encoder.encode("");
  return encoder.encode(text);
}

export function csvContentType(encoding: CsvEncoding): string {
  return `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`;
}
