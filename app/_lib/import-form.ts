import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/import/kinds";

/** The fields of POST /api/v1/imports beside the file (also described in /api/v1/openapi.json). */
export const importForm = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z
    .enum(["true", "false", "1", "0", "on", "off", ""])
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "on"),
  /** For a workbook: the sheet to read (the first shown when empty). */
  sheet: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type ImportFormFields = z.infer<typeof importForm>;
