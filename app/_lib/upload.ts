import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { readConfig } from "@/lib/config";
import { errorText, type ErrorCode, type ErrorParams } from "@/lib/i18n/errors";

/** The largest upload accepted (bytes): IMPORT_MAX_BYTES, else 128 MB (the national list is about 40 MB). */
export function maxUploadBytes(): number {
  const configured = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : 128 * 1024 * 1024;
}

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: "multipart_required" | "file_required" | "too_large" | "malformed",
    readonly messageCode: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
  }

  get messageJa(): string {
    return errorText("ja", this.messageCode, this.params);
  }
}

export const tooLarge = (max: number) =>
  new UploadError(413, "too_large", "upload.tooLarge", { mb: Math.round(max / 1024 / 1024) });

export interface SpooledUpload {
  fields: Record<string, string>;
  file: { path: string; name: string; bytes: number };
  cleanup: () => Promise<void>;
}

/**
 * Reads a multipart upload as it streams in and writes its one `file` part to a temporary file, so that
 * memory stays bounded and the import's transaction does not wait on a slow client. The fields may come
 * before or after the file. Over `maxBytes` the upload is refused (413) and the partial file removed.
 */
export async function spoolMultipart(req: Request, maxBytes: number): Promise<SpooledUpload> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !req.body) {
    throw new UploadError(400, "multipart_required", "upload.multipartRequired");
  }
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);

  const dir = await mkdtemp(path.join(readConfig().IMPORT_TMP_DIR ?? os.tmpdir(), "claims-upload-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const fields: Record<string, string> = {};
    let file: SpooledUpload["file"] | null = null;
    let truncated = false;
    let broken = false;
    const writes: Promise<void>[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4096 },
      });
    } catch {
      throw new UploadError(400, "malformed", "upload.malformed");
    }
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || file) {
        stream.resume();
        return;
      }
      const target = path.join(dir, "upload.csv");
      const entry = { path: target, name: path.basename(info.filename || "upload.csv"), bytes: 0 };
      file = entry;
      stream.on("data", (chunk: Buffer) => (entry.bytes += chunk.length));
      stream.on("limit", () => (truncated = true));
      // Caught here so that a body cut short is reported once, below, and never as an unhandled rejection.
      writes.push(
        pipeline(stream, createWriteStream(target)).catch(() => {
          broken = true;
        }),
      );
    });
    const body = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
    try {
      await pipeline(body, parser);
      await Promise.all(writes);
      if (broken) throw new Error("file part cut short");
    } catch {
      throw new UploadError(400, "malformed", "upload.cutShort");
    }
    if (truncated) throw tooLarge(maxBytes);
    if (!file) throw new UploadError(400, "file_required", "upload.fileRequired");
    return { fields, file, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
