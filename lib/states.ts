/** The ladder every facility climbs, left to right, plus closure which leaves every denominator. */
export const LADDER = ["optical_disk", "deferred", "applied", "certificate_issued", "online"] as const;
export type LadderState = (typeof LADDER)[number];

/** Event states: the ladder plus closure. The order is the database enum's order, so `max(state)` is "furthest". */
export const EVENT_STATES = [...LADDER, "closed"] as const;
export type EventState = (typeof EVENT_STATES)[number];

export interface StateInfo {
  ja: string;
  en: string;
  /** Colour for charts and badges; always shown beside the label, never alone. */
  color: string;
}

export const STATE_INFO: Record<EventState, StateInfo> = {
  // Orange (not yet) to blue (online): told apart with deuteranopia, protanopia and tritanopia (colors.test.ts).
  optical_disk: { ja: "光ディスク等", en: "Optical disk", color: "#a6500a" },
  deferred: { ja: "猶予届出済", en: "Deferred", color: "#f2a545" },
  applied: { ja: "利用申請済", en: "Applied", color: "#f3e6b3" },
  certificate_issued: { ja: "電子証明書発行済", en: "Certificate issued", color: "#86b3e0" },
  online: { ja: "オンライン請求", en: "Online", color: "#1d5196" },
  closed: { ja: "廃止・休止", en: "Closed", color: "#7f8c8d" },
};

/** Position on the ladder; closure sorts after online. */
export function stateRank(state: EventState): number {
  return EVENT_STATES.indexOf(state);
}

/** True when moving from `from` to `to` goes left on the ladder (recorded, flagged, never silent). */
export function isBackwardStep(from: EventState, to: EventState): boolean {
  if (from === "closed" || to === "closed") return false;
  return stateRank(to) < stateRank(from);
}

export function isEventState(value: string): value is EventState {
  return (EVENT_STATES as readonly string[]).includes(value);
}

/** An empty count for every ladder state, in ladder order. */
export function emptyCounts(): Record<LadderState, number> {
  return { optical_disk: 0, deferred: 0, applied: 0, certificate_issued: 0, online: 0 };
}
