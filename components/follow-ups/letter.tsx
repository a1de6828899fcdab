import { ALERT_RULE_INFO } from "@/lib/alerts/catalogue";
import { formatWareki } from "@/lib/dates";
import { STATE_INFO } from "@/lib/states";
import type { Messages } from "@/lib/i18n/messages";
import type { FacilityDetail } from "@/lib/facilities/types";
import type { Office } from "@/lib/facilities/types";

/**
 * One A4 reminder letter in Japanese, every date in 和暦, with the dates that apply to this facility: its
 * most urgent alert's deadline first. The sender is the prefecture office's setting when there is one.
 */
export function ReminderLetter({
  t,
  detail,
  today,
  office,
}: {
  t: Messages;
  detail: FacilityDetail;
  today: string;
  office?: Office | null;
}) {
  const m = t.fu.letter;
  const f = detail.facility;
  const first = detail.alerts[0] ?? null;
  const deferral = detail.filings.find((x) => x.inForce)?.deferralUntil ?? null;
  return (
    <article className="letter" data-testid="letter">
      <p className="date">{formatWareki(today)}</p>
      <p>
        {f.postalCode ? `〒${f.postalCode}` : ""}
        <br />
        {f.address ?? ""}
        <br />
        <strong>
          {f.name} {m.to}
        </strong>
        <br />
        <small>（{f.code}）</small>
      </p>
      <p className="sender" data-testid="letter-sender">
        {office ? office.officeName : m.from}
        {office?.phone && (
          <>
            <br />
            {t.rn.letterPhone} {office.phone}
          </>
        )}
      </p>
      <h2>{m.title}</h2>
      <p>{m.body1}</p>
      <p>{m.body2}</p>
      <table>
        <tbody>
          <tr>
            <th>{m.status}</th>
            <td>{STATE_INFO[f.status].ja}</td>
          </tr>
          {first && (
            <tr>
              <th>{t.rn.letterDeadline}</th>
              <td data-testid="letter-deadline">
                <strong>{formatWareki(first.dueOn)}</strong>（{ALERT_RULE_INFO[first.rule].ja}）— {first.message.ja}
              </td>
            </tr>
          )}
          {deferral && (
            <tr>
              <th>{m.deferralUntil}</th>
              <td data-testid="letter-deferral">{formatWareki(deferral)}</td>
            </tr>
          )}
          {detail.applyBy && (
            <tr>
              <th>{m.applyBy}</th>
              <td>{formatWareki(detail.applyBy)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {detail.alerts.length > 0 && (
        <>
          <p>{m.items}</p>
          <ul>
            {detail.alerts.map((a) => (
              <li key={a.rule}>
                {ALERT_RULE_INFO[a.rule].ja}（{formatWareki(a.dueOn)}）
              </li>
            ))}
          </ul>
        </>
      )}
      {office?.portalUrl && (
        <p>
          {t.rn.letterPortal}: {office.portalUrl}
        </p>
      )}
      <p>{m.closing}</p>
    </article>
  );
}
