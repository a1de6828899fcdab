import { z } from "zod";
import { ALERT_RULES } from "@/lib/alerts/rules";
import { todayIso } from "@/lib/dates";
import { windowDate } from "@/app/_lib/dashboard-params";
import { isPrefectureCode } from "@/lib/prefectures";
import { isPlainText } from "@/lib/safe-text";
import { EVENT_STATES, LADDER } from "@/lib/states";
import { APPLIED_ANSWERS, FIGURE_KEYS, isPlanValue, type FigureFilter } from "@/lib/figure-filter";
import { normalizeContractorName } from "@/lib/contractors";
import { CATEGORIES, TABLE_TYPES } from "@/lib/table-types";
import { FOLLOW_UP_SORTS, type FollowUpFilter } from "@/db/queries/follow-ups";
import { FACILITY_SORTS, type FacilityListFilter } from "@/db/queries/facilities";

const isoDate = windowDate;
const prefecture = z.string().refine(isPrefectureCode, { message: "prefecture must be a two-digit JIS code 01–47" });

const common = {
  prefecture: prefecture.optional(),
  tableType: z.enum(TABLE_TYPES).optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(EVENT_STATES).optional(),
  alert: z.enum(ALERT_RULES).optional(),
  q: z.string().trim().min(1).max(100).refine(isPlainText, { message: "q must be plain text" }).optional(),
  asOf: isoDate.optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const followUpQuery = z.object({
  ...common,
  assignee: z.union([z.enum(["me", "none"]), z.coerce.number().int().positive()]).optional(),
  dueBefore: isoDate.optional(),
  dueFrom: isoDate.optional(),
  contractor: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(isPlainText, { message: "contractor must be plain text" })
    .optional(),
  view: z.enum(["list", "contractors"]).optional(),
  nextActionBefore: isoDate.optional(),
  sort: z.enum(FOLLOW_UP_SORTS).optional(),
});
export type FollowUpQuery = z.infer<typeof followUpQuery>;

/** The figure a number on the overview or prefecture page counts, as list filters (lib/figure-filter.ts). */
const figure = {
  deferral: z.enum(["inForce", "lapsed"]).optional(),
  reason: z.enum(["outsourced", "transitional", "other"]).optional(),
  reasonSub: z.enum(["1", "2", "3", "4"]).optional(),
  readiness: z.enum(["december", "march", "september", "other"]).optional(),
  network: z.enum(["ready", "contracted", "considering"]).optional(),
  rececom: z.enum(["ready", "upgrade", "checking"]).optional(),
  usageApplied: z.enum(APPLIED_ANSWERS).optional(),
  certApplied: z.enum(APPLIED_ANSWERS).optional(),
  deferralEnds: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "deferralEnds must be a month as YYYY-MM" })
    .optional(),
  contractor: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(isPlainText, { message: "contractor must be plain text" })
    .optional(),
  plan: z
    .string()
    .refine(isPlanValue, { message: "plan must be remaining, slipped, none or a month as YYYY-MM" })
    .optional(),
  reached: z.enum(LADDER).optional(),
};

export const facilityQuery = z.object({
  ...common,
  /** Facilities closed by `asOf` are left out of the list unless this asks for them. */
  closed: z.enum(["include"]).optional(),
  ...figure,
  sort: z.enum(FACILITY_SORTS).optional(),
});
export type FacilityQuery = z.infer<typeof facilityQuery>;

/**
 * For pages: parse what is valid and drop what is not (a hand-edited URL still shows a list), where the
 * API answers 400 instead.
 */
export function lenientParse<S extends z.ZodObject>(schema: S, params: Record<string, string>): z.infer<S> {
  let input = { ...params };
  for (let i = 0; i < 20; i++) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    input = Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key)));
  }
  return schema.parse({});
}

export function toFollowUpFilter(query: FollowUpQuery, userId: number): FollowUpFilter {
  const { page: _page, pageSize: _size, view: _view, assignee, asOf, ...rest } = query;
  void _page;
  void _size;
  void _view;
  return { ...rest, asOf: asOf ?? todayIso(), assignee: assignee === "me" ? userId : assignee };
}

export function toFacilityFilter(query: FacilityQuery): FacilityListFilter {
  const { page: _page, pageSize: _size, asOf, ...rest } = query;
  void _page;
  void _size;
  const plain: Record<string, unknown> = {};
  const fig: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if ((FIGURE_KEYS as readonly string[]).includes(key))
      fig[key] = key === "contractor" ? normalizeContractorName(String(value)) : String(value);
    else plain[key] = value;
  }
  const figureFilter = fig as FigureFilter;
  return {
    ...(plain as Omit<FacilityListFilter, "asOf">),
    asOf: asOf ?? todayIso(),
    ...(Object.keys(fig).length > 0 && { figure: figureFilter }),
  };
}

/** A facility code in a URL: exactly ten digits, else nothing is looked up. */
export const facilityCodeParam = z.string().regex(/^\d{10}$/);
