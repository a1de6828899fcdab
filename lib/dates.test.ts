import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareIso,
  daysBetween,
  formatDateJa,
  formatWareki,
  isIsoDate,
  monthEnd,
  monthStarts,
  parseDate,
  parseYearMonth,
  todayIso,
} from "./dates";

describe("parseDate", () => {
  it.each([
    ["2024-08-31", "2024-08-31"],
    ["2024/8/31", "2024-08-31"],
    ["2024/08/31", "2024-08-31"],
    ["2024.8.31", "2024-08-31"],
    ["2024-8-1", "2024-08-01"],
    ["20240831", "2024-08-31"],
    ["2024年8月31日", "2024-08-31"],
    ["２０２５－０９－３０", "2025-09-30"],
    ["２０２４年８月３１日", "2024-08-31"],
    ["  2024/8/31 ", "2024-08-31"],
    ["2024/8/31 0:00", "2024-08-31"],
    ["令和6年8月31日", "2024-08-31"],
    ["令和 6年 8月 31日", "2024-08-31"],
    ["令和６年８月３１日", "2024-08-31"],
    ["R6.8.31", "2024-08-31"],
    ["R6/8/31", "2024-08-31"],
    ["R06.08.31", "2024-08-31"],
    ["r6.8.31", "2024-08-31"],
    ["Ｒ６．８．３１", "2024-08-31"],
    ["R6年8月31日", "2024-08-31"],
    ["令和元年5月1日", "2019-05-01"],
    ["R1.5.1", "2019-05-01"],
    ["H31.4.30", "2019-04-30"],
    ["h31.4.30", "2019-04-30"],
    ["平成元年1月8日", "1989-01-08"],
    ["平成31年4月30日", "2019-04-30"],
    ["昭和64年1月7日", "1989-01-07"],
    ["S63.12.31", "1988-12-31"],
    ["s50/4/1", "1975-04-01"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("reads %j as %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["2024-02-30", "30 February"],
    ["2023-02-29", "29 February in a common year"],
    ["1900-02-29", "29 February in a century year"],
    ["2024-13-01", "month 13"],
    ["2024-00-10", "month 0"],
    ["2024-04-31", "31 April"],
    ["2024/8-31", "mixed separators"],
    ["20240230", "compact impossible day"],
    ["令和1年4月30日", "before 令和 began"],
    ["令和元年4月30日", "before 令和 began (元年)"],
    ["R1.4.30", "before 令和 began (letter)"],
    ["平成31年5月1日", "after 平成 ended"],
    ["H32.1.1", "平成 year that never was"],
    ["平成元年1月7日", "before 平成 began"],
    ["昭和64年1月8日", "after 昭和 ended"],
    ["令和0年5月1日", "era year 0"],
    ["令和2024年1月1日", "Western year after an era"],
    ["R6.2.30", "impossible day in an era"],
    ["T6.8.31", "an era we do not read"],
    ["24/8/31", "two-digit Western year"],
    ["2024-08", "a year-month"],
    ["2024年8月", "a year-month in kanji"],
    ["abc", "garbage"],
    ["2024-08-31x", "trailing garbage"],
    ["Sep 2024", "English month"],
  ])("rejects %j (%s)", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe("parseYearMonth", () => {
  it.each([
    ["2025-01", "2025-01"],
    ["2025/1", "2025-01"],
    ["2025.12", "2025-12"],
    ["2025年1月", "2025-01"],
    ["２０２５年１月", "2025-01"],
    ["令和7年1月", "2025-01"],
    ["令和元年5月", "2019-05"],
    ["R7.1", "2025-01"],
    ["R07/01", "2025-01"],
    ["r7.1", "2025-01"],
    ["H31.4", "2019-04"],
    ["202501", "2025-01"],
    [" 2025-01 ", "2025-01"],
  ])("reads %j as %s", (raw, ym) => {
    expect(parseYearMonth(raw)).toBe(ym);
  });

  it.each([
    ["", "empty"],
    ["2025-13", "month 13"],
    ["2025-0", "month 0"],
    ["202513", "compact month 13"],
    ["令和元年4月", "before 令和 began"],
    ["平成31年5月", "after 平成 ended"],
    ["25/1", "two-digit year"],
    ["2025-01-15", "a full date"],
    ["January", "garbage"],
  ])("rejects %j (%s)", (raw) => {
    expect(parseYearMonth(raw)).toBeNull();
  });
});

describe("formatting", () => {
  it("writes 和暦 with 元年 for the first year of an era", () => {
    expect(formatWareki("2024-08-31")).toBe("令和6年8月31日");
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("2019-04-30")).toBe("平成31年4月30日");
    expect(formatWareki("1989-01-08")).toBe("平成元年1月8日");
    expect(formatWareki("1989-01-07")).toBe("昭和64年1月7日");
    expect(formatWareki("2020-01-01")).toBe("令和2年1月1日");
  });

  it("round-trips through parseDate", () => {
    for (const iso of ["2019-05-01", "2019-04-30", "1989-01-08", "2024-02-29", "2031-12-31"]) {
      expect(parseDate(formatWareki(iso))).toBe(iso);
      expect(parseDate(formatDateJa(iso))).toBe(iso);
    }
  });

  it("writes Western dates without leading zeros", () => {
    expect(formatDateJa("2024-08-31")).toBe("2024年8月31日");
    expect(formatDateJa("2025-01-05")).toBe("2025年1月5日");
  });

  it("refuses to format what is not a date", () => {
    expect(() => formatWareki("2024-02-30")).toThrow(RangeError);
    expect(() => formatDateJa("2024/08/31")).toThrow(RangeError);
  });
});

describe("isIsoDate", () => {
  it("accepts only real days written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-8-31")).toBe(false);
    expect(isIsoDate("2024/08/31")).toBe(false);
    expect(isIsoDate(" 2024-08-31")).toBe(false);
    expect(isIsoDate("2024-08-31T00:00:00Z")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-08-31", 1)).toBe("2024-09-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-03-31", 0)).toBe("2024-03-31");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("adds months, clamping the day to the end of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-03-31", 1)).toBe("2024-04-30");
    expect(addMonths("2024-11-15", 2)).toBe("2025-01-15");
    expect(addMonths("2024-12-31", 1)).toBe("2025-01-31");
    expect(addMonths("2025-01-31", -2)).toBe("2024-11-30");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-07-20", -14)).toBe("2023-05-20");
    expect(addMonths("2024-05-10", 0)).toBe("2024-05-10");
  });

  it("finds month ends, leap Februaries included", () => {
    expect(monthEnd("2024-02-10")).toBe("2024-02-29");
    expect(monthEnd("2023-02-01")).toBe("2023-02-28");
    expect(monthEnd("2100-02-01")).toBe("2100-02-28");
    expect(monthEnd("2000-02-01")).toBe("2000-02-29");
    expect(monthEnd("2024-12-31")).toBe("2024-12-31");
    expect(monthEnd("2024-04-01")).toBe("2024-04-30");
  });

  it("lists the first day of every month the range touches", () => {
    expect(monthStarts("2024-11-15", "2025-02-01")).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
    expect(monthStarts("2024-08-31", "2024-08-31")).toEqual(["2024-08-01"]);
    expect(monthStarts("2025-01-01", "2024-12-31")).toEqual([]);
    expect(monthStarts("2023-01-01", "2024-12-31")).toHaveLength(24);
  });

  it("counts days between dates, negative when the second is earlier", () => {
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2023-01-01", "2023-12-31")).toBe(364);
    expect(daysBetween("2024-09-30", "2024-09-01")).toBe(-29);
    expect(daysBetween("2024-03-31", "2024-03-31")).toBe(0);
    // a daylight-saving change in some server zone must not make this 29.99 or 30.04
    expect(daysBetween("2024-03-01", "2024-03-31")).toBe(30);
  });

  it("compares ISO dates as a sort comparator", () => {
    expect(compareIso("2024-08-31", "2024-09-01")).toBeLessThan(0);
    expect(compareIso("2025-01-01", "2024-12-31")).toBeGreaterThan(0);
    expect(compareIso("2024-08-31", "2024-08-31")).toBe(0);
    expect(["2025-01-01", "2023-05-01", "2024-12-31"].sort(compareIso)).toEqual([
      "2023-05-01",
      "2024-12-31",
      "2025-01-01",
    ]);
  });

  it("throws on input that is not an ISO date rather than inventing one", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("R6.8.31", 1)).toThrow(RangeError);
    expect(() => daysBetween("", "2024-01-01")).toThrow(RangeError);
  });
});

describe("todayIso", () => {
  it("is the date in Tokyo, which turns at 15:00 UTC", () => {
    expect(todayIso(new Date("2026-11-24T14:59:59Z"))).toBe("2026-11-24");
    expect(todayIso(new Date("2026-11-24T15:00:00Z"))).toBe("2026-11-25");
    expect(todayIso(new Date("2026-11-24T15:30:00Z"))).toBe("2026-11-25");
    expect(todayIso(new Date("2024-12-31T15:00:00Z"))).toBe("2025-01-01");
    expect(todayIso(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
  });

  it("reads the clock when no time is given", () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});
