import { FigureLink } from "./figure-link";
import type { DeferralFigures } from "@/lib/figure-filter";
import { formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import type { FigureFilter } from "@/lib/figure-filter";
import { APPLIED_LABELS } from "@/lib/charts/panel-tables";
import {
  labelledCounts,
  NETWORK_LABELS,
  READINESS_LABELS,
  REASON_LABELS,
  REASON_SUB_LABELS,
  RECECOM_LABELS,
} from "@/lib/filing-labels";

type Row = { key: string; label: string; count: number };

function CountTable({
  title,
  rows,
  total,
  lang,
  hrefFor,
  testId,
}: {
  title: string;
  rows: Row[];
  total: number;
  lang: Lang;
  hrefFor?: (key: string) => string;
  testId?: string;
}) {
  return (
    <table className="data" data-testid={testId}>
      <caption className="muted" style={{ textAlign: "left" }}>
        {title}
      </caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td>
              <FigureLink href={hrefFor?.(r.key)}>{formatCount(r.count, lang)}</FigureLink>
            </td>
            <td>{formatPercent(total ? r.count / total : 0, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The filings in force on the date: ⑥ reasons (ア by contractor), ⑦ readiness, ⑧ claims software, ⑨ network,
 * ⑩ applications against the records, when deferrals end, and those whose deferral ended. Every count opens
 * its facilities when the page gives `hrefFor`.
 */
export function DeferralsPanel({
  d,
  t,
  lang,
  hrefFor,
  contractorsShown = 10,
}: {
  d: DeferralFigures;
  t: Messages;
  lang: Lang;
  hrefFor?: (figure: FigureFilter) => string;
  contractorsShown?: number;
}) {
  const link = <K extends keyof FigureFilter>(key: K) =>
    hrefFor ? (value: string) => hrefFor({ [key]: value } as FigureFilter) : undefined;
  const applied = (counts: Record<string, number>) => labelledCounts(APPLIED_LABELS, counts, lang);
  const contractors = d.contractors
    .slice(0, contractorsShown)
    .map((c) => ({ key: c.key, label: c.name, count: c.count }));
  const outsourced = d.reasons.outsourced ?? 0;
  return (
    <>
      <p className="muted">
        {t.fig.lapsedTitle}:{" "}
        <FigureLink href={hrefFor?.({ deferral: "lapsed" })} testId="deferrals-lapsed">
          {formatCount(d.lapsed, lang)}
        </FigureLink>
      </p>
      <div className="grid3" data-testid="deferrals">
        <CountTable
          title={t.reason}
          rows={labelledCounts(REASON_LABELS, d.reasons, lang)}
          total={d.inForce}
          lang={lang}
          hrefFor={link("reason")}
          testId="deferral-reasons"
        />
        <CountTable
          title={t.reasonSub}
          rows={labelledCounts(REASON_SUB_LABELS, d.transitionalSub, lang)}
          total={sum(d.transitionalSub)}
          lang={lang}
          hrefFor={link("reasonSub")}
        />
        <CountTable
          title={t.readiness}
          rows={labelledCounts(READINESS_LABELS, d.readiness, lang)}
          total={d.inForce}
          lang={lang}
          hrefFor={link("readiness")}
        />
        <CountTable
          title={t.rececom}
          rows={labelledCounts(RECECOM_LABELS, d.rececom, lang)}
          total={sum(d.rececom)}
          lang={lang}
          hrefFor={link("rececom")}
        />
        <CountTable
          title={t.network}
          rows={labelledCounts(NETWORK_LABELS, d.network, lang)}
          total={d.inForce}
          lang={lang}
          hrefFor={link("network")}
        />
        <CountTable
          title={t.fig.usageAppliedTitle}
          rows={applied(d.usageApplied)}
          total={d.inForce}
          lang={lang}
          hrefFor={link("usageApplied")}
          testId="deferral-usage"
        />
        <CountTable
          title={t.fig.certAppliedTitle}
          rows={applied(d.certApplied)}
          total={d.inForce}
          lang={lang}
          hrefFor={link("certApplied")}
        />
        <CountTable
          title={t.endingByMonth}
          rows={d.endingByMonth.map((m) => ({ key: m.month, label: m.month, count: m.count }))}
          total={d.inForce}
          lang={lang}
          hrefFor={link("deferralEnds")}
        />
      </div>
      <div className="deferral-contractors">
        <CountTable
          title={t.fig.contractors}
          rows={contractors}
          total={outsourced}
          lang={lang}
          hrefFor={link("contractor")}
          testId="deferral-contractors"
        />
      </div>
    </>
  );
}
