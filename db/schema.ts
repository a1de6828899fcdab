import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { EVENT_STATES } from "../lib/states";
import { IMPORT_KINDS } from "../lib/import/kinds";
import { CATEGORIES, CLAIM_METHODS, TABLE_TYPES } from "../lib/table-types";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "../lib/follow-ups/contacts";

/** Declared in ladder order so that ordering by state means "further along". */
export const facilityState = pgEnum("facility_state", EVENT_STATES);
export const tableType = pgEnum("table_type", TABLE_TYPES);
export const facilityCategory = pgEnum("facility_category", CATEGORIES);
export const claimMethod = pgEnum("claim_method", CLAIM_METHODS);
export const userRole = pgEnum("user_role", ["admin", "editor", "viewer"]);
export const importKind = pgEnum("import_kind", IMPORT_KINDS);

export const importBatches = pgTable("import_batches", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  kind: importKind("kind").notNull(),
  fileName: text("file_name").notNull(),
  encoding: text("encoding"),
  userId: integer("user_id").references(() => users.id),
  userEmail: text("user_email"),
  dryRun: boolean("dry_run").notNull().default(false),
  status: text("status").notNull().default("running"),
  rows: integer("rows").notNull().default(0),
  inserted: integer("inserted").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  rejected: integer("rejected").notNull().default(0),
  errors: jsonb("errors")
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** Errors counted beyond the first ones kept in `errors` (lib/import/limits.ts). */
  errorsOmitted: integer("errors_omitted").notNull().default(0),
  /** A dry run's per-facility changes (lib/import/types.ts DryRunDiff), for the preview's CSV. */
  diff: jsonb("diff"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const facilities = pgTable(
  "facilities",
  {
    /** The 10-digit 医療機関コード, kept as text: leading zeros matter. */
    code: text("code").primaryKey(),
    prefecture: text("prefecture").notNull(),
    tableType: tableType("table_type").notNull(),
    category: facilityCategory("category").notNull(),
    name: text("name").notNull(),
    address: text("address"),
    postalCode: text("postal_code"),
    phone: text("phone"),
    specialties: text("specialties"),
    claimMethod: claimMethod("claim_method"),
    monthlyClaims: integer("monthly_claims"),
    sharesOqvTerminal: boolean("shares_oqv_terminal").notNull().default(false),
    closedOn: date("closed_on"),
    /** 開設日: a facility opened on or after 2024-04-01 cannot register for disk or paper claims (new_on_disk). */
    openedOn: date("opened_on"),
    /** Where the facility stood before its first event (the lists carry no opening date). */
    initialState: facilityState("initial_state").notNull(),
    /** The latest event's state (or the initial one); written in the same transaction as the events. */
    status: facilityState("status").notNull(),
    statusSince: date("status_since"),
    /** The first day each step was reached (from the events, kept with them): the funnel reads these. */
    firstDeferredOn: date("first_deferred_on"),
    firstAppliedOn: date("first_applied_on"),
    firstCertificateOn: date("first_certificate_on"),
    firstOnlineOn: date("first_online_on"),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Built with INCLUDE (table_type) by a hand-written migration (0009), which drizzle's builder cannot say:
    // the same index-only reads as a third key column, and a national first list builds it faster.
    index("facilities_prefecture_status_idx").on(t.prefecture, t.status),
    // Only the facilities not online: those a "not online on a date" query can find by their state (the ones
    // online since a later day come through status_since). Most are online, so it stays small, and a first
    // national list adds a third of its rows to it, not all.
    index("facilities_status_idx")
      .on(t.status, t.statusSince)
      .where(sql`status <> 'online'`),
    // Only the facilities that closed, or that have moved since a date: the queries ask for a range of
    // dates, never for the rest, and a national list's first import builds them in a moment.
    index("facilities_closed_on_idx")
      .on(t.closedOn)
      .where(sql`closed_on is not null`),
    // The follow-up list reads "moved after the date" facilities through it (empty for today).
    index("facilities_status_since_idx")
      .on(t.statusSince)
      .where(sql`status_since is not null`),
  ],
);

/** Append-only: a facility's state on a date is its latest event on or before that date. */
export const statusEvents = pgTable(
  "status_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    facilityCode: text("facility_code")
      .notNull()
      .references(() => facilities.code),
    state: facilityState("state").notNull(),
    effectiveOn: date("effective_on").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    /** Set when the step goes left on the ladder; kept and shown, never applied silently. */
    backward: boolean("backward").notNull().default(false),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("status_events_identity_idx").on(t.facilityCode, t.state, t.effectiveOn),
    // Serves "latest event on or before a date" per facility (DISTINCT ON … ORDER BY code, date DESC, state DESC).
    index("status_events_asof_idx").on(t.facilityCode, t.effectiveOn.desc().nullsFirst(), t.state.desc().nullsFirst()),
    index("status_events_effective_on_idx").on(t.effectiveOn),
    // The few backward steps (regressions), by date: found without reading every event.
    index("status_events_backward_idx")
      .on(t.effectiveOn, t.facilityCode)
      .where(sql`backward`),
  ],
);

/** 様式第1号: one row per filing; a later filed_on for the same code supersedes (in_force). */
export const filings = pgTable(
  "filings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    facilityCode: text("facility_code")
      .notNull()
      .references(() => facilities.code),
    filedOn: date("filed_on").notNull(),
    facilityName: text("facility_name"), // ①
    phone: text("phone"), // ②
    specialties: text("specialties"), // ④
    deferralUntil: date("deferral_until").notNull(), // ⑤
    reason: text("reason", { enum: ["outsourced", "transitional", "other"] }).notNull(), // ⑥ ア/イ/ウ
    reasonSub: smallint("reason_sub"), // ⑥イ (1)–(4)
    outsourcer: text("outsourcer"), // ⑥ア
    /** ⑥ア's contractor as a grouping key (lib/contractors.ts normalizeContractorName), written with the filing. */
    contractor: text("contractor"),
    reasonOther: text("reason_other"), // ⑥ウ
    readiness: text("readiness", { enum: ["december", "march", "september", "other"] }).notNull(), // ⑦
    readinessDate: date("readiness_date"),
    readinessOther: text("readiness_other"),
    rececom: text("rececom", { enum: ["ready", "upgrade", "checking"] }), // ⑧
    rececomMonth: text("rececom_month"), // YYYY-MM
    network: text("network", { enum: ["ready", "contracted", "considering"] }).notNull(), // ⑨
    networkMonth: text("network_month"),
    usageApplied: boolean("usage_applied").notNull(), // ⑩(1)
    certApplied: boolean("cert_applied").notNull(), // ⑩(2)
    remarks: text("remarks"), // ⑪
    founderName: text("founder_name"),
    address: text("address"),
    email: text("email"),
    inForce: boolean("in_force").notNull().default(true),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("filings_identity_idx").on(t.facilityCode, t.filedOn),
    index("filings_in_force_idx").on(t.inForce, t.deferralUntil),
    index("filings_in_force_code_idx")
      .on(t.facilityCode)
      .where(sql`in_force`),
    index("filings_contractor_idx")
      .on(t.contractor)
      .where(sql`contractor is not null`),
    // The facilities with a filing after a date: their alerts on it are evaluated, not read from alert_windows.
    index("filings_filed_on_idx").on(t.filedOn),
  ],
);

