import { describe, expect, it } from "vitest";
import { parseFacilityCode } from "../../lib/facility-code";
import { PREFECTURES } from "../../lib/prefectures";
import { isBackwardStep, stateRank, type EventState } from "../../lib/states";
import { generateNationalData, resolveOptions, type NationalData, type SeedEvent } from "./generate";

const N = 3_000;
const AS_OF = "2026-11-01";
const data = generateNationalData({ facilities: N, seed: 42, asOf: AS_OF });

function eventsByCode(events: readonly SeedEvent[]): Map<string, SeedEvent[]> {
  const map = new Map<string, SeedEvent[]>();
  for (const e of events) map.set(e.facilityCode, [...(map.get(e.facilityCode) ?? []), e]);
  return map;
}

function share(count: number, total: number): number {
  return count / total;
}

describe("determinism", () => {
  it("gives identical data for the same seed and arguments", () => {
    expect(generateNationalData({ facilities: N, seed: 42, asOf: AS_OF })).toEqual(data);
  });

  it("gives different data for another seed", () => {
    const other = generateNationalData({ facilities: N, seed: 43, asOf: AS_OF });
    expect(other.facilities.length).toBe(N);
    const sameNames = other.facilities.filter((f, i) => f.name === data.facilities[i].name).length;
    expect(sameNames).toBeLessThan(N / 4);
    expect(other.events.length).not.toBe(data.events.length);
  });

  it("tells the same story whatever the as-of date: an earlier date is the later data cut short", () => {
    const earlier = generateNationalData({ facilities: N, seed: 42, asOf: "2025-01-15" });
    expect(earlier.events).toEqual(data.events.filter((e) => e.effectiveOn <= "2025-01-15"));
    expect(earlier.filings.map((f) => [f.code, f.filedOn])).toEqual(
      data.filings.filter((f) => f.filedOn <= "2025-01-15").map((f) => [f.code, f.filedOn]),
    );
    expect(earlier.facilities.map((f) => f.name)).toEqual(data.facilities.map((f) => f.name));
  });

  it("refuses an as-of date after today and nonsense sizes", () => {
    expect(() => resolveOptions({ asOf: "2026-11-26" }, "2026-11-25")).toThrow(/after today/);
    expect(() => resolveOptions({ asOf: "2026-02-30" }, "2026-11-25")).toThrow(/YYYY-MM-DD/);
    expect(() => resolveOptions({ facilities: 0 }, "2026-11-25")).toThrow(/positive/);
    expect(resolveOptions({}, "2026-11-25")).toEqual({ facilities: 230_000, seed: 1, asOf: "2026-11-25" });
  });
});

