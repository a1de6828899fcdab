import { createReadStream } from "node:fs";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { isCrossOrigin } from "@/lib/origin";
import { requestClientAddress } from "@/lib/auth/client-address";
import { apiUser, type CurrentUser } from "@/app/_auth/session";
import { maxUploadBytes, spoolMultipart, UploadError, type SpooledUpload } from "@/app/_upload";
import { getDb } from "@/db/client";
import { auditImport } from "@/db/import/audit";
import { importForm } from "@/app/_import-form";
import { readPrimaryCookie } from "@/app/_read-db";
import { contractSummary, ImportFileError, runImport, type ImportSummary } from "@/db/import/run";
import { SheetError } from "@/lib/import/xlsx-sheet";
import { errorText } from "@/lib/i18n/errors";
import type { Lang } from "@/lib/i18n/lang";
import { getLang } from "@/app/_i18n";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const form = importForm;

/** Runs the import and records it (or its failure) in the audit log: who, from where, which file, the counts. */
async function auditedImport(
  req: NextRequest,
  user: CurrentUser,
  upload: SpooledUpload,
  fields: z.infer<typeof form>,
  onProgress?: (rows: number) => void,
): Promise<ImportSummary> {
  const actor = { id: user.id, email: user.email, ip: requestClientAddress(req.headers) };
  const run = { kind: fields.kind, fileName: upload.file.name, dryRun: fields.dryRun, via: "upload" as const };
  try {
    const summary = await importUpload(user, upload, fields, onProgress);
    await auditImport(getDb(), actor, run, { summary });
    return summary;
  } catch (error) {
    await auditImport(getDb(), actor, run, { error });
    throw error;
  }
}

function importUpload(
  user: CurrentUser,
  upload: SpooledUpload,
  fields: z.infer<typeof form>,
  onProgress?: (rows: number) => void,
): Promise<ImportSummary> {
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

type FailureBody = { error: string; code: string; message: string; sheets?: string[] };

/**
 * What a refused file or a failure looks like to the caller: a reason (`error`, and `code`) and a message in the
 * caller's language, never a stack.
 */
function failure(error: unknown, lang: Lang): { status: number; body: FailureBody } {
  if (error instanceof ImportFileError) {
    const body: FailureBody = {
      error: error.reason,
      code: `import.file.${error.reason}`,
      message: lang === "en" ? error.message : error.messageJa,
    };
    // A workbook's sheet that cannot be read also names the book's sheets, so that the page can offer them.
    return { status: 422, body: error instanceof SheetError ? { ...body, sheets: error.sheets } : body };
  }
  console.error("import failed", error);
  return {
    status: 500,
    body: { error: "import_failed", code: "import.failed", message: errorText(lang, "import.failed") },
  };
}

/**
 * POST /api/v1/imports (multipart: kind, file, dryRun): editors and admins. Answers the import summary of
 * contracts.md. With `Accept: application/x-ndjson` it streams progress lines while the file runs and ends
 * with the summary (plus the batch id, the header mapping and a dry run's per-facility diff, for the upload page).
 */
export async function POST(req: NextRequest) {
  // This route is outside the proxy (see proxy.ts), so it refuses cross-origin posts itself.
  if (isCrossOrigin(req.headers)) return NextResponse.json({ error: "cross_origin_request_refused" }, { status: 403 });
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  const lang = await getLang();
  let upload: SpooledUpload;
  try {
    upload = await spoolMultipart(req, maxUploadBytes());
  } catch (error) {
    if (error instanceof UploadError)
      return NextResponse.json(
        {
          error: error.code,
          code: error.messageCode,
          params: error.params,
          message: errorText(lang, error.messageCode, error.params),
        },
        { status: error.status },
      );
    throw error;
  }
  const parsed = form.safeParse(upload.fields);
  if (!parsed.success) {
    await upload.cleanup();
    return NextResponse.json(
      { error: "invalid_form", code: "import.invalidForm", message: errorText(lang, "import.invalidForm") },
      { status: 400 },
    );
  }

  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    try {
      const response = NextResponse.json(contractSummary(await auditedImport(req, auth.user, upload, parsed.data)));
      if (!parsed.data.dryRun) response.cookies.set(readPrimaryCookie);
      return response;
    } catch (error) {
      const { status, body } = failure(error, lang);
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
        const summary = await auditedImport(req, auth.user, upload, parsed.data, (rows) =>
          send({ type: "progress", rows }),
        );
        send({
          type: "summary",
          ...contractSummary(summary),
          batchId: summary.batchId,
          mapping: summary.mapping,
          diff: summary.diff,
        });
      } catch (error) {
        send({ type: "error", ...failure(error, lang).body });
      } finally {
        await upload.cleanup();
        controller.close();
      }
    },
  });
  const response = new NextResponse(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
  // The pages the user opens next read from the primary, which has the import (see app/_read-db.ts).
  if (!parsed.data.dryRun) response.cookies.set(readPrimaryCookie);
  return response;
}
