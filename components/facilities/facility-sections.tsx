import { bracket, type Lang, type Messages } from "@/lib/i18n/messages";
import { ALERT_RULE_INFO } from "@/lib/alerts/rules";
import { STATE_INFO } from "@/lib/states";
import { CATEGORY_INFO, TABLE_TYPE_INFO } from "@/lib/table-types";
import { prefectureByCode } from "@/lib/prefectures";
import { formatWareki } from "@/lib/dates";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/follow-ups/contacts";
import type { FacilityDetail } from "@/lib/facilities/types";
import { FieldList } from "./field-list";
import { PhoneLink } from "./phone-link";
import { ScrollBox } from "@/components/layout/scroll-box";
import { formatCount } from "@/lib/i18n/format";

interface P {
  t: Messages;
  lang: Lang;
  detail: FacilityDetail;
}

export function StateBadge({ state, lang }: { state: keyof typeof STATE_INFO; lang: Lang }) {
  return (
    <span className="state">
      <span className="swatch" style={{ background: STATE_INFO[state].color }} aria-hidden="true" />
      {STATE_INFO[state][lang]}
    </span>
  );
}

export function IdentityPanel({ t, lang, detail }: P) {
  const f = detail.facility;
  const m = t.fu.facility;
  const rows: [string, React.ReactNode][] = [
    [t.code, f.code],
    [
      t.prefecture,
      (lang === "en" ? prefectureByCode(f.prefecture)?.nameEn : prefectureByCode(f.prefecture)?.nameJa) ?? f.prefecture,
    ],
    [
      t.tableType,
      `${TABLE_TYPE_INFO[f.tableType][lang]}${lang === "en" ? ", " : "・"}${CATEGORY_INFO[f.category][lang]}`,
    ],
    [m.postalCode, f.postalCode ?? "—"],
    [m.address, f.address ?? "—"],
    [m.phone, f.phone ? <PhoneLink phone={f.phone} /> : "—"],
    [m.specialties, f.specialties ?? "—"],
    [m.monthlyClaims, f.monthlyClaims === null ? "—" : formatCount(f.monthlyClaims, lang)],
    [m.sharesTerminal, f.sharesOqvTerminal ? m.yes : m.no],
  ];
  if (f.closedOn) rows.push([m.closedOn, f.closedOn]);
  return (
    <section className="panel" aria-labelledby="identity">
      <h2 id="identity">{m.identity}</h2>
      <FieldList rows={rows} />
    </section>
  );
}

export function AlertsPanel({ t, lang, detail }: P) {
  const m = t.fu.facility;
  const cal = detail.calendar;
  return (
    <section className="panel" aria-labelledby="alerts" data-testid="facility-alerts">
      <h2 id="alerts">{m.alerts}</h2>
      {detail.alerts.length === 0 ? (
        <p className="muted">{m.noAlerts}</p>
      ) : (
        <ul className="alerts">
          {detail.alerts.map((a) => (
            <li key={a.rule} className={`sev-${ALERT_RULE_INFO[a.rule].severity}`}>
              <strong>{ALERT_RULE_INFO[a.rule][lang]}</strong>
              {bracket(lang, `${t.fu.dueOn} ${a.dueOn}`)} — {a.message[lang]}
            </li>
          ))}
        </ul>
      )}
      {detail.applyBy && cal && (
        <dl className="fields">
          <div>
            <dt>{m.applyBy}</dt>
            <dd data-testid="apply-by">
              {detail.applyBy}
              {bracket(lang, formatWareki(detail.applyBy))}
              <small className="muted"> {m.applyByNote}</small>
            </dd>
          </div>
          <div>
            <dt>{m.startMonth}</dt>
            <dd>{cal.month}</dd>
          </div>
          <div>
            <dt>{m.certificateWindow}</dt>
            <dd>
              {cal.certificateFrom} – {cal.certificateBy}
            </dd>
          </div>
          <div>
            <dt>{m.setup}</dt>
            <dd>
              {cal.setupFrom} – {cal.setupTo}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

export function TimelinePanel({ t, lang, detail }: P) {
  const m = t.fu.facility;
  return (
    <section className="panel" aria-labelledby="timeline">
      <h2 id="timeline">{m.timeline}</h2>
      <ScrollBox>
        <table className="data" data-testid="timeline">
          <thead>
            <tr>
              <th>{m.date}</th>
              <th>{t.status}</th>
              <th>{m.source}</th>
              <th>{m.note}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>—</td>
              <td>
                <StateBadge state={detail.facility.initialState} lang={lang} />
                {bracket(lang, m.start)}
              </td>
              <td />
              <td />
            </tr>
            {detail.events.map((e) => (
              <tr key={`${e.state}-${e.effectiveOn}`}>
                <td>{e.effectiveOn}</td>
                <td>
                  <StateBadge state={e.state} lang={lang} />
                  {e.backward && <strong className="error">{bracket(lang, m.backward)}</strong>}
                </td>
                <td>{e.source}</td>
                <td>{e.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

export function ContactList({
  t,
  lang,
  detail,
  renderEdit,
}: P & { renderEdit?: (contactId: number) => React.ReactNode }) {
  const m = t.fu.facility;
  if (detail.contacts.length === 0) return <p className="muted">{m.noContacts}</p>;
  return (
    <table className="data contacts" data-testid="contact-log">
      <thead>
        <tr>
          <th>{m.contactedOn}</th>
          <th>{m.channel}</th>
          <th>{m.outcome}</th>
          <th>{m.promisedOn}</th>
          <th>{m.nextActionOn}</th>
          <th>{m.note}</th>
          <th>{m.by}</th>
          {renderEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {detail.contacts.map((c) => (
          <tr key={c.id}>
            <td>{c.contactedOn}</td>
            <td>{CHANNEL_LABELS[c.channel][lang]}</td>
            <td>{OUTCOME_LABELS[c.outcome][lang]}</td>
            <td>{c.promisedOn ?? ""}</td>
            <td>{c.nextActionOn ?? ""}</td>
            <td className="note">{c.note ?? ""}</td>
            <td>{c.userEmail}</td>
            {renderEdit && <td>{renderEdit(c.id)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
