/** Shapes of the follow-up list rows, shared by the queries that fill them and the components that show them. */
import type { Alert } from "../alerts/catalogue";
import type { EventState } from "../states";
import type { Category, TableType } from "../table-types";
import type { ContactChannel, ContactOutcome } from "./contacts";

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

export interface ContactInput {
  contactedOn: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  promisedOn: string | null;
  note: string | null;
  nextActionOn: string | null;
}

export interface Contact extends ContactInput {
  id: number;
  facilityCode: string;
  userEmail: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContractorGroup {
  /** The normalised key (the `contractor` filter). */
  contractor: string;
  /** One way the filings spell it (the most common). */
  label: string;
  facilities: number;
  /** The most urgent due date among them. */
  firstDue: string;
  unassigned: number;
}

export interface Colleague {
  id: number;
  email: string;
  name: string | null;
}
