import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { isPlainText } from "@/lib/safe-text";

/** The audit log's search parameters (page and CSV export alike); anything odd is refused, not guessed. */
export const auditQuery = z.object({
  q: z.string().trim().max(200).refine(isPlainText).optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/)
    .max(60)
    .optional(),
  from: z.string().refine(isIsoDate).optional(),
  to: z.string().refine(isIsoDate).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});

export type AuditQuery = z.infer<typeof auditQuery>;

/** The filters as the export's audit entry and file name record them. */
export function auditFilterOf(query: AuditQuery) {
  const { q, action, from, to } = query;
  return { ...(q && { q }), ...(action && { action }), ...(from && { from }), ...(to && { to }) };
}
