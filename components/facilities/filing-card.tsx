import { bracket, type Lang, type Messages } from "@/lib/i18n/messages";
import {
  NETWORK_LABELS,
  READINESS_LABELS,
  REASON_LABELS,
  REASON_SUB_LABELS,
  RECECOM_LABELS,
} from "@/lib/filing-labels";
import { formatWareki } from "@/lib/dates";
import type { FilingRecord } from "@/lib/facilities/types";
import { FieldList } from "./field-list";

const s = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** One 様式第1号 filing with every answer as people know it (①–⑪). */
export function FilingCard({ t, lang, code, filing }: { t: Messages; lang: Lang; code: string; filing: FilingRecord }) {
  const f = t.fu.fields;
  const label = (labels: Record<string, { ja: string; en: string }>, key: unknown) =>
    key === null ? "—" : (labels[String(key)]?.[lang] ?? String(key));
  const reason = [
    label(REASON_LABELS, filing.reason),
    filing.reason === "transitional" ? label(REASON_SUB_LABELS, filing.reasonSub) : null,
    filing.reason === "outsourced" ? s(filing.outsourcer) : null,
    filing.reason === "other" ? s(filing.reasonOther) : null,
  ].filter(Boolean);
  const readiness = [
    label(READINESS_LABELS, filing.readiness),
    filing.readinessDate ? s(filing.readinessDate) : null,
    filing.readinessOther ? s(filing.readinessOther) : null,
  ].filter(Boolean);
  const rows: [string, string][] = [
    [f.f1, s(filing.facilityName)],
    [f.f2, s(filing.phone)],
    [f.f3, code],
    [f.f4, s(filing.specialties)],
    [f.f5, `${filing.deferralUntil}${bracket(lang, formatWareki(filing.deferralUntil))}`],
    [f.f6, reason.join(" / ")],
    [f.f7, readiness.join(" / ")],
    [
      f.f8,
      filing.rececom
        ? `${label(RECECOM_LABELS, filing.rececom)}${filing.rececomMonth ? ` ${filing.rececomMonth}` : ""}`
        : "—",
    ],
    [f.f9, `${label(NETWORK_LABELS, filing.network)}${filing.networkMonth ? ` ${filing.networkMonth}` : ""}`],
    [f.f10a, filing.usageApplied ? f.done : f.notYet],
    [f.f10b, filing.certApplied ? f.done : f.notYet],
    [f.f11, s(filing.remarks)],
    [f.founder, s(filing.founderName)],
    [f.email, s(filing.email)],
  ];
  return (
    <div className="filing" data-testid="filing">
      <h3>
        {t.fu.facility.filedOn} {filing.filedOn}
        {bracket(lang, formatWareki(filing.filedOn))}{" "}
        <span className={filing.inForce ? "badge" : "badge muted"}>
          {filing.inForce ? t.fu.facility.inForce : t.fu.facility.superseded}
        </span>
      </h3>
      <FieldList rows={rows} />
    </div>
  );
}
