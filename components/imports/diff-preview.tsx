import type { Messages } from "@/lib/i18n/messages";
import type { DryRunDiff } from "@/lib/import/types";
import { STATE_INFO, isEventState } from "@/lib/states";
import { formatCount } from "@/lib/i18n/format";

type T = Messages["rn"];
const SHOWN = 200;

/** The dry run's per-facility changes: counts by kind, the first lines, and all of them as a CSV (diff.csv). */
export function DiffPreview({
  t,
  lang,
  diff,
  batchId,
}: {
  t: T;
  lang: "ja" | "en";
  diff: DryRunDiff;
  batchId?: number;
}) {
  const label = (v: string | null) => (v === null ? "" : isEventState(v) ? STATE_INFO[v][lang] : v);
  return (
    <section data-testid="import-diff">
      <h3>{t.diffTitle}</h3>
      {diff.groups.length === 0 ? (
        <p className="muted">{t.diffNone}</p>
      ) : (
        <>
          <dl className="import-counts">
            {diff.groups.map((g) => (
              <div key={g.change} data-testid={`diff-${g.change}`}>
                <dt>{t.diffChange[g.change]}</dt>
                <dd>{formatCount(g.count, lang)}</dd>
              </div>
            ))}
          </dl>
          <p>
            {batchId !== undefined && (
              <a className="btn secondary" href={`/api/v1/imports/${batchId}/diff.csv`} download>
                {t.diffDownload}
              </a>
            )}{" "}
            {diff.truncated && <span className="muted">{t.diffTruncated}</span>}
          </p>
          <details>
            <summary>
              {t.diffTitle}（{t.diffShown}）
            </summary>
            <div className="scroll-x">
              <table className="data">
                <thead>
                  <tr>
                    <th>医療機関コード</th>
                    <th className="text">{t.diffKind}</th>
                    <th className="text">{t.diffFrom}</th>
                    <th className="text">{t.diffTo}</th>
                    <th className="text">{t.diffDetail}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.items.slice(0, SHOWN).map((i, n) => (
                    <tr key={`${i.code}-${i.change}-${n}`}>
                      <td>
                        {i.code} {i.name ?? ""}
                      </td>
                      <td className="text">{t.diffChange[i.change]}</td>
                      <td className="text">{label(i.from)}</td>
                      <td className="text">{label(i.to)}</td>
                      <td className="text">
                        {i.row ? `${t.diffRow} ${i.row}: ` : ""}
                        {i.detail ?? ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
