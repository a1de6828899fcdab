import Link from "next/link";
import type { PlanForecast } from "@/db/queries/plan";
import { formatCount, type Lang, type Messages } from "@/lib/i18n/messages";
import { prefectureByCode } from "@/lib/prefectures";
import { STATE_INFO, type EventState } from "@/lib/states";

/** "If every facility keeps its filed plan": the counts, the last planned month, and the slipped facilities. */
export function PlanPanel({ plan, t, lang }: { plan: PlanForecast; t: Messages; lang: Lang }) {
  const last = plan.plannedByMonth.at(-1)?.month ?? "—";
  return (
    <>
      <div className="tiles" data-testid="plan">
        <div className="tile">
          <div className="label">{t.planRemaining}</div>
          <div className="value">{formatCount(plan.remaining, lang)}</div>
        </div>
        <div className="tile">
          <div className="label">{t.planLast}</div>
          <div className="value">{last}</div>
        </div>
        <div className="tile">
          <div className="label">{t.planSlipped}</div>
          <div className="value" data-testid="plan-slipped">
            {formatCount(plan.slipped, lang)}
          </div>
        </div>
        <div className="tile">
          <div className="label">{t.planWithout}</div>
          <div className="value">{formatCount(plan.withoutPlan, lang)}</div>
        </div>
      </div>
      {plan.slippedSample.length > 0 && (
        <details>
          <summary>{t.slippedList}</summary>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.prefecture}</th>
                <th scope="col">{t.planOn}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {plan.slippedSample.map((f) => (
                <tr key={f.code}>
                  <td>{f.code}</td>
                  <td style={{ textAlign: "left" }}>{f.name}</td>
                  <td>
                    <Link href={`/prefectures/${f.prefecture}`}>{prefectureByCode(f.prefecture)?.[lang === "en" ? "nameEn" : "nameJa"]}</Link>
                  </td>
                  <td>{f.planOn}</td>
                  <td>{STATE_INFO[f.status as EventState]?.[lang] ?? f.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
