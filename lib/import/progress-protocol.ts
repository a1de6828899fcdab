import { z } from "zod";
import { IMPORT_KINDS } from "./kinds";
import type { DryRunDiff, ImportSummary } from "./types";
import type { ErrorCode, ErrorParams } from "../i18n/errors";

/**
 * The lines POST /api/v1/imports streams to the upload page (`Accept: application/x-ndjson`), one JSON
 * object a line: `started` when the upload is on disk, `progress` after each batch of rows, then one
 * `summary` or one `error`. The route writes them with `progressLine`, the page reads them with
 * `readProgressLines`, so both ends agree on one shape.
 */
const rowError = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
  // The reason as a code and its values, so the page says it in the reader's language (lib/i18n/errors.ts).
  code: z.custom<ErrorCode>((v) => typeof v === "string").optional(),
  params: z.custom<ErrorParams>((v) => typeof v === "object" && v !== null).optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

const summary = z.object({
  type: z.literal("summary"),
  kind: z.enum(IMPORT_KINDS),
  file: z.string(),
  encoding: z.string(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  dryRun: z.boolean(),
  errors: z.array(rowError),
  errorsOmitted: z.number(),
  sheet: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  batchId: z.number().optional(),
  mapping: z
    .object({
      matched: z.record(z.string(), z.string()),
      unknown: z.array(z.string()),
      duplicates: z.array(z.string()),
    })
    .optional(),
  // Built and tested on the server (db/import/dry-run-diff.ts); passed through as it is.
  diff: z.custom<DryRunDiff>((v) => typeof v === "object" && v !== null).optional(),
});

export const progressLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("started"), file: z.string(), bytes: z.number() }),
  z.object({ type: z.literal("progress"), rows: z.number() }),
  summary,
  z.object({
    type: z.literal("error"),
    error: z.string(),
    code: z.string(),
    message: z.string(),
    sheets: z.array(z.string()).optional(),
  }),
]);

export type ProgressLine = z.infer<typeof progressLineSchema>;
export type SummaryLine = Extract<ProgressLine, { type: "summary" }>;

/** The summary line of a finished import: the contract's summary with the batch, mapping and diff for the page. */
export function summaryLine(s: ImportSummary): SummaryLine {
  return { type: "summary", ...s };
}

/** One line of the stream, as sent. */
export function progressLine(line: ProgressLine): string {
  return `${JSON.stringify(line)}\n`;
}

export const PROGRESS_CONTENT_TYPE = "application/x-ndjson";

/** The complete lines of the stream so far (a line still arriving is left for the next read). */
export function readProgressLines(text: string): ProgressLine[] {
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  return complete
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => progressLineSchema.parse(JSON.parse(line)));
}
