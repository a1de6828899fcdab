"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { formatCount } from "@/lib/i18n/format";
import type { ImportSummary } from "@/lib/import/types";
import { localizedMessage } from "@/lib/i18n/errors";
import { DiffPreview } from "./diff-preview";
import { SheetChoice } from "./sheet-choice";

type Kind = "facilities" | "filings" | "events" | "claims";
type T = Messages["imports"];

export type ImportResult = ImportSummary;

type Phase =
  | { step: "choose" }
  | { step: "running"; dryRun: boolean; sent: number; total: number; rows: number | null }
  | { step: "preview"; result: ImportResult }
  | { step: "done"; result: ImportResult }
  | { step: "failed"; message: string; sheets?: string[]; sheet?: string };

const SHOWN_ERRORS = 100;

/**
 * Sends the file to POST /api/v1/imports asking for progress lines (NDJSON): the upload's bytes from the
 * browser, then the rows read on the server, then the summary. XHR because fetch cannot report upload
 * progress.
 */
function send(
  kind: Kind,
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
    let outcome: { type: string; message?: string; sheets?: string[] } & Partial<ImportResult> = { type: "none" };
    const readLines = () => {
      for (const line of xhr.responseText.split("\n")) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as typeof outcome & { rows?: number };
        if (message.type === "progress") rows = message.rows ?? rows;
        if (message.type === "summary" || message.type === "error") outcome = message;
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
        // a line cut in two; read again at the next chunk
      }
    };
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes("ndjson")) {
        readLines();
        if (outcome.type === "summary") resolve(outcome as unknown as ImportResult);
        else reject(Object.assign(new Error(outcome.message ?? "error"), { sheets: outcome.sheets }));
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
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.send(body);
  });
}

