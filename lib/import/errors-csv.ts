import { csvLine } from "../csv";
import { omittedNote } from "./limits";
import type { RowError } from "./types";
import { localizedMessage } from "../i18n/errors";
import type { Lang } from "../i18n/lang";

/**
 * The rejected rows as table rows for Excel: line, column, value, reason (in the reader's language; from a
 * workbook also its sheet and cell, B12, as Excel shows them); then how many were not kept.
 */
export function errorsTable(errors: RowError[], omitted = 0, lang: Lang = "ja"): unknown[][] {
  const fromBook = errors.some((e) => e.cell !== undefined || e.sheet !== undefined);
  const header = [
    "行 (row)",
    "列 (column)",
    "値 (value)",
    "理由 (message)",
    ...(fromBook ? ["シート (sheet)", "セル (cell)"] : []),
  ];
  const rows: unknown[][] = [
    header,
    ...errors.map((e) => [
      e.row,
      e.column,
      e.value,
      localizedMessage(lang, e),
      ...(fromBook ? [e.sheet ?? "", e.cell ?? ""] : []),
    ]),
  ];
  if (omitted > 0) rows.push(["…", "", "", omittedNote(omitted, lang), ...(fromBook ? ["", ""] : [])]);
  return rows;
}

/** The same as CSV text (values escaped like every export). */
export function errorsCsv(errors: RowError[], omitted = 0, lang: Lang = "ja"): string {
  return errorsTable(errors, omitted, lang).map(csvLine).join("");
}
