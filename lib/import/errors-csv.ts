import { csvLine } from "../csv";
import type { RowError } from "./types";

/** The rejected rows as table rows for Excel: line, column, value, reason. */
export function errorsTable(errors: RowError[]): unknown[][] {
  return [["行 (row)", "列 (column)", "値 (value)", "理由 (message)"], ...errors.map((e) => [e.row, e.column, e.value, e.message])];
}

/** The same as CSV text (values escaped like every export). */
export function errorsCsv(errors: RowError[]): string {
  return errorsTable(errors).map(csvLine).join("");
}
