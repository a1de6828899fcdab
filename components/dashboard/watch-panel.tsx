import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import type { CertificateWatch, RegressionCounts } from "@/lib/figures/types";
import { formatCount } from "@/lib/i18n/format";

interface Props {
  t: Messages;
  lang: Lang;
  certificates: CertificateWatch;
  regressions: RegressionCounts;
  /** The overview's own filter (prefecture, table type, category, asOf) carried into the lists. */
  query: Record<string, string> & { asOf: string };
}

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Certificates lapsing by month and regressions: every figure links to the list it counts. */
export function WatchPanel({ t, lang, certificates, regressions, query }: Props) {
  const m = t.rn;
  const num = (n: number) => formatCount(n, lang);
  return (
    <section className="panel" aria-labelledby="watch" data-testid="watch-panel">
      <h2 id="watch">{m.watchTitle}</h2>
      <div className="watch-grid">
        <div>
          <h3>{m.expiringTitle}</h3>
          <p className="muted">{m.expiringNote}</p>
          <table className="data" data-testid="certificates-by-month">
            <thead>
              <tr>
                <th>{m.month}</th>
                <th className="num">{m.facilities}</th>
              </tr>
            </thead>
            <tbody>
              {certificates.months.map((row) => (
                <tr key={row.month}>
                  <td>{row.month}</td>
                  <td className="num">
                    <Link
                      href={`/follow-ups?${qs({
                        ...query,
                        alert: "certificate_expiring",
                        dueFrom: row.dueFrom,
                        dueBefore: row.dueBefore,
                      })}`}
                    >
                      {num(row.facilities)}
                    </Link>
                  </td>
                </tr>
              ))}
              <tr>
                <td>{m.expired}</td>
                <td className="num">
                  <Link href={`/follow-ups?${qs({ ...query, alert: "certificate_expired" })}`}>
                    {num(certificates.expired)}
                  </Link>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <div>
          <h3>{m.regressionsTitle}</h3>
          <dl className="fields" data-testid="regression-counts">
            <div>
              <dt>{m.regressionsThisMonth}</dt>
              <dd>
                <Link href={`/regressions?${qs({ ...query, from: `${query.asOf.slice(0, 7)}-01` })}`}>
                  {num(regressions.thisMonth)}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{m.regressionsSinceStart}</dt>
              <dd>
                <Link href={`/regressions?${qs(query)}`}>{num(regressions.sinceStart)}</Link>
              </dd>
            </div>
            <div>
              <dt>{m.regressionsStillOff}</dt>
              <dd>
                <Link href={`/follow-ups?${qs({ ...query, alert: "regression" })}`}>{num(regressions.stillOff)}</Link>
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </section>
  );
}
