import { csvLine } from "../csv";
import type { RowError } from "./types";

/** The rejected rows as a CSV table for Excel: line, column, value, reason (values escaped like every export). */
export function errorsCsv(errors: RowError[]): string {
  return [csvLine(["行 (row)", "列 (column)", "値 (value)", "理由 (message)"]), ...errors.map((e) => csvLine([e.row, e.column, e.value, e.message]))].join("");
}
