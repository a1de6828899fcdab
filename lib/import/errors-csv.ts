import { csvLine } from "../csv";
import { omittedNote } from "./limits";
import type { RowError } from "./types";

/** The rejected rows as table rows for Excel: line, column, value, reason; then how many were not kept. */
export function errorsTable(errors: RowError[], omitted = 0): unknown[][] {
  const rows: unknown[][] = [["行 (row)", "列 (column)", "値 (value)", "理由 (message)"], ...errors.map((e) => [e.row, e.column, e.value, e.message])];
  if (omitted > 0) rows.push(["…", "", "", omittedNote(omitted)]);
  return rows;
}

/** The same as CSV text (values escaped like every export). */
export function errorsCsv(errors: RowError[], omitted = 0): string {
  return errorsTable(errors, omitted).map(csvLine).join("");
}
