import { z } from "zod";
import { csvResponse } from "@/app/_lib/csv-response";
import { route } from "@/app/_lib/route";
import { IMPORT_KINDS } from "@/lib/import/kinds";
import { importTemplateRows } from "@/lib/import/template";

export const dynamic = "force-dynamic";

const templateQuery = z.object({
  kind: z.enum(IMPORT_KINDS, { error: `kind must be one of ${IMPORT_KINDS.join(", ")}` }),
});

/**
 * GET /api/v1/imports/template.csv?kind=facilities|filings|events|claims[&encoding=shift_jis]:
 * an empty form to fill in.
 */
export const GET = route({ role: "editor", query: templateQuery }, async ({ query: { kind }, download }) =>
  csvResponse(importTemplateRows(kind), `template_${kind}.csv`, download.encoding),
);
