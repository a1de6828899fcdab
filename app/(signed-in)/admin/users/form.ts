import { z } from "zod";
import { isPrefectureCode } from "@/lib/prefectures";
import { ROLES } from "@/lib/auth/grants";

/** What a user form's submission reads as; every field is checked here, never trusted from the page. */
export const userFields = z
  .object({
    name: z
      .string()
      .max(100)
      .transform((v) => v.trim() || null),
    role: z.enum(ROLES),
    scope: z.enum(["national", "prefectures"]),
    prefectures: z.string().max(200).default(""),
  })
  .transform(({ scope, prefectures, ...rest }, ctx) => {
    if (scope === "national") return { ...rest, prefectures: null };
    const codes = [
      ...new Set(
        prefectures
          .normalize("NFKC")
          .split(/[,、\s]+/)
          .filter(Boolean)
          .map((p) => p.padStart(2, "0")),
      ),
    ];
    if (codes.length === 0 || !codes.every(isPrefectureCode)) {
      ctx.addIssue({ code: "custom", path: ["prefectures"], message: "prefectures" });
      return z.NEVER;
    }
    return { ...rest, prefectures: codes.sort() };
  });

export const newUserFields = z.intersection(
  z.object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    password: z.string().max(1000),
  }),
  userFields,
);

export const editUserFields = z.intersection(
  z.object({ id: z.coerce.number().int().positive().max(2147483647), disabled: z.literal("on").optional() }),
  userFields,
);

export const resetFields = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
  password: z.string().max(1000),
});

/** FormData to a plain object of its text fields. */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") out[key] = value;
  return out;
}