export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  role: userRole("role").notNull(),
  /** Null means national scope; otherwise the JIS codes the user may see. */
  prefectures: text("prefectures").array(),
  disabled: boolean("disabled").notNull().default(false),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** Copied into the session at sign-in; raising it (password reset, disable) ends every existing session. */
  sessionVersion: integer("session_version").notNull().default(0),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id"),
    userEmail: text("user_email"),
    ip: text("ip"),
    action: text("action").notNull(),
    target: text("target"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at)],
);

/**
 * Sign-in attempts still counting against the limits (per e-mail and per address, over a time window).
 * In the database, not in memory, so that the limit holds however many app instances share it.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    email: text("email").notNull(),
    ip: text("ip"),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
    index("sign_in_attempts_at_idx").on(t.at),
  ],
);

/**
 * Sign-ins refused beyond the limit, counted per episode instead of one audit row each (so nobody can fill
 * the append-only audit log without signing in): one row per account or address while refusals go on;
 * the audit log gets the first refusal of each episode and the episode's total when it is pruned.
 */
export const signInRefusals = pgTable("sign_in_refusals", {
  /** "account:<e-mail>" or "address:<address or IPv6 /64>". */
  key: text("key").primaryKey(),
  email: text("email"),
  ip: text("ip"),
  firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
  lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  refused: integer("refused").notNull().default(1),
});

