import type { AlertRule } from "../../lib/alerts/rules";
import type { EventState } from "../../lib/states";
import type { Category, TableType } from "../../lib/table-types";

/** What the follow-up list can be filtered and sorted by (db/queries/follow-ups.ts). */
export const FOLLOW_UP_SORTS = [
  "urgency",
  "code",
  "name",
  "prefecture",
  "status",
  "nextAction",
  "dueOn",
  "tableType",
  "assignee",
] as const;
export type FollowUpSort = (typeof FOLLOW_UP_SORTS)[number];

export interface FollowUpFilter {
  asOf: string;
  alert?: AlertRule;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
  status?: EventState;
  /** A user id, or "none" for facilities nobody follows yet. */
  assignee?: number | "none";
  /** Only alerts due on or before this day (of the chosen rule, else the most urgent one). */
  dueBefore?: string;
  /** Only alerts due on or after this day (same reading as dueBefore): with it, a month of due dates. */
  dueFrom?: string;
  /** Only facilities whose filing in force names this contractor (⑥ア, the normalised key). */
  contractor?: string;
  /** Only facilities whose next action is on or before this day. */
  nextActionBefore?: string;
  q?: string;
  sort?: FollowUpSort;
  dir?: "asc" | "desc";
}
