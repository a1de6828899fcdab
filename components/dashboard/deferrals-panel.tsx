import type { DeferralFigures } from "@/db/queries/deferrals";
import { formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { labelledCounts, NETWORK_LABELS, READINESS_LABELS, REASON_LABELS, REASON_SUB_LABELS, RECECOM_LABELS } from "@/lib/filing-labels";

function CountTable({ title, rows, total, lang }: { title: string; rows: { key: string; label: string; count: number }[]; total: number; lang: Lang }) {
  return (
    <table className="data">
      <caption className="muted" style={{ textAlign: "left" }}>
        {title}
      </caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td>{formatCount(r.count, lang)}</td>
            <td>{formatPercent(total ? r.count / total : 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The filings in force: reasons, sub-reasons, readiness, network and claims software, and when deferrals end. */
export function DeferralsPanel({ d, t, lang }: { d: DeferralFigures; t: Messages; lang: Lang }) {
  const subTotal = Object.values(d.transitionalSub).reduce((a, b) => a + b, 0);
  const rececomTotal = Object.values(d.rececom).reduce((a, b) => a + b, 0);
  return (
    <div className="grid3" data-testid="deferrals">
      <CountTable title={t.reason} rows={labelledCounts(REASON_LABELS, d.reasons, lang)} total={d.inForce} lang={lang} />
      <CountTable title={t.reasonSub} rows={labelledCounts(REASON_SUB_LABELS, d.transitionalSub, lang)} total={subTotal} lang={lang} />
      <CountTable title={t.readiness} rows={labelledCounts(READINESS_LABELS, d.readiness, lang)} total={d.inForce} lang={lang} />
      <CountTable title={t.network} rows={labelledCounts(NETWORK_LABELS, d.network, lang)} total={d.inForce} lang={lang} />
      <CountTable title={t.rececom} rows={labelledCounts(RECECOM_LABELS, d.rececom, lang)} total={rececomTotal} lang={lang} />
      <CountTable
        title={t.endingByMonth}
        rows={d.endingByMonth.map((m) => ({ key: m.month, label: m.month, count: m.count }))}
        total={d.inForce}
        lang={lang}
      />
    </div>
  );
}
