import { EVENT_STATES, STATE_INFO, type EventState } from "../states";
import { RowCheck } from "./row-check";
import { choice, date, text } from "./values";
import type { EventRow, RowError } from "./types";

const SHORT: Record<EventState, string[]> = {
  optical_disk: ["光ディスク", "光ディスク請求", "ディスク"],
  deferred: ["猶予", "猶予届出", "猶予中"],
  applied: ["利用申請", "申請済"],
  certificate_issued: ["証明書発行", "電子証明書発行", "証明書発行済"],
  online: ["オンライン", "オンライン請求開始"],
  closed: ["廃止", "休止", "廃止・休止"],
};
const STATES = Object.fromEntries(EVENT_STATES.map((s) => [s, [STATE_INFO[s].ja, STATE_INFO[s].en, ...SHORT[s]]])) as Record<EventState, string[]>;

/** Validates one progress record: a known state and a date that is not in the future. */
export function eventRow(row: number, cells: Record<string, string>, today: string): { value: EventRow } | { errors: RowError[] } {
  const c = new RowCheck(row, cells);
  const code = c.code();
  const state = c.required("status", choice(cells.status, STATES, "状態"), "状態");
  const effectiveOn = c.required("effective_on", date(cells.effective_on, "日付"), "日付");
  if (effectiveOn && effectiveOn > today) c.fail("effective_on", `日付（${effectiveOn}）が未来です`);
  if (!c.ok || !code || !state || !effectiveOn) return { errors: c.errors };
  return { value: { code: code.code, state, effectiveOn, note: text(cells.note) } };
}
