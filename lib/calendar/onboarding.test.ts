import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  applyByFor,
  businessDaysBefore,
  isBusinessDay,
  isJapaneseHoliday,
  latestStartMonthFor,
  onboardingCalendar,
} from "./onboarding";

describe("business days", () => {
  it("skips national holidays, including 敬老の日 and 秋分の日 2025 on weekdays", () => {
    expect(isJapaneseHoliday("2025-09-15")).toBe(true); // Monday, 敬老の日
    expect(isJapaneseHoliday("2025-09-23")).toBe(true); // Tuesday, 秋分の日
    expect(isBusinessDay("2025-09-15")).toBe(false);
    expect(isBusinessDay("2025-09-23")).toBe(false);
    expect(isBusinessDay("2025-09-16")).toBe(true);
    expect(isBusinessDay("2025-09-22")).toBe(true);
  });

  it("skips substitute holidays (振替休日) and weekends", () => {
    expect(isBusinessDay("2025-05-06")).toBe(false); // こどもの日 falls on Sunday 5/4 → 振替休日 5/6
    expect(isBusinessDay("2025-02-24")).toBe(false); // 天皇誕生日 on Sunday → Monday off
    expect(isBusinessDay("2025-09-13")).toBe(false); // Saturday
    expect(isBusinessDay("2025-09-14")).toBe(false); // Sunday
  });

  it("treats only New Year's Day as a holiday at the year end, not 12/31 or 1/2", () => {
    expect(isBusinessDay("2025-12-31")).toBe(true); // Wednesday
    expect(isBusinessDay("2026-01-01")).toBe(false); // 元日
    expect(isBusinessDay("2026-01-02")).toBe(true); // Friday, not a national holiday
    expect(addBusinessDays("2025-12-31", 1)).toBe("2026-01-02");
    expect(addBusinessDays("2026-01-02", -1)).toBe("2025-12-31");
  });

  it("counts forwards and backwards across weekends and holidays", () => {
    expect(addBusinessDays("2025-09-12", 1)).toBe("2025-09-16"); // Fri → over the weekend and 敬老の日
    expect(addBusinessDays("2025-09-16", -1)).toBe("2025-09-12");
    expect(addBusinessDays("2025-09-22", 1)).toBe("2025-09-24"); // over 秋分の日
    expect(addBusinessDays("2025-09-19", 5)).toBe("2025-09-29"); // 22, 24, 25, 26, 29
    expect(addBusinessDays("2025-09-29", -5)).toBe("2025-09-19");
    expect(addBusinessDays("2025-09-13", 1)).toBe("2025-09-16"); // from a Saturday
    expect(addBusinessDays("2025-09-13", 0)).toBe("2025-09-13");
    expect(businessDaysBefore("2025-09-24", 2)).toBe("2025-09-19"); // 22, then 19
  });

  it("crosses month and year boundaries", () => {
    expect(addBusinessDays("2025-10-31", 1)).toBe("2025-11-04"); // Fri → Mon 11/3 文化の日 → Tue
    expect(addBusinessDays("2024-12-30", 3)).toBe("2025-01-03"); // 31, (1/1 off), 2, 3
  });

  it("rejects malformed input", () => {
    expect(() => isBusinessDay("2025-02-30")).toThrow(RangeError);
    expect(() => addBusinessDays("2025-09-01", 1.5)).toThrow(RangeError);
    expect(() => businessDaysBefore("2025-09-01", -1)).toThrow(RangeError);
  });
});

describe("onboarding calendar", () => {
  it("lays out a start in October 2025", () => {
    // Setup starts Monday 15 September (敬老の日 — the calendar keeps the 15th); 5 business days before
    // that, counting back 12, 11, 10, 9, 8 September.
    expect(onboardingCalendar("2025-10")).toEqual({
      month: "2025-10",
      applyBy: "2025-08-20",
      certificateFrom: "2025-08-01",
      certificateBy: "2025-09-08",
      setupFrom: "2025-09-15",
      setupTo: "2025-09-30",
      start: "2025-10-01",
    });
  });

  it("skips 山の日 when counting back from the setup start", () => {
    // 14, 13, 12 August, then Monday 11 August (山の日) and the weekend are skipped: 8, 7 August.
    const cal = onboardingCalendar("2025-09");
    expect(cal.applyBy).toBe("2025-07-20");
    expect(cal.setupFrom).toBe("2025-08-15");
    expect(cal.certificateBy).toBe("2025-08-07");
  });

  it("wraps around the year end", () => {
    expect(onboardingCalendar("2026-01")).toEqual({
      month: "2026-01",
      applyBy: "2025-11-20",
      certificateFrom: "2025-11-01",
      certificateBy: "2025-12-08",
      setupFrom: "2025-12-15",
      setupTo: "2025-12-31",
      start: "2026-01-01",
    });
    const feb = onboardingCalendar("2026-02");
    expect(feb.applyBy).toBe("2025-12-20");
    expect(feb.setupFrom).toBe("2026-01-15");
    expect(feb.certificateBy).toBe("2026-01-07"); // 14, 13, (12 成人の日, weekend) 9, 8, 7
  });

  it("ends setup on the true last day of February", () => {
    expect(onboardingCalendar("2026-03").setupTo).toBe("2026-02-28");
    expect(onboardingCalendar("2028-03").setupTo).toBe("2028-02-29");
    expect(onboardingCalendar("2025-05").setupTo).toBe("2025-04-30");
  });

  it("rejects a month that is not YYYY-MM", () => {
    expect(() => onboardingCalendar("2025-13")).toThrow(RangeError);
    expect(() => onboardingCalendar("2025-9")).toThrow(RangeError);
  });
});

describe("start month and apply-by for a deferral end", () => {
  it("needs an application by 20 July for a deferral ending 30 September (domain.md)", () => {
    expect(latestStartMonthFor("2025-09-30")).toBe("2025-09");
    expect(applyByFor("2025-09-30")).toBe("2025-07-20");
    expect(applyByFor("2024-09-30")).toBe("2024-07-20");
  });

  it("uses the month containing the deferral end, whatever its day", () => {
    expect(latestStartMonthFor("2025-03-31")).toBe("2025-03");
    expect(applyByFor("2025-03-31")).toBe("2025-01-20");
    expect(applyByFor("2025-12-31")).toBe("2025-10-20");
    expect(latestStartMonthFor("2025-09-01")).toBe("2025-09");
  });

  it("reaches back into the previous year for early-year deferral ends", () => {
    expect(applyByFor("2026-01-31")).toBe("2025-11-20");
    expect(applyByFor("2026-02-28")).toBe("2025-12-20");
  });

  it("rejects a deferral end that is not a real date", () => {
    expect(() => latestStartMonthFor("2025-09-31")).toThrow(RangeError);
  });
});
