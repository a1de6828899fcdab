import type { Lang, Messages } from "@/lib/i18n/messages";
import { formatCount } from "@/lib/i18n/format";
import { localizedMessage } from "@/lib/i18n/errors";
import type { ImportResult, Phase } from "./use-import-upload";

type T = Messages["imports"];

const SHOWN_ERRORS = 100;

/** The upload's progress: the bytes sent, then the rows the server has read. */
export function Running({ t, phase, lang }: { t: T; phase: Extract<Phase, { step: "running" }>; lang: Lang }) {
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

/** What an import or a dry run did: the counts, the header mapping and the first rejected rows. */
export function ImportSummaryView({ t, result, lang }: { t: T; result: ImportResult; lang: Lang }) {
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
