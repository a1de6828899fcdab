import { describe, expect, it } from "vitest";
import { AS_OF_EARLIEST, asOfLatest, clampToWindow, isDateInWindow } from "./as-of-window";

describe("the as-of window", () => {
  const today = "2026-12-04";
  it("runs from 2015-01-01 to one year after today", () => {
    expect(asOfLatest(today)).toBe("2027-12-04");
    expect(asOfLatest("2028-02-29")).toBe("2029-02-28");
    expect(isDateInWindow(AS_OF_EARLIEST, today)).toBe(true);
    expect(isDateInWindow("2014-12-31", today)).toBe(false);
    expect(isDateInWindow("2027-12-04", today)).toBe(true);
    expect(isDateInWindow("2027-12-05", today)).toBe(false);
    expect(isDateInWindow("9999-12-31", today)).toBe(false);
    expect(isDateInWindow("2026-02-30", today)).toBe(false);
  });

  it("clamps a page's date to the nearest end and says from what", () => {
    expect(clampToWindow("9999-12-31", today)).toEqual({ date: "2027-12-04", clampedFrom: "9999-12-31" });
    expect(clampToWindow("1000-01-01", today)).toEqual({ date: AS_OF_EARLIEST, clampedFrom: "1000-01-01" });
    expect(clampToWindow("2024-08-31", today)).toEqual({ date: "2024-08-31" });
    expect(clampToWindow("junk", today)).toEqual({ date: today });
    expect(clampToWindow(undefined, today)).toEqual({ date: today });
  });
});
