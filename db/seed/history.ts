import type { EventState } from "../../lib/states";
import { day, dayInMonth, monthIndex, type Day, type MonthIndex } from "./calendar";
import type { FacilityDraft, Kind } from "./facilities";
import { buildFiling, type PlannedFiling } from "./filings";
import type { Rng } from "./rng";

/**
 * One facility's whole story from January 2023 to the end of the model (2029), independent of the as-of
 * date: generate.ts cuts it at the as-of date afterwards, so the same seed tells the same story whatever
 * day it is seeded on.
 */
export interface PlannedEvent {
  state: EventState;
  day: Day;
  note: string | null;
  backward: boolean;
}

export interface FacilityPlan {
  events: PlannedEvent[];
  filings: PlannedFiling[];
  closedOn: Day | null;
}

export const HISTORY_START = day(2023, 1, 1);
const LAST_MONTH = monthIndex(2029, 12);
const HORIZON = day(2029, 12, 31);
/** Facilities still on disk must be online by this day or have filed a deferral. */
export const MOVE_DEADLINE = day(2024, 9, 30);

/** Monthly chance that a disk facility of ordinary propensity starts claiming online that month. */
function onlineHazard(m: MonthIndex): number {
  if (m < monthIndex(2023, 3)) return 0;
  if (m <= monthIndex(2024, 3)) return 0.022; // FY2023: about a quarter move
  if (m <= monthIndex(2024, 10)) return 0.06; // the rush before the 30 September deadline
  if (m <= monthIndex(2025, 10)) return 0.075; // deferrals running to September 2025
  if (m <= monthIndex(2026, 10)) return 0.065;
  return 0.035;
}

/** Hospitals and pharmacies move fast; dental clinics lag; small facilities lag within every kind. */
const KIND_PROPENSITY: Record<Kind, number> = { hospital: 1.7, pharmacy: 1.7, clinic: 1.05, dental: 0.75 };
/** Yearly chance of closing (休止・廃止): facilities still on disk are older and close more often. */
const CLOSURE_RATE = { online: 0.006, disk: 0.016 };

function exponentialDay(rng: Rng, perYear: number, from: Day): Day {
  return from + Math.floor((-Math.log(1 - rng.next()) / perYear) * 365.25);
}

function uniformDay(rng: Rng, from: Day, to: Day): Day {
  return from + Math.floor(rng.next() * (to - from + 1));
}

/** The first month (if any) in which a disk facility starts claiming online. */
function firstOnlineMonth(rng: Rng, draft: FacilityDraft): MonthIndex | null {
  const propensity = KIND_PROPENSITY[draft.kind] * Math.exp(0.3 * draft.sizeZ + 0.45 * rng.normal());
  for (let m = monthIndex(2023, 3); m <= LAST_MONTH; m++) {
    if (rng.chance(Math.min(0.9, onlineHazard(m) * propensity))) return m;
  }
  return null;
}

/**
 * The onboarding calendar, for starting online in month n: usage application by the 20th of n−2, the
 * certificate before setup in n−1 (none when the eligibility-check terminal is shared), first claims sent
 * on the 5th–10th of n. A few facilities stall after applying and start months later.
 */
function onboarding(rng: Rng, draft: FacilityDraft, n: MonthIndex): PlannedEvent[] {
  const applyMonth = Math.max(0, rng.chance(0.6) ? n - 2 : n - 3);
  const applied = Math.max(day(2023, 1, 5), dayInMonth(applyMonth, rng.int(1, applyMonth === n - 2 ? 20 : 28)));
  const events: PlannedEvent[] = [{ state: "applied", day: applied, note: "利用申請受付", backward: false }];
  const stalled = rng.chance(draft.kind === "dental" ? 0.08 : 0.05);
  const startMonth = stalled ? n + rng.int(3, 12) : n;
  if (!draft.sharesOqvTerminal) {
    const latest = Math.max(applied + 6, dayInMonth(n - 1, 10));
    events.push({
      state: "certificate_issued",
      day: uniformDay(rng, applied + 5, latest),
      note: "電子証明書発行",
      backward: false,
    });
  }
  events.push({
    state: "online",
    day: dayInMonth(startMonth, rng.int(5, 10)),
    note: "オンライン請求開始",
    backward: false,
  });
  return events;
}

