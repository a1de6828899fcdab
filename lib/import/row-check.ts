import { parseFacilityCode } from "../facility-code";
import { Invalid, type Parsed } from "./values";
import type { RowError } from "./types";
import { errorLabel, errorText, type ErrorCode, type ErrorLabel, type ErrorParams } from "../i18n/errors";

/** Collects the problems of one row, so that every bad cell is reported, not just the first. */
export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: number,
    readonly cells: Record<string, string>,
  ) {}

  /** Records a problem by its code; the message is the Japanese one (the UI and CSV translate by the code). */
  fail(column: string, code: ErrorCode, params: ErrorParams = {}, value = this.cells[column] ?? ""): void {
    this.errors.push({ row: this.row, column, value, code, params, message: errorText("ja", code, params) });
  }

  /** The parsed value, or null after recording why it is invalid. */
  take<T>(column: string, parsed: Parsed<T>): T | null {
    if (parsed instanceof Invalid) {
      this.fail(column, parsed.code, parsed.params);
      return null;
    }
    return parsed;
  }

  required<T>(column: string, parsed: Parsed<T>, label: ErrorLabel): T | null {
    const value = this.take(column, parsed);
    if (value === null && !(parsed instanceof Invalid))
      this.fail(column, "import.row.required", { label: errorLabel(label) });
    return value;
  }

  code(): { code: string; prefecture: string; tableType: "medical" | "dental" | "pharmacy" } | null {
    const raw = (this.cells.code ?? "").trim();
    if (raw === "") {
      this.fail("code", "import.row.codeEmpty");
      return null;
    }
    const parsed = parseFacilityCode(raw);
    if (!parsed.ok) {
      this.fail("code", "import.row.badCode", { reason: { ja: parsed.reason.ja, en: parsed.reason.en } });
      return null;
    }
    return parsed;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
