import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { facilities, statusEvents } from "../schema";
import { progress } from "./progress";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";
import type { EventState } from "../../lib/states";

let db: Db;
let close: () => Promise<void>;

const tokyo = makeFacilityCode("13", "1", 1, 1);
const tokyoDental = makeFacilityCode("13", "3", 1, 2);
const osaka = makeFacilityCode("27", "1", 1, 3);
const osakaPharmacy = makeFacilityCode("27", "4", 1, 4);
const hokkaido = makeFacilityCode("01", "1", 1, 5);

type Seed = {
  code: string;
  pref: string;
  type: "medical" | "dental" | "pharmacy";
  initial: EventState;
  closedOn?: string;
  events: [EventState, string][];
};

/** A small known history; status/status_since are derived the way imports keep them. */
const history: Seed[] = [
  {
    code: tokyo,
    pref: "13",
    type: "medical",
    initial: "optical_disk",
    events: [
      ["deferred", "2024-06-01"],
      ["applied", "2025-03-01"],
      ["online", "2025-06-10"],
    ],
  },
  {
    code: tokyoDental,
    pref: "13",
    type: "dental",
    initial: "optical_disk",
    events: [
      ["online", "2024-06-01"],
      ["optical_disk", "2024-07-01"],
      ["online", "2024-09-01"],
    ],
  },
  { code: osaka, pref: "27", type: "medical", initial: "online", events: [] },
  {
    code: osakaPharmacy,
    pref: "27",
    type: "pharmacy",
    initial: "optical_disk",
    closedOn: "2025-01-15",
    events: [["deferred", "2024-08-01"]],
  },
  // Two events on one day: the furthest state wins.
  {
    code: hokkaido,
    pref: "01",
    type: "medical",
    initial: "optical_disk",
    events: [
      ["applied", "2024-10-01"],
      ["certificate_issued", "2024-10-01"],
    ],
  },
];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  for (const f of history) {
    const last = f.events.at(-1);
    await db.insert(facilities).values({
      code: f.code,
      prefecture: f.pref,
      tableType: f.type,
      category: f.type === "pharmacy" ? "pharmacy" : "clinic",
      name: `施設${f.code}`,
      initialState: f.initial,
      status: f.code === hokkaido ? "certificate_issued" : (last?.[0] ?? f.initial),
      statusSince: last?.[1] ?? null,
      closedOn: f.closedOn ?? null,
    });
    for (const [state, effectiveOn] of f.events) {
      await db.insert(statusEvents).values({ facilityCode: f.code, state, effectiveOn, source: "test" });
    }
  }
});

afterAll(async () => close?.());

async function stateOn(scope: Scope, asOf: string) {
  const r = await progress(db, scope, { asOf, groupBy: "prefecture" });
  return r;
}

describe("progress as of a date", () => {
  it("counts every facility at its starting state before any event", async () => {
    const r = await stateOn(NATIONAL, "2023-01-01");
    expect(r.total).toBe(5);
    expect(r.counts).toEqual({ optical_disk: 4, deferred: 0, applied: 0, certificate_issued: 0, online: 1 });
    expect(r.closed).toBe(0);
    expect(r.onlineRate).toBeCloseTo(0.2);
  });

  it("follows backward steps and same-day events to the furthest state", async () => {
    const r = await stateOn(NATIONAL, "2024-07-15");
    expect(r.counts).toEqual({ optical_disk: 3, deferred: 1, applied: 0, certificate_issued: 0, online: 1 });
    const later = await stateOn(NATIONAL, "2024-10-01");
    expect(later.counts).toEqual({ optical_disk: 0, deferred: 2, applied: 0, certificate_issued: 1, online: 2 });
  });

  it("takes a closed facility out of the denominator from its closing day, that day included", async () => {
    const before = await stateOn(NATIONAL, "2025-01-14");
    expect(before.total).toBe(5);
    const on = await stateOn(NATIONAL, "2025-01-15");
    expect(on.total).toBe(4);
    expect(on.closed).toBe(1);
    const osakaGroup = on.groups.find((g) => g.key === "27");
    expect(osakaGroup).toMatchObject({ total: 1, closed: 1, onlineRate: 1 });
  });

  it("today equals the maintained current status", async () => {
    const r = await stateOn(NATIONAL, "2026-11-25");
    expect(r.counts).toEqual({ optical_disk: 0, deferred: 0, applied: 0, certificate_issued: 1, online: 3 });
    expect(r.onlineRate).toBeCloseTo(0.75);
  });

  it("groups by table type and category with Japanese and English labels", async () => {
    const r = await progress(db, NATIONAL, { asOf: "2026-11-25", groupBy: "tableType" });
    expect(r.groups.map((g) => [g.key, g.label, g.labelEn, g.total])).toEqual([
      ["medical", "医科", "Medical", 3],
      ["dental", "歯科", "Dental", 1],
      ["pharmacy", "調剤", "Pharmacy", 0],
    ]);
    const c = await progress(db, NATIONAL, { asOf: "2026-11-25", groupBy: "category", tableType: "medical" });
    expect(c.groups.map((g) => g.key)).toEqual(["clinic"]);
    expect(c.total).toBe(3);
  });
});

describe("progress within a scope", () => {
  const tokyoOnly: Scope = { kind: "prefectures", prefectures: ["13"] };

  it("a Tokyo user sees only Tokyo, however the figures are grouped", async () => {
    const r = await stateOn(tokyoOnly, "2026-11-25");
    expect(r.groups.map((g) => g.key)).toEqual(["13"]);
    expect(r.total).toBe(2);
    const byType = await progress(db, tokyoOnly, { asOf: "2026-11-25", groupBy: "tableType" });
    expect(byType.total).toBe(2);
  });

  it("asking for another prefecture yields nothing, not its figures", async () => {
    const r = await progress(db, tokyoOnly, { asOf: "2026-11-25", groupBy: "prefecture", prefecture: "27" });
    expect(r.total).toBe(0);
    expect(r.closed).toBe(0);
    expect(r.groups).toEqual([]);
  });

  it("an empty prefecture list sees nothing at all", async () => {
    const r = await stateOn({ kind: "prefectures", prefectures: [] }, "2026-11-25");
    expect(r.total).toBe(0);
    expect(r.groups).toEqual([]);
  });

  it("a national user may narrow to one prefecture", async () => {
    const r = await progress(db, NATIONAL, { asOf: "2026-11-25", groupBy: "prefecture", prefecture: "27" });
    expect(r.groups.map((g) => g.key)).toEqual(["27"]);
    expect(r.total).toBe(1);
  });
});
