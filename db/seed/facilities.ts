import { makeFacilityCode } from "../../lib/facility-code";
import { PREFECTURES, type Prefecture } from "../../lib/prefectures";
import type { Category, ClaimMethod, TableType } from "../../lib/table-types";
import { TABLE_TYPE_DIGIT } from "../../lib/table-types";
import {
  clinicName,
  clinicSpecialties,
  dentalName,
  dentalSpecialties,
  founderName,
  hospitalName,
  hospitalSpecialties,
  pharmacyName,
  randomTown,
  type NameParts,
} from "./names";
import { cityWeights, PLACES } from "./places";
import { apportion, weightedPicker, type Rng } from "./rng";

/** The four kinds the seed models: hospitals and clinics share the medical table (digit 1). */
export type Kind = "hospital" | "clinic" | "dental" | "pharmacy";
export const KINDS: readonly Kind[] = ["hospital", "clinic", "dental", "pharmacy"];

interface KindInfo {
  /** National count in the payers' figures (domain.md, Scale): the shares the seed reproduces. */
  national: number;
  tableType: TableType;
  category: Category;
  /** Share claiming online in January 2023. */
  baselineOnline: number;
  claimsMedian: number;
  claimsSigma: number;
}

export const KIND_INFO: Record<Kind, KindInfo> = {
  hospital: {
    national: 8_200,
    tableType: "medical",
    category: "hospital",
    baselineOnline: 0.93,
    claimsMedian: 3_800,
    claimsSigma: 0.85,
  },
  clinic: {
    national: 89_700,
    tableType: "medical",
    category: "clinic",
    baselineOnline: 0.67,
    claimsMedian: 850,
    claimsSigma: 0.65,
  },
  dental: {
    national: 70_300,
    tableType: "dental",
    category: "clinic",
    baselineOnline: 0.52,
    claimsMedian: 420,
    claimsSigma: 0.55,
  },
  pharmacy: {
    national: 61_500,
    tableType: "pharmacy",
    category: "pharmacy",
    baselineOnline: 0.94,
    claimsMedian: 1_100,
    claimsSigma: 0.6,
  },
};

/** Share of the facilities not online at the baseline that claim on paper (7,700 of about 67,300). */
const PAPER_SHARE_OF_OFFLINE = 0.11;

/** A facility as generated, before its history decides status and closure. */
export interface FacilityDraft {
  kind: Kind;
  code: string;
  prefecture: string;
  tableType: TableType;
  category: Category;
  name: string;
  address: string;
  postalCode: string;
  phone: string;
  specialties: string | null;
  claimMethod: ClaimMethod;
  monthlyClaims: number;
  sharesOqvTerminal: boolean;
  initialState: "online" | "optical_disk";
  /** How far above (+) or below (−) a typical facility of its kind it is in size; small ones lag. */
  sizeZ: number;
  founderName: string;
  email: string | null;
}

/** Allocates N facilities to kinds by the national shares, then to prefectures by population. */
export function allocate(total: number): Map<Kind, number[]> {
  const byKind = apportion(
    total,
    KINDS.map((k) => KIND_INFO[k].national),
  );
  const populations = PREFECTURES.map((p) => p.population);
  return new Map(KINDS.map((k, i) => [k, apportion(byKind[i], populations)]));
}

const cityPickers = new Map<string, (rng: Rng) => number>();

/** Picks a city index of the prefecture, the largest city most often. */
function cityPicker(pref: string): (rng: Rng) => number {
  let picker = cityPickers.get(pref);
  if (!picker) {
    const count = PLACES[pref].cities.length;
    picker = weightedPicker(
      Array.from({ length: count }, (_, i) => i),
      cityWeights(count),
    );
    cityPickers.set(pref, picker);
  }
  return picker;
}

interface CodeCounters {
  /** The district and last number in use per (prefecture, table, city). */
  cities: Map<string, { district: number; number: number }>;
  /** Districts taken by an overflow per (prefecture, table). */
  overflows: Map<string, Set<number>>;
}

/**
 * Codes go up by 1–3 within a (prefecture, table, district). A city starts in district city + 1; a full
 * district overflows to district + 50 when that is free, else to the next district above every city's own
 * that no overflow has taken (only ten times the national size needs that).
 */
function nextCode(rng: Rng, counters: CodeCounters, pref: string, digit: string, cityIndex: number): string {
  const key = `${pref}${digit}${cityIndex}`;
  let c = counters.cities.get(key);
  if (!c) {
    c = { district: cityIndex + 1, number: rng.int(1, 30) };
    counters.cities.set(key, c);
  } else c.number += rng.int(1, 3);
  if (c.number > 9999) {
    const taken = counters.overflows.get(pref + digit) ?? new Set<number>();
    counters.overflows.set(pref + digit, taken);
    let next = c.district + 50;
    if (next > 99 || taken.has(next)) {
      next = PLACES[pref].cities.length + 1;
      while (next <= 99 && taken.has(next)) next++;
    }
    if (next > 99) throw new Error(`too many facilities for prefecture ${pref}: the code space ran out`);
    taken.add(next);
    c.district = next;
    c.number = rng.int(1, 30);
  }
  return makeFacilityCode(pref, digit, c.district, c.number);
}

