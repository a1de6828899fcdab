"use client";

import { useRef, useState } from "react";
import type { ImportKind } from "@/lib/import/kinds";
import type { ImportSummary } from "@/lib/import/types";
import { PROGRESS_CONTENT_TYPE, readProgressLines, type ProgressLine } from "@/lib/import/progress-protocol";

export type ImportResult = ImportSummary;

export type Phase =
  | { step: "choose" }
  | { step: "running"; dryRun: boolean; sent: number; total: number; rows: number | null }
  | { step: "preview"; result: ImportResult }
  | { step: "done"; result: ImportResult }
  | { step: "failed"; message: string; sheets?: string[]; sheet?: string };

type Outcome = Extract<ProgressLine, { type: "summary" | "error" }> | { type: "none" };

/**
 * Sends the file to POST /api/v1/imports asking for progress lines (lib/import/progress-protocol.ts): the
 * upload's bytes from the browser, then the rows read on the server, then the summary. XHR because fetch
 * cannot report upload progress.
 */
function send(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  sheet: string | undefined,
  onPhase: (p: Phase) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append("kind", kind);
    body.append("dryRun", String(dryRun));
    if (sheet) body.append("sheet", sheet);
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    let rows: number | null = null;
    let sent = 0;
    let outcome: Outcome = { type: "none" };
    const readLines = () => {
      for (const line of readProgressLines(xhr.responseText)) {
        if (line.type === "progress") rows = line.rows;
        if (line.type === "summary" || line.type === "error") outcome = line;
      }
      onPhase({ step: "running", dryRun, sent, total: file.size, rows });
    };
    xhr.upload.onprogress = (e) => {
      sent = e.loaded;
      onPhase({ step: "running", dryRun, sent, total: file.size, rows });
    };
    xhr.onprogress = () => {
      try {
        readLines();
      } catch {
        // a line that does not read yet; read again at the next chunk
      }
    };
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes(PROGRESS_CONTENT_TYPE)) {
        try {
          readLines();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const last = outcome as Outcome;
        if (last.type === "summary") {
          const { type, ...result } = last;
          void type;
          resolve(result);
        } else
          reject(
            Object.assign(new Error(last.type === "error" ? last.message : "error"), {
              sheets: last.type === "error" ? last.sheets : undefined,
            }),
          );
        return;
      }
      let message = `HTTP ${xhr.status}`;
      try {
        message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
      } catch {
        // not JSON
      }
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.open("POST", "/api/v1/imports");
    xhr.setRequestHeader("accept", PROGRESS_CONTENT_TYPE);
    xhr.send(body);
  });
}

/**
 * The upload page's state: the chosen file and sheet, and the phase (choosing, running with progress,
 * the preview of a dry run, done, failed). `run(true)` previews, `run(false)` imports the same file.
 */
export function useImportUpload(kind: ImportKind) {
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const chosen = useRef<File | null>(null);
  // A workbook's sheet, once one other than the first has been chosen; the confirmation reads the same one.
  const sheet = useRef<string | undefined>(undefined);

  async function run(dryRun: boolean) {
    const file = chosen.current;
    if (!file) return;
    setPhase({ step: "running", dryRun, sent: 0, total: file.size, rows: null });
    try {
      const result = await send(kind, file, dryRun, sheet.current, setPhase);
      setPhase({ step: dryRun ? "preview" : "done", result });
    } catch (error) {
      const sheets = (error as { sheets?: string[] }).sheets;
      // The sheet that failed: the one chosen, else the first (read by default).
      setPhase({
        step: "failed",
        message: error instanceof Error ? error.message : String(error),
        sheets,
        sheet: sheet.current ?? sheets?.[0],
      });
    }
  }

  return {
    phase,
    run,
    choose(file: File | null) {
      chosen.current = file;
      sheet.current = undefined;
    },
    chooseSheet(name: string) {
      sheet.current = name;
      void run(true);
    },
    reset() {
      chosen.current = null;
      sheet.current = undefined;
      setPhase({ step: "choose" });
    },
  };
}