/** Rarely a facility goes back to disk for a while (a broken line, a new レセコン) and then returns. */
function backwardStep(rng: Rng, onlineSince: Day): PlannedEvent[] {
  const leaves = uniformDay(rng, onlineSince + 30, onlineSince + 900);
  const returns = leaves + rng.int(20, 90);
  if (returns > HORIZON) return [];
  const why = rng.pick([
    "回線障害のため光ディスク等で請求",
    "レセコン入替のため一時的に光ディスク等で請求",
    "電子証明書の期限切れのため光ディスク等で請求",
  ]);
  return [
    { state: "optical_disk", day: leaves, note: why, backward: true },
    { state: "online", day: returns, note: "オンライン請求再開", backward: false },
  ];
}

/** Which summers (May–August) the facility files a 様式第1号, from 2024 on, while it is still on disk. */
function filingDays(
  rng: Rng,
  appliedOn: Day | null,
  onlineOn: Day | null,
  closesOn: Day | null,
  closurePlanned: boolean,
): Day[] {
  const days: Day[] = [];
  for (let year = 2024; year <= 2029; year++) {
    const deadline = day(year, 9, 30);
    if (onlineOn !== null && onlineOn <= deadline) break; // online in time: nothing to file
    let from = day(year, 5, 1);
    let to = day(year, 8, 31);
    let files: boolean;
    if (days.length === 0 && year === 2024) {
      files = rng.chance(closurePlanned ? 0.6 : 0.9);
      if (!files && rng.chance(0.3)) {
        // A late filer, after the 31 August deadline.
        files = true;
        from = day(2024, 9, 1);
        to = day(2024, 12, 27);
      }
    } else if (days.length === 0) files = rng.chance(0.3);
    else files = rng.chance(closurePlanned ? 0.6 : 0.85);
    if (!files) continue;
    // Filers leave it late (the later of two draws), and always file before applying or closing.
    const end = Math.min(to, (appliedOn ?? HORIZON) - 3, (closesOn ?? HORIZON) - 1);
    if (end < from) break;
    days.push(Math.max(uniformDay(rng, from, end), uniformDay(rng, from, end)));
  }
  return days;
}

export function planHistory(rng: Rng, draft: FacilityDraft): FacilityPlan {
  const onDisk = draft.initialState === "optical_disk";
  const closureDraw = exponentialDay(rng, onDisk ? CLOSURE_RATE.disk : CLOSURE_RATE.online, HISTORY_START + 20);
  const closesOn = closureDraw <= HORIZON ? closureDraw : null;
  const events: PlannedEvent[] = [];
  const filings: PlannedFiling[] = [];
  let onlineSince: Day | null = onDisk ? null : HISTORY_START;

  if (onDisk) {
    // Closing after the deadline but within the deferral years: a facility that plans to close does not migrate.
    const closurePlanned = closesOn !== null && closesOn > MOVE_DEADLINE && closesOn <= day(2026, 9, 30);
    const month = closurePlanned ? null : firstOnlineMonth(rng, draft);
    const ladder = month === null ? [] : onboarding(rng, draft, month);
    const appliedOn = ladder.length ? ladder[0].day : null;
    const onlineOn = ladder.length ? ladder[ladder.length - 1].day : null;
    const fileOn = filingDays(rng, appliedOn, onlineOn, closesOn, closurePlanned);
    fileOn.forEach((filedOn, i) => {
      filings.push(
        buildFiling(rng, draft, { filedOn, onlineOn, closesOn: closurePlanned ? closesOn : null, renewal: i > 0 }),
      );
    });
    if (fileOn.length)
      events.push({ state: "deferred", day: fileOn[0], note: "猶予届出（様式第1号）", backward: false });
    events.push(...ladder);
    onlineSince = onlineOn;
  }
  if (onlineSince !== null && rng.chance(onDisk ? 0.006 : 0.003)) events.push(...backwardStep(rng, onlineSince));

  if (closesOn !== null) {
    const before = events.filter((e) => e.day < closesOn);
    events.length = 0;
    events.push(...before, {
      state: "closed",
      day: closesOn,
      note: rng.chance(0.8) ? "廃止" : "休止",
      backward: false,
    });
    const kept = filings.filter((f) => f.filedDay < closesOn);
    filings.length = 0;
    filings.push(...kept);
  }
  return { events, filings, closedOn: closesOn };
}
