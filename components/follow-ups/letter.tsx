import { ALERT_RULE_INFO } from "@/lib/alerts/catalogue";
import { formatWareki } from "@/lib/dates";
import { STATE_INFO } from "@/lib/states";
import type { Messages } from "@/lib/i18n/messages";
import type { FacilityDetail } from "@/db/queries/facility-detail";

/** One A4 reminder letter in Japanese, every date in 和暦, with the dates that apply to this facility. */
export function ReminderLetter({ t, detail, today }: { t: Messages; detail: FacilityDetail; today: string }) {
  const m = t.fu.letter;
  const f = detail.facility;
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
      <p className="sender">{m.from}</p>
      <h2>{m.title}</h2>
      <p>{m.body1}</p>
      <p>{m.body2}</p>
      <table>
        <tbody>
          <tr>
            <th>{m.status}</th>
            <td>{STATE_INFO[f.status].ja}</td>
          </tr>
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
      <p>{m.closing}</p>
    </article>
  );
}