describe("facilities", () => {
  it("have valid, unique 10-digit codes that agree with prefecture and table type", () => {
    expect(new Set(data.facilities.map((f) => f.code)).size).toBe(N);
    for (const f of data.facilities) {
      const parsed = parseFacilityCode(f.code);
      expect(parsed.ok, f.code).toBe(true);
      if (parsed.ok) {
        expect(parsed.prefecture).toBe(f.prefecture);
        expect(parsed.tableType).toBe(f.tableType);
      }
    }
  });

  it("follow the national shares of kinds and the prefectures' populations", () => {
    const count = (kind: string) => data.facilities.filter((f) => f.kind === kind).length;
    expect(share(count("hospital"), N)).toBeCloseTo(0.0357, 2);
    expect(share(count("clinic"), N)).toBeCloseTo(0.3905, 2);
    expect(share(count("dental"), N)).toBeCloseTo(0.306, 2);
    expect(share(count("pharmacy"), N)).toBeCloseTo(0.2677, 2);
    const population = PREFECTURES.reduce((s, p) => s + p.population, 0);
    const tokyo = data.facilities.filter((f) => f.prefecture === "13").length;
    expect(share(tokyo, N)).toBeCloseTo(14_048_000 / population, 2);
    expect(new Set(data.facilities.map((f) => f.prefecture)).size).toBe(47);
    for (const f of data.facilities) {
      expect(f.category).toBe(f.kind === "hospital" ? "hospital" : f.kind === "pharmacy" ? "pharmacy" : "clinic");
      expect(f.address.startsWith(PREFECTURES.find((p) => p.code === f.prefecture)!.nameJa)).toBe(true);
      expect(f.postalCode).toMatch(/^\d{3}-\d{4}$/);
      expect(f.phone).toMatch(/^0\d{1,3}-\d{1,4}-\d{4}$/);
      expect(f.phone.replaceAll("-", "")).toHaveLength(10);
    }
  });

  it("start about 70% online, hospitals and pharmacies far ahead of dental clinics", () => {
    const online = (fs: NationalData["facilities"]) =>
      share(fs.filter((f) => f.initialState === "online").length, fs.length);
    const ofKind = (kind: string) => data.facilities.filter((f) => f.kind === kind);
    expect(online(data.facilities)).toBeGreaterThan(0.67);
    expect(online(data.facilities)).toBeLessThan(0.73);
    expect(online(ofKind("hospital"))).toBeGreaterThan(0.84);
    expect(online(ofKind("pharmacy"))).toBeGreaterThan(0.85);
    expect(online(ofKind("clinic"))).toBeGreaterThan(0.6);
    expect(online(ofKind("clinic"))).toBeLessThan(0.72);
    expect(online(ofKind("dental"))).toBeGreaterThan(0.44);
    expect(online(ofKind("dental"))).toBeLessThan(0.58);
    const paper = data.facilities.filter((f) => f.claimMethod === "paper").length;
    expect(share(paper, N)).toBeGreaterThan(0.015);
    expect(share(paper, N)).toBeLessThan(0.06);
    for (const f of data.facilities)
      expect(f.initialState).toBe(f.claimMethod === "online" ? "online" : "optical_disk");
  });
});

describe("history", () => {
  const byCode = eventsByCode(data.events);

  it("sets every facility's status to its latest event (furthest state on a tie), or its starting state", () => {
    for (const f of data.facilities) {
      const events = byCode.get(f.code) ?? [];
      const latest = events.reduce<SeedEvent | null>(
        (best, e) =>
          !best ||
          e.effectiveOn > best.effectiveOn ||
          (e.effectiveOn === best.effectiveOn && stateRank(e.state) > stateRank(best.state))
            ? e
            : best,
        null,
      );
      expect(f.status).toBe(latest?.state ?? f.initialState);
      expect(f.statusSince).toBe(latest?.effectiveOn ?? null);
    }
  });

  it("dates nothing after the as-of date or before 2023, and keeps event identities unique", () => {
    const dates = [
      ...data.events.map((e) => e.effectiveOn),
      ...data.filings.map((f) => f.filedOn),
      ...data.facilities.map((f) => f.closedOn ?? AS_OF),
    ];
    expect(dates.every((d) => d >= "2023-01-01" && d <= AS_OF)).toBe(true);
    const identities = new Set(data.events.map((e) => `${e.facilityCode}|${e.state}|${e.effectiveOn}`));
    expect(identities.size).toBe(data.events.length);
  });

  it("closes 2–4.5% of facilities, each with a closed event on its closing date and nothing after", () => {
    const closed = data.facilities.filter((f) => f.closedOn !== null);
    expect(share(closed.length, N)).toBeGreaterThan(0.02);
    expect(share(closed.length, N)).toBeLessThan(0.045);
    for (const f of closed) {
      const events = byCode.get(f.code)!;
      expect(events.at(-1)).toMatchObject({ state: "closed", effectiveOn: f.closedOn });
      expect(f.status).toBe("closed");
    }
    expect(data.facilities.filter((f) => f.status === "closed").length).toBe(closed.length);
  });

  it("reaches about 95% online among active facilities by late 2026, the rest still on the ladder", () => {
    const active = data.facilities.filter((f) => f.status !== "closed");
    const counts = new Map<EventState, number>();
    for (const f of active) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
    expect(share(counts.get("online") ?? 0, active.length)).toBeGreaterThan(0.92);
    expect(share(counts.get("online") ?? 0, active.length)).toBeLessThan(0.97);
    expect(counts.get("deferred") ?? 0).toBeGreaterThan(0);
    const dentalActive = active.filter((f) => f.kind === "dental");
    const pharmacyActive = active.filter((f) => f.kind === "pharmacy");
    const onlineShare = (fs: typeof active) => share(fs.filter((f) => f.status === "online").length, fs.length);
    expect(onlineShare(dentalActive)).toBeLessThan(onlineShare(pharmacyActive));
  });

  it("flags exactly the steps that go left on the ladder as backward", () => {
    let backward = 0;
    for (const f of data.facilities) {
      let before: EventState = f.initialState;
      for (const e of byCode.get(f.code) ?? []) {
        expect(e.backward, `${f.code} ${before}→${e.state}`).toBe(isBackwardStep(before, e.state));
        if (e.backward) backward++;
        before = e.state;
      }
    }
    expect(backward).toBeGreaterThan(0);
  });
});

