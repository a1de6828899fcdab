/** Shapes of the follow-up list rows, shared by the queries that fill them and the components that show them. */
import type { Alert } from "../alerts/catalogue";
import type { EventState } from "../states";
import type { Category, TableType } from "../table-types";
import type { ContactOutcome } from "./contacts";

export interface FollowUpItem {
  code: string;
  name: string;
  prefecture: string;
  tableType: TableType;
  category: Category;
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  status: EventState;
  statusSince: string | null;
  alerts: Alert[];
  assigneeId: number | null;
  assignee: string | null;
  nextActionOn: string | null;
  deferralUntil: string | null;
  /** The latest contact-log entry on or before the list's date (null when none). */
  lastContactOn: string | null;
  lastContactOutcome: ContactOutcome | null;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}
