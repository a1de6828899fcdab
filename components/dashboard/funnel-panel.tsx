import { FigureLink } from "./figure-link";
import type { FunnelStep } from "@/lib/figures/types";
import { formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { STATE_INFO } from "@/lib/states";

/** The ladder as a funnel: how many reached each step, the share that moved on, and the step's median days. */
export function FunnelPanel({
  steps,
  t,
  lang,
  hrefFor,
}: {
  steps: FunnelStep[];
  t: Messages;
  lang: Lang;
  hrefFor?: (step: FunnelStep["state"]) => string;
}) {
  const widest = Math.max(1, ...steps.map((s) => s.reached));
  return (
    <table className="data" data-testid="funnel">
      <thead>
        <tr>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.funnelReached}</th>
          <th scope="col">
            <span className="sr-only">{t.barColumn}</span>
          </th>
          <th scope="col">{t.funnelMovedOn}</th>
          <th scope="col">{t.funnelDays}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.state}>
            <td>{STATE_INFO[s.state][lang]}</td>
            <td>
              <FigureLink href={hrefFor?.(s.state)}>{formatCount(s.reached, lang)}</FigureLink>
            </td>
            <td>
              <div className="bar" aria-hidden="true">
                <span style={{ width: `${(s.reached / widest) * 100}%`, background: STATE_INFO[s.state].color }} />
              </div>
            </td>
            <td>{s.state === "online" ? "—" : formatPercent(s.moveOnRate, lang)}</td>
            <td>{s.medianDays === null ? "—" : `${s.medianDays} ${t.days}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
