import { createReadStream } from "node:fs";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { isCrossOrigin } from "@/lib/origin";
import { apiUser, type CurrentUser } from "@/app/_auth/session";
import { maxUploadBytes, spoolMultipart, UploadError, type SpooledUpload } from "@/app/_upload";
import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit-entry";
import { contractSummary, ImportFileError, runImport, type ImportSummary } from "@/db/import/run";
import { SheetError } from "@/lib/import/xlsx-sheet";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const form = z.object({
  kind: z.enum(["facilities", "filings", "events"]),
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

const FAILED = "取り込みに失敗しました（データは変更されていません）";

/** Runs the import and records it (or its failure) in the audit log: who, from where, which file, the counts. */
async function auditedImport(req: NextRequest, user: CurrentUser, upload: SpooledUpload, fields: z.infer<typeof form>, onProgress?: (rows: number) => void): Promise<ImportSummary> {
  const actor = { id: user.id, email: user.email, ip: req.headers.get("x-forwarded-for")?.split(",")[0].trim() ?? null };
  const target = `${fields.kind}:${upload.file.name}`;
  try {
    const s = await importUpload(user, upload, fields, onProgress);
    await writeAudit(getDb(), actor, fields.dryRun ? "import.preview" : "import", target, {
      batchId: s.batchId, encoding: s.encoding, rows: s.rows, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected,
    });
    return s;
  } catch (error) {
    await writeAudit(getDb(), actor, "import.failed", target, { reason: error instanceof ImportFileError ? error.reason : "error" });
    throw error;
  }
}

function importUpload(user: CurrentUser, upload: SpooledUpload, fields: z.infer<typeof form>, onProgress?: (rows: number) => void): Promise<ImportSummary> {
  return runImport({
    kind: fields.kind,
    fileName: upload.file.name,
    actor: { id: user.id, email: user.email, scope: user.scope },
    dryRun: fields.dryRun,
    source: createReadStream(upload.file.path, { highWaterMark: 256 * 1024 }),
    sheet: fields.sheet,
    onProgress,
  });
}

/** What a refused file or a failure looks like to the caller: a reason and a message, never a stack. */
function failure(error: unknown): { status: number; body: { error: string; message: string; sheets?: string[] } } {
  // A workbook's sheet that cannot be read also names the book's sheets, so that the page can offer them.
  if (error instanceof SheetError) return { status: 422, body: { error: error.reason, message: error.messageJa, sheets: error.sheets } };
  if (error instanceof ImportFileError) return { status: 422, body: { error: error.reason, message: error.messageJa } };
  console.error("import failed", error);
  return { status: 500, body: { error: "import_failed", message: FAILED } };
}

/**
 * POST /api/v1/imports (multipart: kind, file, dryRun): editors and admins. Answers the import summary of
 * contracts.md. With `Accept: application/x-ndjson` it streams progress lines while the file runs and ends
 * with the summary (plus the batch id and the header mapping, for the upload page).
 */
export async function POST(req: NextRequest) {
  // This route is outside the proxy (see proxy.ts), so it refuses cross-origin posts itself.
  if (isCrossOrigin(req.headers)) return NextResponse.json({ error: "cross_origin_request_refused" }, { status: 403 });
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  let upload: SpooledUpload;
  try {
    upload = await spoolMultipart(req, maxUploadBytes());
  } catch (error) {
    if (error instanceof UploadError) return NextResponse.json({ error: error.code, message: error.messageJa }, { status: error.status });
    throw error;
  }
  const parsed = form.safeParse(upload.fields);
  if (!parsed.success) {
    await upload.cleanup();
    return NextResponse.json({ error: "invalid_form", message: "kind は facilities / filings / events のいずれかを指定してください。" }, { status: 400 });
  }

  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    try {
      return NextResponse.json(contractSummary(await auditedImport(req, auth.user, upload, parsed.data)));
    } catch (error) {
      const { status, body } = failure(error);
      return NextResponse.json(body, { status });
    } finally {
      await upload.cleanup();
    }
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: object) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      send({ type: "started", file: upload.file.name, bytes: upload.file.bytes });
      try {
        const summary = await auditedImport(req, auth.user, upload, parsed.data, (rows) => send({ type: "progress", rows }));
        send({ type: "summary", ...contractSummary(summary), batchId: summary.batchId, mapping: summary.mapping });
      } catch (error) {
        send({ type: "error", ...failure(error).body });
      } finally {
        await upload.cleanup();
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
}
