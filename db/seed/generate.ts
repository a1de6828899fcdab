import { isIsoDate, todayIso } from "../../lib/dates";
import { stateRank, type EventState } from "../../lib/states";
import type { FilingInput } from "../import/filings";
import { dayFromIso, isoOf } from "./calendar";
import { generateFacilityDrafts, type FacilityDraft } from "./facilities";
import { planHistory, type PlannedEvent } from "./history";
import { createRng, mixSeed } from "./rng";

/**
 * The synthetic national data set: a pure function of (facilities, seed, as-of). Facilities and their
 * whole 2023–2029 stories are drawn first; the stories are then cut at the as-of date, so that nothing is
 * dated after it and each facility's status is its latest event on or before it.
 */
export const DEFAULT_FACILITIES = 230_000;
export const DEFAULT_SEED = 1;

export interface GenerateOptions {
  facilities?: number;
  seed?: number;
  /** 'YYYY-MM-DD', not after today in Tokyo; default today. */
  asOf?: string;
}

/**
 * A row of `facilities` (db/schema.ts), with the kind kept for summaries. Its `claimMethod` is how the
 * facility claimed in January 2023 (the baseline), not today.
 */
export interface SeedFacility extends Omit<FacilityDraft, "sizeZ" | "founderName" | "email"> {
  closedOn: string | null;
  status: EventState;
  statusSince: string | null;
}

export interface SeedEvent {
  facilityCode: string;
  state: EventState;
  effectiveOn: string;
  note: string | null;
  backward: boolean;
}

export interface SeedFiling extends FilingInput {
  inForce: boolean;
}

export interface NationalData {
  asOf: string;
  seed: number;
  facilities: SeedFacility[];
  events: SeedEvent[];
  filings: SeedFiling[];
}

export function resolveOptions(options: GenerateOptions, today: string = todayIso()): Required<GenerateOptions> {
  const facilities = options.facilities ?? DEFAULT_FACILITIES;
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? today;
  if (!Number.isInteger(facilities) || facilities < 1)
    throw new Error(`facilities must be a positive whole number (got ${facilities})`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number (got ${seed})`);
  if (!isIsoDate(asOf)) throw new Error(`as-of must be a date YYYY-MM-DD (got ${asOf})`);
  if (asOf > today) throw new Error(`as-of ${asOf} is after today (${today} in Tokyo)`);
  return { facilities, seed, asOf };
}

function byDayThenState(a: PlannedEvent, b: PlannedEvent): number {
  return a.day - b.day || stateRank(a.state) - stateRank(b.state);
}

export function generateNationalData(options: GenerateOptions = {}): NationalData {
  const { facilities: total, seed, asOf } = resolveOptions(options);
  const cutoff = dayFromIso(asOf);
  const drafts = generateFacilityDrafts(createRng(mixSeed(seed, 1)), total);
  const storyRng = createRng(mixSeed(seed, 2));

  const facilities: SeedFacility[] = [];
  const events: SeedEvent[] = [];
  const filings: SeedFiling[] = [];
  for (const draft of drafts) {
    const plan = planHistory(storyRng, draft);
    const happened = plan.events.filter((e) => e.day <= cutoff).sort(byDayThenState);
    for (const e of happened) {
      events.push({
        facilityCode: draft.code,
        state: e.state,
        effectiveOn: isoOf(e.day),
        note: e.note,
        backward: e.backward,
      });
    }
    const filed = plan.filings.filter((f) => f.filedDay <= cutoff);
    filed.forEach((f, i) => filings.push({ ...f.input, inForce: i === filed.length - 1 }));
    const latest = happened.at(-1);
    facilities.push({
      kind: draft.kind,
      code: draft.code,
      prefecture: draft.prefecture,
      tableType: draft.tableType,
      category: draft.category,
      name: draft.name,
      address: draft.address,
      postalCode: draft.postalCode,
      phone: draft.phone,
      specialties: draft.specialties,
      claimMethod: draft.claimMethod,
      monthlyClaims: draft.monthlyClaims,
      sharesOqvTerminal: draft.sharesOqvTerminal,
      closedOn: plan.closedOn !== null && plan.closedOn <= cutoff ? isoOf(plan.closedOn) : null,
      initialState: draft.initialState,
      status: latest?.state ?? draft.initialState,
      statusSince: latest ? isoOf(latest.day) : null,
    });
  }
  return { asOf, seed, facilities, events, filings };
}

/** Counts by current status, closed included: what the seed prints and the tests check. */
export function countByStatus(facilities: readonly SeedFacility[]): Record<EventState, number> {
  const counts = { optical_disk: 0, deferred: 0, applied: 0, certificate_issued: 0, online: 0, closed: 0 };
  for (const f of facilities) counts[f.status]++;
  return counts;
}
