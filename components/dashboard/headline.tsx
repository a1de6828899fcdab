import type { ProgressResult } from "@/db/queries/progress";
import { formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { FigureLink } from "./figure-link";
import { LADDER, STATE_INFO, type EventState } from "@/lib/states";

interface Props {
  t: Messages;
  lang: Lang;
  result: ProgressResult;
  /** Online share at the previous month end, for the change tile. */
  previousRate: number | null;
  daysToDeadline: number;
  deadline: string;
  /** The facility list of a count (no state: every active facility; "closed": those closed by the date). */
  hrefFor?: (state?: EventState) => string;
}


/** Headline tiles: online share by count and by claim volume, change, the next deadline, and each state. */
export function Headline({ t, lang, result, previousRate, daysToDeadline, deadline, hrefFor }: Props) {
  const change = previousRate === null ? null : (result.onlineRate - previousRate) * 100;
  return (
    <section className="tiles" aria-label={t.onlineRate}>
      <div className="tile">
        <div className="label">{t.onlineRate}</div>
        <div className="value" data-testid="online-rate">
          {formatPercent(result.onlineRate)}
        </div>
        <div className="note">
          <FigureLink href={hrefFor?.("online")}>{formatCount(result.counts.online, lang)}</FigureLink> / <FigureLink href={hrefFor?.()}>{formatCount(result.total, lang)}</FigureLink>{" "}
          {t.denominator}・{t.target}
        </div>
      </div>
      {result.claims.total > 0 && (
        <div className="tile">
          <div className="label">{t.claimShare}</div>
          <div className="value" data-testid="claim-rate">
            {formatPercent(result.claims.onlineRate)}
          </div>
          <div className="note">{t.claimShareNote}</div>
        </div>
      )}
      <div className="tile">
        <div className="label">{t.facilities}</div>
        <div className="value">
          <FigureLink href={hrefFor?.()} testId="facility-total">
            {formatCount(result.total, lang)}
          </FigureLink>
        </div>
        <div className="note">
          {t.closed}: <FigureLink href={hrefFor?.("closed")}>{formatCount(result.closed, lang)}</FigureLink>
        </div>
      </div>
      {change !== null && (
        <div className="tile">
          <div className="label">{t.changeSinceLastMonth}</div>
          <div className="value">
            {change >= 0 ? "+" : ""}
            {change.toFixed(2)}
          </div>
          <div className="note">{t.points}</div>
        </div>
      )}
      <div className="tile">
        <div className="label">{t.daysToDeadline}</div>
        <div className="value">{formatCount(daysToDeadline, lang)}</div>
        <div className="note">
          {t.days}（{deadline}）
        </div>
      </div>
      {LADDER.map((s) => (
        <div className="tile" key={s}>
          <div className="label">
            <span className="swatch" style={{ background: STATE_INFO[s].color }} aria-hidden="true" />
            {STATE_INFO[s][lang]}
          </div>
          <div className="value">
            <FigureLink href={hrefFor?.(s)}>{formatCount(result.counts[s], lang)}</FigureLink>
          </div>
          <div className="note">{formatPercent(result.total ? result.counts[s] / result.total : 0)}</div>
        </div>
      ))}
    </section>
  );
}
