import type { ProgressResult } from "@/lib/progress/types";
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
  /** The list of the facilities not yet online (the headline's "left"). */
  leftHref?: string;
}

/** A change in points with its sign; a change that rounds to zero is "±0.00", never "-0.00". */
export function formatPointChange(points: number): string {
  const rounded = Number(points.toFixed(2));
  if (rounded === 0) return "±0.00";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(2)}`;
}

/**
 * "How far, how many left, how long" in one line of large type; then the tiles: claim-volume share,
 * facilities, the change since last month, and each state. Every count opens the facilities it counts.
 */
export function Headline({ t, lang, result, previousRate, daysToDeadline, deadline, hrefFor, leftHref }: Props) {
  const change = previousRate === null ? null : (result.onlineRate - previousRate) * 100;
  const left = result.total - result.counts.online;
  return (
    <>
      <p className="headline" data-testid="headline">
        <span className="hl-item">
          <span className="hl-label">{t.hlOnline}</span>
          <strong data-testid="online-rate">{formatPercent(result.onlineRate, lang)}</strong>
        </span>
        <span className="hl-item">
          <span className="hl-label">{t.hlLeft}</span>
          <strong data-testid="not-online">
            <FigureLink href={leftHref}>{formatCount(left, lang)}</FigureLink>
          </strong>
          <span className="hl-unit">{t.facilitiesSuffix}</span>
        </span>
        <span className="hl-item">
          <span className="hl-label">
            {t.hlDeadline.split("{date}")[0]}
            <span className="nowrap">{deadline}</span>
            {t.hlDeadline.split("{date}")[1]}
          </span>
          <strong data-testid="days-to-deadline">{formatCount(daysToDeadline, lang)}</strong>
          <span className="hl-unit">{t.days}</span>
        </span>
      </p>
      <section className="tiles" aria-label={t.hlDetails}>
        {result.claims.total > 0 && (
          <div className="tile">
            <div className="label">{t.claimShare}</div>
            <div className="value" data-testid="claim-rate">
              {formatPercent(result.claims.onlineRate, lang)}
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
            <div className="value" data-testid="change">
              {formatPointChange(change)}
            </div>
            <div className="note">{t.points}</div>
          </div>
        )}
        {LADDER.map((s) => (
          <div className="tile" key={s}>
            <div className="label">
              <span className="swatch" style={{ background: STATE_INFO[s].color }} aria-hidden="true" />
              {STATE_INFO[s][lang]}
            </div>
            <div className="value">
              <FigureLink href={hrefFor?.(s)}>{formatCount(result.counts[s], lang)}</FigureLink>
            </div>
            <div className="note">{formatPercent(result.total ? result.counts[s] / result.total : 0, lang)}</div>
          </div>
        ))}
      </section>
    </>
  );
}
