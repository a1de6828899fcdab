import Link from "next/link";
import { FigureLink } from "./figure-link";
import type { PlanForecast } from "@/lib/figures/types";
import { fill, formatCount, type Lang, type Messages } from "@/lib/i18n/messages";
import { prefectureByCode } from "@/lib/prefectures";
import { STATE_INFO, type EventState } from "@/lib/states";

/** The plan months split by year, for the print view's side-by-side tables. */
function yearsOf(months: { month: string; count: number }[]): { month: string; count: number }[][] {
  const byYear = new Map<string, { month: string; count: number }[]>();
  for (const m of months) byYear.set(m.month.slice(0, 4), [...(byYear.get(m.month.slice(0, 4)) ?? []), m]);
  return [...byYear.values()];
}

/** "If every facility keeps its filed plan": the counts, the last planned month, and the slipped facilities. */
export function PlanPanel({
  plan,
  t,
  lang,
  hrefFor,
  expanded = false,
}: {
  plan: PlanForecast;
  t: Messages;
  lang: Lang;
  hrefFor?: (bucket: string) => string;
  expanded?: boolean;
}) {
  const last = plan.plannedByMonth.at(-1)?.month ?? "—";
  const count = (n: number, bucket: string, testId?: string) => (
    <FigureLink href={hrefFor?.(bucket)} testId={testId}>
      {formatCount(n, lang)}
    </FigureLink>
  );
  const Fold = expanded ? "div" : "details";
  return (
    <>
      <div className="tiles" data-testid="plan">
        <div className="tile">
          <div className="label">{t.planRemaining}</div>
          <div className="value">{count(plan.remaining, "remaining")}</div>
        </div>
        <div className="tile">
          <div className="label">{t.planLast}</div>
          <div className="value">{last === "—" ? last : <FigureLink href={hrefFor?.(last)}>{last}</FigureLink>}</div>
          {last !== "—" && (
            <div className="note">
              {fill(t.fig.facilitiesCount, { n: formatCount(plan.plannedByMonth.at(-1)!.count, lang) })}
            </div>
          )}
        </div>
        <div className="tile">
          <div className="label">{t.planSlipped}</div>
          <div className="value">{count(plan.slipped, "slipped", "plan-slipped")}</div>
        </div>
        <div className="tile">
          <div className="label">{t.planWithout}</div>
          <div className="value">{count(plan.withoutPlan, "none")}</div>
        </div>
      </div>
      <Fold className="plan-months">
        {!expanded && <summary>{t.fig.showTable}</summary>}
        <div className={expanded ? "plan-years" : undefined} data-testid="plan-table">
          {(expanded ? yearsOf(plan.plannedByMonth) : [plan.plannedByMonth]).map((months, i) => (
            <table className="data" key={months[0]?.month ?? i}>
              <thead>
                <tr>
                  <th scope="col">{t.planOn}</th>
                  <th scope="col">{t.count}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td>{count(m.count, m.month)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <table className="data">
            <tbody>
              <tr>
                <td>{t.planSlipped}</td>
                <td>{count(plan.slipped, "slipped")}</td>
              </tr>
              <tr>
                <td>{t.planWithout}</td>
                <td>{count(plan.withoutPlan, "none")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </Fold>
      {plan.slippedSample.length > 0 && (
        <Fold>
          {!expanded && <summary>{t.slippedList}</summary>}
          {expanded && <h3>{t.slippedList}</h3>}
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
                  <td>
                    <Link href={`/facilities/${f.code}`}>{f.code}</Link>
                  </td>
                  <td style={{ textAlign: "left" }}>{f.name}</td>
                  <td>
                    <Link href={`/prefectures/${f.prefecture}`}>
                      {prefectureByCode(f.prefecture)?.[lang === "en" ? "nameEn" : "nameJa"]}
                    </Link>
                  </td>
                  <td>{f.planOn}</td>
                  <td>{STATE_INFO[f.status as EventState]?.[lang] ?? f.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hrefFor && (
            <p>
              <Link href={hrefFor("slipped")}>{t.fig.openList}</Link>
            </p>
          )}
        </Fold>
      )}
    </>
  );
}
