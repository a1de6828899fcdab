import type { Messages } from "@/lib/i18n/messages";
import type { FacilityDetail } from "@/lib/facilities/types";
import { ScrollBox } from "@/components/layout/scroll-box";

/** The facility's certificates per terminal, newest application first, with the lapse that matters. */
export function CertificatesPanel({ t, detail, today }: { t: Messages; detail: FacilityDetail; today: string }) {
  const m = t.rn;
  const f = detail.facility;
  return (
    <section className="panel" aria-labelledby="certificates" data-testid="certificates">
      <h2 id="certificates">{m.certificates}</h2>
      {f.openedOn && (
        <p>
          {m.openedOn}: {f.openedOn}
        </p>
      )}
      {detail.certificates.length === 0 ? (
        <p className="muted">{m.noCertificates}</p>
      ) : (
        <ScrollBox>
          <table className="data">
            <thead>
              <tr>
                <th>{m.terminal}</th>
                <th>{m.appliedOn}</th>
                <th>{m.issuedOn}</th>
                <th>{m.expiresOn}</th>
                <th>{m.renewedOn}</th>
              </tr>
            </thead>
            <tbody>
              {detail.certificates.map((c) => {
                const lapsed = c.expiresOn !== null && c.expiresOn < today && c.renewedOn === null;
                return (
                  <tr key={`${c.terminal}-${c.appliedOn ?? c.issuedOn}`}>
                    <td>{c.terminal}</td>
                    <td>{c.appliedOn ?? m.none}</td>
                    <td>{c.issuedOn ?? m.pending}</td>
                    <td className={lapsed ? "error" : undefined}>{c.expiresOn ?? m.none}</td>
                    <td>{c.renewedOn ?? m.none}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
