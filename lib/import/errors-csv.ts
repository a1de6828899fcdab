import { csvLine } from "../csv";
import type { RowError } from "./types";

/** The rejected rows as table rows for Excel: line, column, value, reason. */
export function errorsTable(errors: RowError[]): unknown[][] {
  // From a workbook, each error also names its sheet and cell (B12), as Excel shows them.
  if (errors.some((e) => e.cell !== undefined || e.sheet !== undefined)) {
    return [
      ["行 (row)", "列 (column)", "値 (value)", "理由 (message)", "シート (sheet)", "セル (cell)"],
      ...errors.map((e) => [e.row, e.column, e.value, e.message, e.sheet ?? "", e.cell ?? ""]),
    ];
  }
  return [["行 (row)", "列 (column)", "値 (value)", "理由 (message)"], ...errors.map((e) => [e.row, e.column, e.value, e.message])];
}

/** The same as CSV text (values escaped like every export). */
export function errorsCsv(errors: RowError[]): string {
  return errorsTable(errors).map(csvLine).join("");
}
