/**
 * The XML of a worksheet's data rows, written straight into the sheet exceljs is streaming: exceljs makes
 * a Row, a Cell per value and an XML writer per row, which made a national export several times slower
 * than its CSV. A value here is a string (an inline string cell, `t="inlineStr"`, never a formula), a number,
 * or a Date (its Excel serial number, shown by its column's date format); the style index is the column's,
 * registered with exceljs's style table once.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Characters XML 1.0 does not allow (control characters but tab and line breaks). */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(SPECIAL, (ch) => ENTITY[ch]);
}

/** Excel's serial number of a moment (the 1900 date system; days and the fraction of a day). */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / DAY_MS;
}

/** Excel's column letters for a 1-based column number. */
export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One `<row>` of values (column A first); null and empty values write no cell. */
export function rowXml(rowNumber: number, values: unknown[], styleIds: number[], columns: string[]): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || value === "") continue;
    const ref = `${columns[i]}${rowNumber}`;
    const style = styleIds[i] ? ` s="${styleIds[i]}"` : "";
    if (typeof value === "number") {
      if (Number.isFinite(value)) xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
    } else if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) xml += `<c r="${ref}"${style}><v>${excelSerial(value)}</v></c>`;
    } else {
      const text = String(value);
      // Leading or trailing spaces (and line breaks) kept as written.
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      xml += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}
