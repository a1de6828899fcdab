import { createReadStream } from "node:fs";
import { NextResponse } from "next/server";
import type { CurrentUser } from "@/app/_auth/session";
import type { Actor } from "@/db/queries/audit-entry";
import { maxUploadBytes, spoolMultipart, UploadError, type SpooledUpload } from "@/app/_lib/upload";
import { importForm, type ImportFormFields } from "@/app/_lib/import-form";
import { readPrimaryCookie } from "@/app/_lib/read-db";
import { route } from "@/app/_lib/route";
import { runAuditedImport } from "@/db/import/audited-run";
import { contractSummary, ImportFileError } from "@/db/import/run";
import { SheetError } from "@/lib/import/xlsx-sheet";
import { PROGRESS_CONTENT_TYPE, progressLine, summaryLine, type ProgressLine } from "@/lib/import/progress-protocol";
import { errorText } from "@/lib/i18n/errors";
import type { Lang } from "@/lib/i18n/lang";
import { getLang } from "@/app/_lib/i18n";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The spooled file through the import's stages, audited with the user and their address. */
function importUpload(
  user: CurrentUser,
  actor: Actor,
  upload: SpooledUpload,
  fields: ImportFormFields,
  onProgress?: (rows: number) => void,
) {
  return runAuditedImport({
    kind: fields.kind,
    fileName: upload.file.name,
    actor: { ...actor, ip: actor.ip ?? null, scope: user.scope },
    via: "upload",
    dryRun: fields.dryRun,
    source: createReadStream(upload.file.path, { highWaterMark: 256 * 1024 }),
    sheet: fields.sheet,
    onProgress,
  });
}

/**
 * What a refused file or a failure looks like to the caller: a reason (`error`, and `code`) and a message in
 * the caller's language, never a stack.
 */
function failure(error: unknown, lang: Lang): { status: number; body: Extract<ProgressLine, { type: "error" }> } {
  if (error instanceof ImportFileError) {
    const message = lang === "en" ? error.message : error.messageJa;
    const body = { type: "error" as const, error: error.reason, code: `import.file.${error.reason}`, message };
    // A workbook's sheet that cannot be read also names the book's sheets, so that the page can offer them.
    return { status: 422, body: error instanceof SheetError ? { ...body, sheets: error.sheets } : body };
  }
  console.error("import failed", error);
  return {
    status: 500,
    body: { type: "error", error: "import_failed", code: "import.failed", message: errorText(lang, "import.failed") },
  };
}

/** The failure as the plain JSON answer gives it (the stream's line without its type). */
function withoutType(line: ProgressLine) {
  const { type, ...rest } = line;
  void type;
  return rest;
}

/**
 * POST /api/v1/imports (multipart: kind, file, dryRun): editors and admins. Answers the import summary of
 * contracts.md. With `Accept: application/x-ndjson` it streams progress lines while the file runs and ends
 * with the summary (lib/import/progress-protocol.ts, read by the upload page).
 */
export const POST = route({ role: "editor", sameOrigin: true }, async ({ req, user, actor }) => {
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
  const parsed = importForm.safeParse(upload.fields);
  if (!parsed.success) {
    await upload.cleanup();
    return NextResponse.json(
      { error: "invalid_form", code: "import.invalidForm", message: errorText(lang, "import.invalidForm") },
      { status: 400 },
    );
  }
  const fields = parsed.data;
  const response = (req.headers.get("accept") ?? "").includes(PROGRESS_CONTENT_TYPE)
    ? streamed(user, actor, upload, fields, lang)
    : await whole(user, actor, upload, fields, lang);
  // The pages the user opens next read from the primary, which has the import (see app/_lib/read-db.ts).
  if (!fields.dryRun && response.ok) response.cookies.set(readPrimaryCookie);
  return response;
});

/** The summary as one JSON answer (the API's contract). */
async function whole(user: CurrentUser, actor: Actor, upload: SpooledUpload, fields: ImportFormFields, lang: Lang) {
  try {
    return NextResponse.json(contractSummary(await importUpload(user, actor, upload, fields)));
  } catch (error) {
    const { status, body } = failure(error, lang);
    return NextResponse.json(withoutType(body), { status });
  } finally {
    await upload.cleanup();
  }
}

/** Progress lines while the file runs, then the summary or the failure. */
function streamed(user: CurrentUser, actor: Actor, upload: SpooledUpload, fields: ImportFormFields, lang: Lang) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ProgressLine) => controller.enqueue(encoder.encode(progressLine(line)));
      send({ type: "started", file: upload.file.name, bytes: upload.file.bytes });
      try {
        const summary = await importUpload(user, actor, upload, fields, (rows) => send({ type: "progress", rows }));
        send(summaryLine(summary));
      } catch (error) {
        send(failure(error, lang).body);
      } finally {
        await upload.cleanup();
        controller.close();
      }
    },
  });
  return new NextResponse(body, {
    headers: {
      "content-type": `${PROGRESS_CONTENT_TYPE}; charset=utf-8`,
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
