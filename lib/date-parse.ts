/**
 * Dates and year-months as people type them into Excel lists: Western or 和暦, with -, /, . or 年月日,
 * full-width or not. Everything else is null, so an import can reject the cell with a reason.
 */
import { daysInMonth, isValidYmd, ymdToIso } from "./calendar/ymd";
import { eraOverlaps, eraYearToGregorian, findEra, type Era } from "./wareki";

/** NFKC (full-width digits, ㋿/㍻/㍼ to kanji), dash look-alikes to '-', whitespace out. */
function normalise(raw: string): string {
  return (
    raw
      .normalize("NFKC")
      .trim()
      // Excel often writes a date cell as '2024/8/31 0:00'; the time of day means nothing here.
      .replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, "")
      .replace(/[‐‑‒–—―−ー]/g, "-")
      .replace(/\s+/g, "")
  );
}

const ERA_PREFIX = /^(令和|平成|昭和|[RHS])/i;

/** Splits off a leading era; `rest` is what follows it. */
function splitEra(text: string): { era: Era | undefined; rest: string } | null {
  const m = ERA_PREFIX.exec(text);
  if (!m) return { era: undefined, rest: text };
  const era = findEra(m[1]);
  return era ? { era, rest: text.slice(m[1].length) } : null;
}

/** A Western year must have four digits; an era year is 元 or one or two digits. */
function resolveYear(era: Era | undefined, yearText: string): number | null {
  if (!era) return /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (!/^(元|\d{1,2})$/.test(yearText)) return null;
  return eraYearToGregorian(era, yearText);
}

// Year, then month and day as 年月日 or with one repeated separator.
const DATE_BODY = /^(元|\d{1,4})(?:年(\d{1,2})月(\d{1,2})日?|([-/.])(\d{1,2})\4(\d{1,2}))$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * 'YYYY-MM-DD' from '2024-08-31', '2024/8/31', '2024.8.31', '20240831', '2024年8月31日', '令和6年8月31日',
 * 'R6.8.31', 'H31/4/30', '令和元年5月1日' …; null when empty, unreadable, not a real day, or outside its era
 * (令和1年4月30日 is before 令和 began).
 */
export function parseDate(raw: string): string | null {
  const text = normalise(raw);
  if (text === "") return null;
  const compact = COMPACT_DATE.exec(text);
  if (compact) return checkedDate(undefined, Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const split = splitEra(text);
  if (!split) return null;
  const m = DATE_BODY.exec(split.rest);
  if (!m) return null;
  const year = resolveYear(split.era, m[1]);
  if (year === null) return null;
  return checkedDate(split.era, year, Number(m[2] ?? m[5]), Number(m[3] ?? m[6]));
}

function checkedDate(era: Era | undefined, year: number, month: number, day: number): string | null {
  if (!isValidYmd(year, month, day)) return null;
  const iso = ymdToIso(year, month, day);
  if (era && !eraOverlaps(era, iso, iso)) return null;
  return iso;
}

const MONTH_BODY = /^(元|\d{1,4})(?:年(\d{1,2})月?|([-/.])(\d{1,2}))$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

/**
 * 'YYYY-MM' from '2025-01', '2025/1', '2025年1月', '令和7年1月', 'R7.1', '202501' …; null otherwise, and
 * when the month lies wholly outside its era (平成31年5月, 令和元年4月).
 */
export function parseYearMonth(raw: string): string | null {
  const text = normalise(raw);
  if (text === "") return null;
  const compact = COMPACT_MONTH.exec(text);
  if (compact) return checkedMonth(undefined, Number(compact[1]), Number(compact[2]));
  const split = splitEra(text);
  if (!split) return null;
  const m = MONTH_BODY.exec(split.rest);
  if (!m) return null;
  const year = resolveYear(split.era, m[1]);
  if (year === null) return null;
  return checkedMonth(split.era, year, Number(m[2] ?? m[4]));
}

function checkedMonth(era: Era | undefined, year: number, month: number): string | null {
  if (!isValidYmd(year, month, 1)) return null;
  const first = ymdToIso(year, month, 1);
  if (era && !eraOverlaps(era, first, ymdToIso(year, month, daysInMonth(year, month)))) return null;
  return first.slice(0, 7);
}
