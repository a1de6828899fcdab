import { z } from "zod";
import { EVENT_STATES, LADDER } from "@/lib/states";
import { CATEGORIES, TABLE_TYPES } from "@/lib/table-types";

/**
 * The JSON the /api/v1 routes answer, as zod schemas: /api/v1/openapi.json is generated from them, and
 * app/api-schemas.test.ts checks real answers against them, so the document cannot drift from the code.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const counts = z.object(
  Object.fromEntries(LADDER.map((s) => [s, z.number().int()])) as Record<(typeof LADDER)[number], z.ZodNumber>,
);
const claims = z
  .object({ total: z.number(), online: z.number(), onlineRate: z.number().min(0).max(1) })
  .describe("monthly claims of the facilities counted, and the part sent online");

const claimsSource = z
  .enum(["reported", "estimated", "mixed"])
  .describe(
    "reported: the payers' counts of claimsMonth (the month of asOf, else the month before); " +
      "estimated: the facilities' listed monthly volumes; mixed (totals only): some groups of each",
  );

const progressGroup = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  total: z.number().int(),
  closed: z.number().int(),
  counts,
  onlineRate: z.number().min(0).max(1),
  claims,
  claimsSource,
});

export const progressResponse = z.object({
  asOf: isoDate,
  total: z.number().int().describe("active facilities on asOf (closed excluded)"),
  counts,
  closed: z.number().int(),
  onlineRate: z.number().min(0).max(1),
  claims,
  claimsSource,
  claimsMonth: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .describe("the month of the reported counts behind claims, when any are used"),
  claimsEstimated: claims.optional().describe("the estimate from the listed volumes, beside reported claims"),
  groups: z.array(progressGroup),
});

const facilityItem = z.object({
  code: z.string(),
  name: z.string(),
  prefecture: z.string(),
  tableType: z.enum(TABLE_TYPES),
  category: z.enum(CATEGORIES),
  status: z.enum(EVENT_STATES).describe("the state on asOf"),
  statusSince: isoDate.nullable().describe("the day the facility reached that state (null: its starting state)"),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  claimMethod: z.string().nullable(),
  closedOn: isoDate.nullable(),
});

export const facilityPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(facilityItem),
});

export const trendResponse = z.object({
  asOf: isoDate,
  points: z.array(
    z.object({
      date: isoDate.describe("a month end, or asOf for the last, partial month"),
      total: z.number().int(),
      closed: z.number().int(),
      counts,
      onlineRate: z.number().min(0).max(1),
      claims: claims.optional(),
      reportedClaims: z
        .object({ month: z.string(), total: z.number(), online: z.number(), onlineRate: z.number().min(0).max(1) })
        .optional()
        .describe(
          "the payers' reported claims of the month (import kind claims) " +
            "and those sent online; absent where none were imported",
        ),
    }),
  ),
});

export const funnelResponse = z.object({
  asOf: isoDate,
  steps: z.array(
    z.object({
      state: z.enum(LADDER),
      reached: z.number().int().describe("facilities that started on optical disk and reached this step by asOf"),
      movedOn: z.number().int(),
      moveOnRate: z.number().min(0).max(1),
      medianDays: z.number().nullable(),
    }),
  ),
});

const countsByKey = z.record(z.string(), z.number().int());
const monthCount = z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int() }));

export const deferralsResponse = z.object({
  asOf: isoDate,
  inForce: z.number().int(),
  lapsed: z.number().int(),
  reasons: countsByKey.describe("⑥ outsourced (ア) / transitional (イ) / other (ウ)"),
  transitionalSub: countsByKey.describe("⑥イ (1)–(4)"),
  readiness: countsByKey.describe("⑦ december / march / september / other"),
  network: countsByKey.describe("⑨"),
  rececom: countsByKey.describe("⑧ (with ⑥ウ)"),
  usageApplied: countsByKey.describe("⑩(1): done (済 and on record), unconfirmed (済, no record), not_yet (未)"),
  certApplied: countsByKey.describe("⑩(2), as usageApplied"),
  contractors: z
    .array(z.object({ key: z.string(), name: z.string(), count: z.number().int() }))
    .describe("⑥ア by normalised contractor name"),
  endingByMonth: monthCount,
});

export const planResponse = z.object({
  asOf: isoDate,
  remaining: z.number().int(),
  plannedByMonth: monthCount,
  slipped: z.number().int(),
  withoutPlan: z.number().int(),
  slippedSample: z.array(
    z.object({ code: z.string(), name: z.string(), prefecture: z.string(), planOn: isoDate, status: z.string() }),
  ),
});

export const errorResponse = z.object({
  error: z.string(),
  issues: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
});