describe("filings (様式第1号)", () => {
  const byCode = eventsByCode(data.events);

  it("exist for about half the facilities that started on disk, one per code and date, the latest in force", () => {
    const filers = new Set(data.filings.map((f) => f.code));
    const startedOnDisk = data.facilities.filter((f) => f.initialState === "optical_disk").length;
    expect(filers.size).toBeGreaterThan(startedOnDisk * 0.4);
    expect(filers.size).toBeLessThan(startedOnDisk * 0.75);
    expect(new Set(data.filings.map((f) => `${f.code}|${f.filedOn}`)).size).toBe(data.filings.length);
    const latest = new Map<string, string>();
    for (const f of data.filings) if ((latest.get(f.code) ?? "") < f.filedOn) latest.set(f.code, f.filedOn);
    for (const f of data.filings) expect(f.inForce).toBe(latest.get(f.code) === f.filedOn);
    expect(data.filings.some((f) => !f.inForce)).toBe(true); // renewals in 2025–2026
  });

  it("obey the form's rules", () => {
    for (const f of data.filings) {
      const limit = `${Number(f.filedOn.slice(0, 4)) + 1}-09-30`;
      expect(
        f.deferralUntil <= limit && f.deferralUntil > f.filedOn,
        `${f.code} ${f.filedOn} → ${f.deferralUntil}`,
      ).toBe(true);
      expect(f.filedOn >= "2024-05-01").toBe(true);
      if (f.reason === "outsourced") expect(f.outsourcer).toBeTruthy();
      if (f.reason === "transitional") expect([1, 2, 3, 4]).toContain(f.reasonSub);
      else expect(f.reasonSub).toBeNull();
      if (f.reason === "other") expect(f.reasonOther && f.rececom).toBeTruthy();
      else expect(f.rececom).toBeNull();
      if (f.readiness === "other") expect(f.readinessDate || f.readinessOther).toBeTruthy();
      if (f.rececom === "upgrade") expect(f.rececomMonth).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      if (f.network === "contracted") expect(f.networkMonth).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      else expect(f.networkMonth).toBeNull();
    }
    const reasons = new Set(data.filings.map((f) => (f.reason === "transitional" ? `イ${f.reasonSub}` : f.reason)));
    expect([...reasons].sort()).toEqual(["other", "outsourced", "イ1", "イ2", "イ3", "イ4"].sort());
  });

  it("put a facility at deferred on its first filing, filed while it was still on disk", () => {
    const first = new Map<string, string>();
    for (const f of data.filings)
      if (!first.has(f.code) || f.filedOn < first.get(f.code)!) first.set(f.code, f.filedOn);
    for (const [code, filedOn] of first) {
      const events = byCode.get(code) ?? [];
      expect(events.find((e) => e.state === "deferred")?.effectiveOn).toBe(filedOn);
      expect(events.filter((e) => e.effectiveOn < filedOn).every((e) => e.state === "optical_disk")).toBe(true);
    }
    const summer2024 = data.filings.filter((f) => f.filedOn >= "2024-05-01" && f.filedOn <= "2024-08-31").length;
    expect(summer2024).toBeGreaterThan(data.filings.length * 0.4);
  });
});
