import { describe, expect, it } from "vitest";
import { cellText, columnLetters, columnReading, isDateFormat, serialToDate } from "./xlsx-cells";

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("Excel cells read as a CSV of the sheet would hold them", () => {
  it("turns serial numbers into days, in the 1900 system (its phantom 29 February) and the 1904 one", () => {
    expect([1, 59, 61, 45535, 45535.75].map((n) => iso(serialToDate(n)))).toEqual([
      "1900-01-01",
      "1900-02-28",
      "1900-03-01",
      "2024-08-31",
      "2024-08-31",
    ]);
    expect(iso(serialToDate(0, true))).toBe(null);
    expect(iso(serialToDate(44073, true))).toBe("2024-08-31");
    expect([0, -3, 2958466, Number.NaN].map((n) => serialToDate(n))).toEqual([null, null, null, null]);
  });

  it("knows a date format, 和暦 ones included, from a number, a duration or quoted letters", () => {
    const dates = [
      "yyyy/m/d",
      "m/d/yy",
      'yyyy"年"m"月"d"日"',
      '[$-ja-JP-x-gannen]ggge"年"m"月"d"日";@',
      "d-mmm-yy",
      "[$-411]ge.m.d",
    ];
    const others = ["General", "0.00", "#,##0", "[h]:mm", '"day "0', "@", "0%", undefined];
    expect(dates.map(isDateFormat)).toEqual(dates.map(() => true));
    expect(others.map(isDateFormat)).toEqual(others.map(() => false));
  });

  it(
    "gives codes their digits, dates ISO (a year-month in a month column), " +
      "formulas their cached value, never the formula",
    () => {
      expect(cellText(110112349, "plain", false)).toBe("110112349");
      expect(cellText(0.1 + 0.2, "plain", false)).toBe("0.3");
      expect(cellText(new Date(Date.UTC(2024, 7, 31)), columnReading("closed_on"), true)).toBe("2024-08-31");
      expect(cellText(new Date(Date.UTC(2025, 0, 1)), columnReading("network_month"), true)).toBe("2025-01");
      expect(cellText(45535, columnReading("filed_on"), false)).toBe("2024-08-31"); // a serial in a date column
      expect(cellText(20240831, columnReading("filed_on"), false)).toBe("20240831"); // digits, parsed later as a date
      expect(cellText(45535, "plain", false)).toBe("45535"); // a count stays a count
      expect(cellText({ formula: "A1*4", result: 400 }, "plain", false)).toBe("400");
      expect(cellText({ formula: "DATE(2024,6,20)", result: 45463 }, columnReading("effective_on"), true)).toBe(
        "2024-06-20",
      );
      expect(cellText({ formula: "B2&C2" }, "plain", false)).toBe(""); // never calculated here
      expect(cellText({ sharedFormula: "A2", result: "みやぎ薬局" }, "plain", false)).toBe("みやぎ薬局");
      expect(cellText({ richText: [{ text: "令和6年" }, { text: "3月31日" }] }, "date", false)).toBe("令和6年3月31日");
      expect(cellText({ text: "東京都", hyperlink: "http://x" }, "plain", false)).toBe("東京都");
      expect(cellText({ error: "#N/A" }, "plain", false)).toBe("#N/A");
      expect([true, false].map((b) => cellText(b, "plain", false))).toEqual(["true", "false"]);
      expect([null, undefined].map((v) => cellText(v, "plain", false))).toEqual(["", ""]);
    },
  );

  it("names columns as Excel does", () => {
    expect([0, 1, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
});
