import { z } from "zod";

/** The fields of POST /api/v1/imports beside the file (also described in /api/v1/openapi.json). */
export const importForm = z.object({
  kind: z.enum(["facilities", "filings", "events", "claims"]),
  dryRun: z
    .enum(["true", "false", "1", "0", "on", "off", ""])
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "on"),
});
