import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { clampToWindow, dateWindowMessage, isDateInWindow } from "@/lib/as-of-window";
import { isPrefectureCode } from "@/lib/prefectures";
import { CATEGORIES, TABLE_TYPES, type Category, type TableType } from "@/lib/table-types";

/** The as-of date from a page's query string: a date inside the window (the nearest end of it), else today in Tokyo. */
export function parseAsOf(value: string | string[] | undefined): string {
  return clampToWindow(typeof value === "string" ? value : undefined).date;
}

/** A date parameter of an API or export: a real date inside the as-of window, else 400. */
export const windowDate = z
  .string()
  .refine(isIsoDate, { message: "must be a date as YYYY-MM-DD", abort: true })
  .refine((v) => isDateInWindow(v), { error: () => dateWindowMessage() });
const isoDate = windowDate;

export const progressQuery = z.object({
  groupBy: z.enum(["prefecture", "tableType", "category"]).default("prefecture"),
  prefecture: z
    .string()
    .refine(isPrefectureCode, { message: "prefecture must be a two-digit JIS code 01–47" })
    .optional(),
  tableType: z.enum(TABLE_TYPES).optional(),
  category: z.enum(CATEGORIES).optional(),
  asOf: isoDate.optional(),
});

/**
 * The filters of every dashboard panel's JSON (trend, funnel,
 * deferrals, plan): those of progress, without the grouping.
 */
export const panelQuery = progressQuery.omit({ groupBy: true });

/** URLSearchParams to a plain object, ignoring empty values (a form's blank select). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") out[key] = value;
  return out;
}

type PageParams = Record<string, string | string[] | undefined>;

/** Dashboard filters from a page's search params; unknown values are ignored rather than trusted. */
export function dashboardFilter(params: PageParams): {
  asOf: string;
  asOfClampedFrom?: string;
  tableType?: TableType;
  category?: Category;
} {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const tableType = TABLE_TYPES.find((t) => t === one(params.tableType));
  const category = CATEGORIES.find((c) => c === one(params.category));
  const asOf = clampToWindow(one(params.asOf));
  return {
    asOf: asOf.date,
    ...(asOf.clampedFrom && { asOfClampedFrom: asOf.clampedFrom }),
    ...(tableType && { tableType }),
    ...(category && { category }),
  };
}
