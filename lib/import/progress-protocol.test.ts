import { describe, expect, it } from "vitest";
import { progressLine, readProgressLines, summaryLine } from "./progress-protocol";
import type { ImportSummary } from "./types";

const summary: ImportSummary = {
  kind: "claims",
  file: "claims.csv",
  encoding: "shift_jis",
  rows: 3,
  inserted: 2,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  dryRun: true,
  errors: [{ row: 4, column: "month", value: "2099-01", message: "未来の月です" }],
  errorsOmitted: 0,
  batchId: 7,
  mapping: { matched: { code: "医療機関コード" }, unknown: [], duplicates: [] },
};

describe("the upload's progress lines", () => {
  it("reads back what the route writes, the summary whole", () => {
    const text = [
      progressLine({ type: "started", file: "claims.csv", bytes: 120 }),
      progressLine({ type: "progress", rows: 3 }),
      progressLine(summaryLine(summary)),
    ].join("");
    const lines = readProgressLines(text);
    expect(lines.map((l) => l.type)).toEqual(["started", "progress", "summary"]);
    expect(lines[2]).toEqual({ type: "summary", ...summary });
  });

  it("leaves a line still arriving for the next read", () => {
    const whole = progressLine({ type: "progress", rows: 5000 });
    const half = progressLine({ type: "progress", rows: 10000 }).slice(0, 12);
    expect(readProgressLines(whole + half)).toEqual([{ type: "progress", rows: 5000 }]);
  });

  it("refuses a line of another shape rather than showing it as a result", () => {
    expect(() => readProgressLines('{"type":"summary","rows":"many"}\n')).toThrow();
    expect(() => readProgressLines('{"type":"surprise"}\n')).toThrow();
  });
});
