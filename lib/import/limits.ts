/**
 * What one import may cost, whatever the file: a cell and a record have a longest length, and only the
 * first errors are kept in full (every error is still counted). A file of millions of bad lines then needs
 * the same memory, jsonb and reply as one of a thousand.
 */
import type { RowError } from "./types";
import { errorText } from "../i18n/errors";
import type { Lang } from "../i18n/lang";

/** The longest cell read (an address or a remark is a few hundred characters at most). */
export const MAX_CELL_CHARS = 2_000;
/** The longest record, quoted line breaks included: beyond it the file is refused (an open quote swallows the rest). */
export const MAX_RECORD_CHARS = 65_536;
/** Errors kept in full, in file order; the rest are counted. */
export const MAX_KEPT_ERRORS = 1_000;
/** How much of an over-long value an error repeats. */
const SHOWN_VALUE_CHARS = 100;

/** The error for a cell longer than the cap: the row is rejected, its value shown cut. */
export function cellTooLong(row: number, column: string, value: string): RowError {
  return {
    row,
    column,
    value: `${value.slice(0, SHOWN_VALUE_CHARS)}…`,
    code: "import.row.tooLong",
    params: { length: value.length, max: MAX_CELL_CHARS },
    message: errorText("ja", "import.row.tooLong", { length: value.length, max: MAX_CELL_CHARS }),
  };
}

/**
 * Keeps the first `limit` errors by line and counts the rest. Batches arrive in file order, so after each
 * batch the kept errors are sorted and cut back to the limit: what is kept is exactly the first errors.
 */
export class ErrorCap {
  readonly kept: RowError[] = [];
  omitted = 0;
  constructor(private readonly limit: number = MAX_KEPT_ERRORS) {}

  add(errors: readonly RowError[]): void {
    for (const e of errors) this.kept.push(e);
  }

  /** Call after each batch (and at the end): sorts and drops what is beyond the limit, counting it. */
  settle(): void {
    this.kept.sort((a, b) => a.row - b.row);
    if (this.kept.length > this.limit) {
      this.omitted += this.kept.length - this.limit;
      this.kept.length = this.limit;
    }
  }

  get total(): number {
    return this.kept.length + this.omitted;
  }
}

/** The last line of an errors list when some were not kept. */
export function omittedNote(omitted: number, lang: Lang = "ja"): string {
  return errorText(lang, "import.errorsOmitted", { omitted, kept: MAX_KEPT_ERRORS });
}