/**
 * Counts by state at every month end, per prefecture × table type × category, recomputed from the event
 * history in the same transaction as every import and seed (db/queries/monthly-summary.ts). The trend
 * chart reads it instead of replaying the history on each view; a test keeps it equal to the replay.
 */
export const monthlySummary = pgTable(
  "monthly_summary",
  {
    monthEnd: date("month_end").notNull(),
    prefecture: text("prefecture").notNull(),
    tableType: tableType("table_type").notNull(),
    category: facilityCategory("category").notNull(),
    state: facilityState("state").notNull(),
    facilities: integer("facilities").notNull(),
    claims: bigint("claims", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.monthEnd, t.prefecture, t.tableType, t.category, t.state] })],
);

/** One row: the last day the monthly summary is final for (month ends after it are computed live). */
export const summaryState = pgTable("summary_state", {
  id: integer("id").primaryKey(),
  computedThrough: date("computed_through").notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const contactChannel = pgEnum("contact_channel", CONTACT_CHANNELS);
export const contactOutcome = pgEnum("contact_outcome", CONTACT_OUTCOMES);

/** The contact log: every call, letter, e-mail or visit to a facility, with what came of it. */
export const contacts = pgTable(
  "contacts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    facilityCode: text("facility_code")
      .notNull()
      .references(() => facilities.code, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id),
    userEmail: text("user_email").notNull(),
    /** When the contact took place (may be logged afterwards). */
    contactedOn: date("contacted_on").notNull(),
    channel: contactChannel("channel").notNull(),
    outcome: contactOutcome("outcome").notNull(),
    /** With outcome "promised": the date the facility promised (to apply, to go online…). */
    promisedOn: date("promised_on"),
    note: text("note"),
    nextActionOn: date("next_action_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    index("contacts_facility_idx").on(t.facilityCode, t.contactedOn),
    // promise_missed reads only the contacts that carry a promise.
    index("contacts_promised_idx")
      .on(t.promisedOn)
      .where(sql`promised_on is not null`),
    // The facilities with a contact after a date (as filings_filed_on_idx).
    index("contacts_contacted_on_idx").on(t.contactedOn),
  ],
);

/** Who follows a facility up and when the next step is due: one row per facility, absent until assigned. */
export const followUps = pgTable(
  "follow_ups",
  {
    facilityCode: text("facility_code")
      .primaryKey()
      .references(() => facilities.code, { onDelete: "cascade" }),
    assigneeId: integer("assignee_id").references(() => users.id),
    nextActionOn: date("next_action_on"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("follow_ups_assignee_idx").on(t.assigneeId, t.nextActionOn),
    index("follow_ups_next_action_idx").on(t.nextActionOn),
  ],
);

/** A user's named list views ("my calls this week"): the page and its query string. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    path: text("path").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    /** Shared with the team: the users whose prefecture scope is the same as the owner's. */
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_views_user_name_idx").on(t.userId, t.path, t.name)],
);

/**
 * The online-claims certificates from the payers' records, per facility and terminal (端末): applied on,
 * issued on, expires on (the last valid day). A renewal is a newer row for the same terminal.
 * `renewed_on` is derived (the next certificate's issued_on for the terminal, null while this is the
 * latest), kept by refreshCertificateRenewals in the same transaction as every write, so that "the
 * certificate in force on a date" is an index range rather than a search of every terminal's history.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    facilityCode: text("facility_code")
      .notNull()
      .references(() => facilities.code, { onDelete: "cascade" }),
    terminal: text("terminal").notNull(),
    appliedOn: date("applied_on"),
    issuedOn: date("issued_on"),
    expiresOn: date("expires_on"),
    renewedOn: date("renewed_on"),
    /** Identity with code and terminal: the application's day, or the issue day when no application is on record. */
    identityOn: date("identity_on")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(applied_on, issued_on)`),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certificates_identity_idx").on(t.facilityCode, t.terminal, t.identityOn),
    index("certificates_current_expiry_idx")
      .on(t.expiresOn)
      .where(sql`renewed_on is null`),
    index("certificates_renewed_on_idx")
      .on(t.renewedOn)
      .where(sql`renewed_on is not null`),
    // Applications not yet issued (renewals pending), and those issued after a past date.
    index("certificates_pending_idx")
      .on(t.appliedOn)
      .where(sql`issued_on is null`),
    index("certificates_issued_on_idx").on(t.issuedOn),
    // With certificates_issued_on_idx, the facilities with a certificate record after a date.
    index("certificates_applied_on_idx").on(t.appliedOn),
  ],
);

/** Per prefecture office: what a reminder letter says of its sender (admins edit it at /admin/offices). */
export const prefectureOffices = pgTable("prefecture_offices", {
  prefecture: text("prefecture").primaryKey(),
  officeName: text("office_name").notNull(),
  phone: text("phone"),
  portalUrl: text("portal_url"),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The payers' monthly claim counts per facility (import kind "claims"): how many claims it sent for the
 * month and how many of them online. The share of claims sent online on the trend, the tables and the API
 * is read from here for every month the counts cover, so it is exact for past months.
 */
export const monthlyClaims = pgTable(
  "monthly_claims",
  {
    facilityCode: text("facility_code")
      .notNull()
      .references(() => facilities.code, { onDelete: "cascade" }),
    /** The first day of the claim month. */
    month: date("month").notNull(),
    claims: integer("claims").notNull(),
    onlineClaims: integer("online_claims").notNull(),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
  },
  (t) => [primaryKey({ columns: [t.facilityCode, t.month] }), index("monthly_claims_month_idx").on(t.month)],
);

/**
 * The payers' monthly counts summed by month × prefecture × table type × category (all facilities, closed
 * ones too: their claims of the month were sent). Every figure's reported share is read from here, so a
 * figure reads a few hundred rows instead of a month's 230,000 counts joined to the facilities. Rebuilt for
 * the touched slices whenever the counts or the facilities change (db/queries/claims-summary.ts).
 */
export const claimsSummary = pgTable(
  "claims_summary",
  {
    /** The first day of the claim month. */
    month: date("month").notNull(),
    prefecture: text("prefecture").notNull(),
    tableType: tableType("table_type").notNull(),
    category: facilityCategory("category").notNull(),
    claims: bigint("claims", { mode: "number" }).notNull(),
    onlineClaims: bigint("online_claims", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.prefecture, t.tableType, t.category] })],
);

/**
 * Derived: every follow-up rule that holds for a facility, as the window of dates it fires in
 * (db/queries/alert-sql.ts alertWindowRows), from the facility's facts as of its latest record. Kept by
 * refreshAlertWindows in the same transaction as every write to those facts, so that the follow-up list for
 * a date reads the rules firing then (from ≤ date ≤ until) instead of evaluating them over every facility;
 * a facility with a record after the date is evaluated for it instead (db/queries/alert-windows.ts).
 * The columns the lists filter on are copied from the facility and its filing in force.
 * No foreign key: its check per row would double the cost of writing the windows, which are only ever
 * written from the facilities they belong to; facilities are not deleted, and the data sets emptied as a whole
 * (seed reset, benchmark) empty this table with them. `npm run db:check` compares it with a rebuild.
 */
export const alertWindows = pgTable(
  "alert_windows",
  {
    facilityCode: text("facility_code").notNull(),
    /** The rule's place in ALERT_RULES: its urgency rank. */
    rule: smallint("rule").notNull(),
    dueOn: date("due_on").notNull(),
    firesFrom: date("fires_from").notNull(),
    /** The last day it fires; null when it fires for good. */
    firesUntil: date("fires_until"),
    prefecture: text("prefecture").notNull(),
    tableType: tableType("table_type").notNull(),
    category: facilityCategory("category").notNull(),
    status: facilityState("status").notNull(),
    contractor: text("contractor"),
    outsourcer: text("outsourcer"),
  },
  (t) => [
    // Not unique (one refresh at a time deletes a facility's rows before writing them): no key to check per row.
    index("alert_windows_facility_idx").on(t.facilityCode),
    // Built with INCLUDE by a hand-written migration (0021): the rules firing on a date are an index-only range.
    index("alert_windows_fires_idx").on(t.firesFrom),
  ],
);

/** One row: the rules (a hash of their SQL and settings) alert_windows was built with; another means rebuild. */
export const alertWindowsState = pgTable("alert_windows_state", {
  id: integer("id").primaryKey(),
  rulesKey: text("rules_key").notNull(),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
});