export function ImportForm({
  t,
  maxBytes,
  rn,
  lang = "ja",
}: {
  t: T;
  maxBytes: number;
  rn?: Messages["rn"];
  lang?: "ja" | "en";
}) {
  const [kind, setKind] = useState<Kind>("facilities");
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const fileInput = useRef<HTMLInputElement>(null);
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

  function chooseSheet(name: string) {
    sheet.current = name;
    void run(true);
  }

  function reset() {
    chosen.current = null;
    sheet.current = undefined;
    if (fileInput.current) fileInput.current.value = "";
    setPhase({ step: "choose" });
  }

  const busy = phase.step === "running";
  const locked = phase.step !== "choose" && phase.step !== "failed";
  return (
    <div className="import">
      <form
        className="panel import-choose"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <label>
          {t.kind}
          <select name="kind" value={kind} disabled={locked} onChange={(e) => setKind(e.target.value as Kind)}>
            {(Object.keys(t.kinds) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.file}
          <input
            ref={fileInput}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            disabled={locked}
            onChange={(e) => {
              chosen.current = e.target.files?.[0] ?? null;
              sheet.current = undefined;
            }}
          />
          <small>
            {t.fileHelp} {Math.round(maxBytes / 1024 / 1024)} MB
          </small>
        </label>
        <button className="btn" type="submit" disabled={locked}>
          {t.preview}
        </button>
      </form>

      {phase.step === "running" && <Running t={t} phase={phase} lang={lang} />}
      {phase.step === "failed" && (
        <p role="alert" className="error">
          {t.failed}: {phase.message}
        </p>
      )}
      {phase.step === "failed" && phase.sheets && phase.sheets.length > 1 && (
        <div className="panel">
          <SheetChoice t={t} sheets={phase.sheets} current={phase.sheet} disabled={busy} onChoose={chooseSheet} />
        </div>
      )}
      {(phase.step === "preview" || phase.step === "done") && (
        <section className="panel" aria-live="polite" data-testid={`import-${phase.step}`}>
          <h2>{phase.step === "preview" ? t.previewTitle : t.doneTitle}</h2>
          <Summary t={t} result={phase.result} lang={lang} />
          {phase.step === "preview" && phase.result.diff && rn && (
            <DiffPreview t={rn} lang={lang} diff={phase.result.diff} batchId={phase.result.batchId} />
          )}
          {phase.step === "preview" && phase.result.sheets && phase.result.sheets.length > 1 && (
            <SheetChoice
              t={t}
              sheets={phase.result.sheets}
              current={phase.result.sheet}
              disabled={busy}
              onChoose={chooseSheet}
            />
          )}
          <div className="import-actions">
            {phase.step === "preview" && (
              <button
                className="btn"
                type="button"
                disabled={busy || phase.result.rows - phase.result.rejected === 0}
                onClick={() => void run(false)}
              >
                {t.confirm}
              </button>
            )}
            <button className="btn secondary" type="button" onClick={reset}>
              {t.cancel}
            </button>
            {phase.step === "done" && <Link href="/">{t.viewDashboard}</Link>}
          </div>
        </section>
      )}
    </div>
  );
}

function Running({ t, phase, lang }: { t: T; phase: Extract<Phase, { step: "running" }>; lang: Lang }) {
  const uploading = phase.sent < phase.total && phase.rows === null;
  return (
    <div className="panel" role="status" aria-live="polite">
      <p>
        {uploading ? t.uploading : t.processing}
        {uploading
          ? ` ${Math.floor((phase.sent / Math.max(phase.total, 1)) * 100)}%`
          : phase.rows !== null
            ? ` — ${formatCount(phase.rows, lang)} ${t.rowsRead}`
            : "…"}
      </p>
      <progress max={phase.total} value={uploading ? phase.sent : undefined} />
    </div>
  );
}

function Summary({ t, result, lang }: { t: T; result: ImportResult; lang: Lang }) {
  const matched = Object.entries(result.mapping?.matched ?? {});
  return (
    <>
      <dl className="import-counts">
        {(
          [
            [
              t.encoding,
              result.encoding === "xlsx" ? t.workbook : result.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8",
              "encoding",
            ],
            ...(result.sheet ? ([[t.sheet, result.sheet, "sheet"]] as const) : []),
            [t.rows, result.rows, "rows"],
            [t.inserted, result.inserted, "inserted"],
            [t.updated, result.updated, "updated"],
            [t.unchanged, result.unchanged, "unchanged"],
            [t.rejected, result.rejected, "rejected"],
          ] as const
        ).map(([label, value, key]) => (
          <div key={key} data-testid={`count-${key}`}>
            <dt>{label}</dt>
            <dd>{typeof value === "number" ? formatCount(value, lang) : value}</dd>
          </div>
        ))}
      </dl>
      {matched.length > 0 && (
        <details>
          <summary>{t.mapping}</summary>
          <table className="data">
            <thead>
              <tr>
                <th>{t.column}</th>
                <th>{t.field}</th>
              </tr>
            </thead>
            <tbody>
              {matched.map(([key, header]) => (
                <tr key={key}>
                  <td>{header}</td>
                  <td>{key}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.mapping!.unknown.length > 0 && (
            <p>
              {t.unknownColumns}: {result.mapping!.unknown.join("、")}
            </p>
          )}
        </details>
      )}
      {result.errors.length > 0 && (
        <>
          <h3>{t.errorsTitle}</h3>
          <table className="data import-errors">
            <thead>
              <tr>
                <th>{result.errors.some((e) => e.cell) ? t.cell : t.line}</th>
                <th>{t.column}</th>
                <th>{t.value}</th>
                <th>{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <tr key={i}>
                  <td>{e.cell ?? e.row}</td>
                  <td>{e.column}</td>
                  <td>{e.value}</td>
                  <td className="reason">{localizedMessage(lang, e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {result.errors.length + (result.errorsOmitted ?? 0) > SHOWN_ERRORS &&
              `${formatCount(result.errors.length + (result.errorsOmitted ?? 0), lang)} ${t.moreErrors} — `}
            {result.batchId !== undefined && (
              <a href={`/api/v1/imports/${result.batchId}/errors.csv`}>{t.downloadErrors}</a>
            )}
          </p>
        </>
      )}
    </>
  );
}
