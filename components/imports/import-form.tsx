"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/kinds";
import { DiffPreview } from "./diff-preview";
import { ImportSummaryView, Running } from "./import-summary";
import { SheetChoice } from "./sheet-choice";
import { useImportUpload } from "./use-import-upload";

type T = Messages["imports"];

/** The upload page: choose a kind and a file, preview (a dry run), then confirm the same file. */
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
  const [kind, setKind] = useState<ImportKind>("facilities");
  const fileInput = useRef<HTMLInputElement>(null);
  const { phase, run, choose, chooseSheet, reset: resetUpload } = useImportUpload(kind);

  function reset() {
    resetUpload();
    if (fileInput.current) fileInput.current.value = "";
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
          <select name="kind" value={kind} disabled={locked} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
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
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
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
          <ImportSummaryView t={t} result={phase.result} lang={lang} />
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