function phoneNumber(rng: Rng, areaCode: string): string {
  const exchangeDigits = 10 - areaCode.length - 4;
  let exchange = String(rng.int(2, 9));
  while (exchange.length < exchangeDigits) exchange += String(rng.int(0, 9));
  return `${areaCode}-${exchange}-${String(rng.int(0, 9999)).padStart(4, "0")}`;
}

function address(rng: Rng, pref: Prefecture, parts: NameParts, kind: Kind): string {
  const block = rng.chance(0.7)
    ? `${rng.int(1, 5)}丁目${rng.int(1, 30)}番${rng.int(1, 25)}号`
    : `${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 25)}`;
  const inBuilding = kind !== "hospital" && rng.chance(0.25);
  const building = inBuilding
    ? ` ${parts.town.replace(/町$/, "")}${rng.pick(["メディカルビル", "ビル", "センタービル", "プラザ"])}${rng.int(1, 5)}階`
    : "";
  return `${pref.nameJa}${parts.city}${parts.town}${block}${building}`;
}

function draftOne(rng: Rng, kind: Kind, pref: Prefecture, counters: CodeCounters): FacilityDraft {
  const info = KIND_INFO[kind];
  const place = PLACES[pref.code];
  const cityIndex = cityPicker(pref.code)(rng);
  const parts: NameParts = { city: place.cities[cityIndex], town: randomTown(rng), prefectureName: pref.nameJa };
  const code = nextCode(rng, counters, pref.code, TABLE_TYPE_DIGIT[info.tableType], cityIndex);

  let name: string;
  let specialties: string | null = null;
  if (kind === "hospital") {
    name = hospitalName(rng, parts);
    specialties = hospitalSpecialties(rng);
  } else if (kind === "clinic") {
    const s = clinicSpecialties(rng);
    name = clinicName(rng, parts, s.main);
    specialties = s.all;
  } else if (kind === "dental") {
    name = dentalName(rng, parts);
    specialties = dentalSpecialties(rng);
  } else name = pharmacyName(rng, parts);

  const sizeZ = Math.max(-3, Math.min(3, rng.normal()));
  // Larger facilities were online earlier: the baseline chance moves with size, and the ones left on disk
  // are the smaller ones (27% of facilities but 14% of claims in the payers' figures).
  const pOnline = Math.min(0.995, Math.max(0.05, info.baselineOnline + 0.12 * sizeZ));
  const online = rng.chance(pOnline);
  const monthlyClaims = Math.max(
    20,
    Math.round(info.claimsMedian * Math.exp(info.claimsSigma * sizeZ) * (online ? 1 : 0.7)),
  );
  const claimMethod: ClaimMethod = online ? "online" : rng.chance(PAPER_SHARE_OF_OFFLINE) ? "paper" : "optical_disk";
  const [lo, hi] = place.postal;
  const postalPrefix = lo + ((cityIndex * 7 + rng.int(0, 2)) % (hi - lo + 1));
  return {
    kind,
    code,
    prefecture: pref.code,
    tableType: info.tableType,
    category: info.category,
    name,
    address: address(rng, pref, parts, kind),
    postalCode: `${String(postalPrefix).padStart(3, "0")}-${String(rng.int(0, 9999)).padStart(4, "0")}`,
    phone: phoneNumber(rng, place.areaCode),
    specialties,
    claimMethod,
    monthlyClaims,
    sharesOqvTerminal: rng.chance(online ? 0.86 : 0.7),
    initialState: online ? "online" : "optical_disk",
    sizeZ,
    founderName: founderName(rng, kind),
    email: rng.chance(0.8) ? `info-${code}@example.jp` : null,
  };
}

/** N facilities over the 47 prefectures and four kinds, in code order. */
export function generateFacilityDrafts(rng: Rng, total: number): FacilityDraft[] {
  const allocation = allocate(total);
  const counters: CodeCounters = { cities: new Map(), overflows: new Map() };
  const drafts: FacilityDraft[] = [];
  PREFECTURES.forEach((pref, p) => {
    // Kinds interleaved at random, so that hospitals and clinics mix within the medical code range.
    const kinds: Kind[] = [];
    for (const kind of KINDS) for (let i = allocation.get(kind)![p]; i > 0; i--) kinds.push(kind);
    for (let i = kinds.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
    }
    for (const kind of kinds) drafts.push(draftOne(rng, kind, pref, counters));
  });
  return drafts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
