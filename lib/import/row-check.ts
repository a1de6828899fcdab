import { parseFacilityCode } from "../facility-code";
import { Invalid, type Parsed } from "./values";
import type { RowError } from "./types";

/** Collects the problems of one row, so that every bad cell is reported, not just the first. */
export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: number,
    readonly cells: Record<string, string>,
  ) {}

  fail(column: string, message: string, value = this.cells[column] ?? ""): void {
    this.errors.push({ row: this.row, column, value, message });
  }

  /** The parsed value, or null after recording why it is invalid. */
  take<T>(column: string, parsed: Parsed<T>): T | null {
    if (parsed instanceof Invalid) {
      this.fail(column, parsed.message);
      return null;
    }
    return parsed;
  }

  required<T>(column: string, parsed: Parsed<T>, label: string): T | null {
    const value = this.take(column, parsed);
    if (value === null && !(parsed instanceof Invalid)) this.fail(column, `${label}が空です（必須）`);
    return value;
  }

  code(): { code: string; prefecture: string; tableType: "medical" | "dental" | "pharmacy" } | null {
    const raw = (this.cells.code ?? "").trim();
    if (raw === "") {
      this.fail("code", "医療機関コードが空です（必須）");
      return null;
    }
    const parsed = parseFacilityCode(raw);
    if (!parsed.ok) {
      this.fail("code", `${parsed.reason.ja}（${parsed.reason.en}）`);
      return null;
    }
    return parsed;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
