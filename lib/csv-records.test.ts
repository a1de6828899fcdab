import { describe, expect, it } from "vitest";
import { countCsvRecords } from "./csv-records";
import { csvLine } from "./csv";

describe("countCsvRecords", () => {
  it("counts records, not line breaks inside quoted cells", () => {
    const text = [
      csvLine(["1310100011", "東京都千代田区\r\n2F", 'a "quoted" name']),
      csvLine(["1310100029", "=x", null]),
    ].join("");
    expect(countCsvRecords(text)).toBe(2);
    expect(countCsvRecords("")).toBe(0);
  });
});
