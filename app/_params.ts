import { z } from "zod";
import { isIsoDate, todayIso } from "@/lib/dates";
import { isPrefectureCode } from "@/lib/prefectures";
import { TABLE_TYPES } from "@/lib/table-types";

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
  asOf: isoDate.optional(),
});

/** URLSearchParams to a plain object, ignoring empty values (a form's blank select). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") out[key] = value;
  return out;
}
