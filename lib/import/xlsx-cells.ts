/**
 * Excel cells as the text a CSV of the same sheet would hold, so that one set of row checks reads both:
 * dates become YYYY-MM-DD (YYYY-MM in a year-month column), numbers their plain digits (a code that lost
 * its leading zero is then repaired like one from a CSV), formulas their cached result (never evaluated).
 */

/** Columns that hold a date, and those that hold a year-month, by import key. */
const DATE_KEYS = new Set(["closed_on", "filed_on", "deferral_until", "readiness_date", "effective_on"]);
const MONTH_KEYS = new Set(["rececom_month", "network_month"]);

/** How a column's numbers are read: as dates (serial numbers), year-months, or plain numbers. */
export type ColumnReading = "date" | "month" | "plain";

export function columnReading(key: string | null): ColumnReading {
  if (key !== null && DATE_KEYS.has(key)) return "date";
  if (key !== null && MONTH_KEYS.has(key)) return "month";
  return "plain";
}

/** The largest serial Excel shows as a date (9999-12-31). */
const LAST_SERIAL = 2958465;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The date of an Excel serial number in the 1900 date system (day 1 = 1900-01-01, with Excel's phantom
 * 1900-02-29 at 60, so every serial after it counts from 1899-12-30), or, for a 1904 workbook, from
 * 1904-01-01. The time of day is dropped. Null outside Excel's range.
 */
export function serialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return null;
  const day = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + day * DAY_MS);
}

function isoOf(date: Date, reading: ColumnReading): string {
  const iso = date.toISOString().slice(0, 10);
  return reading === "month" ? iso.slice(0, 7) : iso;
}

/**
 * True when an Excel number format shows a date: it has a day, month or year token (d, m, y, e or the
 * 和暦 era g) outside quoted text, brackets and escapes; a time or a duration alone (h:mm, [h]:mm) is not.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // Quoted text, escapes and padding out; then minutes (h:mm, mm:ss) so that their "m" is not a month;
  // then bracketed codes ([$-411], [Red]).
  const bare = format
    .replace(/"[^"]*"|\\.|_.|\*./g, "")
    .replace(/\[?h+\]?\s*:\s*m+|m+\s*:\s*\[?s+\]?/gi, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyeg]/i.test(bare.replace(/general/gi, ""));
}

/** A plain number without float noise (0.1 + 0.2 reads as 0.3, not 0.30000000000000004). */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** The part of exceljs's cell that is read here: its value and its number format. */
export interface SheetCell {
  value: unknown;
  numFmt?: string;
}

/**
 * The text of one cell. `dateFormatted` says the cell's number format shows a date (exceljs has already
 * made such a plain number a Date, but not a formula's cached result). A number in a date column with a
 * general format is taken as a serial date too: people type 45535 or paste it from another sheet.
 */
export function cellText(value: unknown, reading: ColumnReading, dateFormatted: boolean, date1904 = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : isoOf(value, reading === "plain" ? "date" : reading);
  if (typeof value === "number") {
    if (dateFormatted || reading !== "plain") {
      const date = serialToDate(value, date1904);
      if (date) return isoOf(date, reading === "plain" ? "date" : reading);
    }
    return numberText(value);
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    // A formula (or a shared formula): its cached result, as Excel last showed it.
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result, reading, dateFormatted, date1904);
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((run) => run.text ?? "").join("");
    if (typeof v.text === "string") return v.text; // a hyperlink
    if (typeof v.error === "string") return v.error; // #N/A and the like: shown, so the row check names it
  }
  return String(value);
}

/** Excel's column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
