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

/** Encodes CSV text for download: UTF-8 with a BOM (Excel then reads it as UTF-8), or Shift_JIS (CP932). */
export function encodeCsv(text: string, encoding: CsvEncoding, first = true): Uint8Array {
  if (encoding === "shift_jis") return iconv.encode(text, "cp932");
  return new TextEncoder().encode(first ? BOM + text : text);
}

export function csvContentType(encoding: CsvEncoding): string {
  return `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`;
}
