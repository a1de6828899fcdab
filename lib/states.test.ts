import { describe, expect, it } from "vitest";
import { EVENT_STATES, LADDER, STATE_INFO, emptyCounts, isBackwardStep, isEventState, stateRank } from "./states";

describe("the ladder", () => {
  it("runs from optical disk to online in the domain's order, closure after it", () => {
    expect(LADDER).toEqual(["optical_disk", "deferred", "applied", "certificate_issued", "online"]);
    expect(EVENT_STATES).toEqual([...LADDER, "closed"]);
    const ranks = EVENT_STATES.map(stateRank);
    expect(ranks).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("calls a step to the left backward, and nothing else", () => {
    expect(isBackwardStep("online", "optical_disk")).toBe(true);
    expect(isBackwardStep("applied", "deferred")).toBe(true);
    expect(isBackwardStep("certificate_issued", "applied")).toBe(true);
    expect(isBackwardStep("optical_disk", "online")).toBe(false);
    expect(isBackwardStep("optical_disk", "applied")).toBe(false); // skipping states is progress
    expect(isBackwardStep("deferred", "deferred")).toBe(false);
  });

  it("never treats closing or reopening as a backward step", () => {
    expect(isBackwardStep("online", "closed")).toBe(false);
    expect(isBackwardStep("closed", "optical_disk")).toBe(false);
    expect(isBackwardStep("closed", "online")).toBe(false);
  });

  it("checks every pair against ladder positions", () => {
    for (const from of LADDER) {
      for (const to of LADDER) {
        expect(isBackwardStep(from, to), `${from} → ${to}`).toBe(LADDER.indexOf(to) < LADDER.indexOf(from));
      }
    }
  });

  it("recognises state codes from imports, and only those", () => {
    for (const s of EVENT_STATES) expect(isEventState(s)).toBe(true);
    for (const s of ["", "Online", "paper", "光ディスク", "toString"]) expect(isEventState(s)).toBe(false);
  });

  it("starts counts at zero for every ladder state, in ladder order", () => {
    const counts = emptyCounts();
    expect(Object.keys(counts)).toEqual([...LADDER]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    counts.online++;
    expect(emptyCounts().online).toBe(0); // a fresh object each time
  });
});

describe("state labels and colours", () => {
  it("gives every state a Japanese and English label and a colour", () => {
    for (const s of EVENT_STATES) {
      const info = STATE_INFO[s];
      expect(info.ja, s).not.toBe("");
      expect(info.en, s).not.toBe("");
      expect(info.color, s).toMatch(/^#[0-9a-f]{6}$/i);
    }
    expect(Object.keys(STATE_INFO).sort()).toEqual([...EVENT_STATES].sort());
  });

  it("uses the domain's Japanese names", () => {
    expect(STATE_INFO.optical_disk.ja).toBe("光ディスク等");
    expect(STATE_INFO.deferred.ja).toBe("猶予届出済");
    expect(STATE_INFO.applied.ja).toBe("利用申請済");
    expect(STATE_INFO.certificate_issued.ja).toBe("電子証明書発行済");
    expect(STATE_INFO.online.ja).toBe("オンライン請求");
  });

  it("keeps the colours apart so a chart can tell states from each other", () => {
    const colors = EVENT_STATES.map((s) => STATE_INFO[s].color.toLowerCase());
    expect(new Set(colors).size).toBe(colors.length);
  });
});
