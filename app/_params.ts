import { z } from "zod";
import { isIsoDate, todayIso } from "@/lib/dates";
import { isPrefectureCode } from "@/lib/prefectures";
import { CATEGORIES, TABLE_TYPES, type Category, type TableType } from "@/lib/table-types";

/** The as-of date from a query string: a valid ISO date, else today in Tokyo. */
export function parseAsOf(value: string | string[] | undefined): string {
  return typeof value === "string" && isIsoDate(value) ? value : todayIso();
}

const isoDate = z.string().refine(isIsoDate, { message: "asOf must be a date as YYYY-MM-DD" });

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

/** The filters of every dashboard panel's JSON (trend, funnel, deferrals, plan): those of progress, without the grouping. */
export const panelQuery = progressQuery.omit({ groupBy: true });

/** URLSearchParams to a plain object, ignoring empty values (a form's blank select). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") out[key] = value;
  return out;
}

type PageParams = Record<string, string | string[] | undefined>;

/** Dashboard filters from a page's search params; unknown values are ignored rather than trusted. */
export function dashboardFilter(params: PageParams): { asOf: string; tableType?: TableType; category?: Category } {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const tableType = TABLE_TYPES.find((t) => t === one(params.tableType));
  const category = CATEGORIES.find((c) => c === one(params.category));
  return { asOf: parseAsOf(params.asOf), ...(tableType && { tableType }), ...(category && { category }) };
}
