import type { Lang, Messages } from "@/lib/i18n/messages";
import { formatCount, formatPercent } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO } from "@/lib/states";
import type { ProgressResult } from "@/db/queries/progress";

export function StateTiles({ t, lang, result }: { t: Messages; lang: Lang; result: ProgressResult }) {
  return (
    <section className="tiles" aria-label={t.onlineRate}>
      <div className="tile">
        <div className="label">{t.onlineRate}</div>
        <div className="value" data-testid="online-rate">
          {formatPercent(result.onlineRate)}
        </div>
        <div className="note">
          {formatCount(result.counts.online, lang)} / {formatCount(result.total, lang)} {t.denominator}
        </div>
      </div>
      <div className="tile">
        <div className="label">{t.facilities}</div>
        <div className="value" data-testid="facility-total">
          {formatCount(result.total, lang)}
        </div>
        <div className="note">
          {t.closed}: {formatCount(result.closed, lang)}
        </div>
      </div>
      {LADDER.map((s) => (
        <div className="tile" key={s}>
          <div className="label">
            <span className="swatch" style={{ background: STATE_INFO[s].color }} aria-hidden="true" />
            {lang === "en" ? STATE_INFO[s].en : STATE_INFO[s].ja}
          </div>
          <div className="value">{formatCount(result.counts[s], lang)}</div>
          <div className="note">{formatPercent(result.total ? result.counts[s] / result.total : 0)}</div>
        </div>
      ))}
    </section>
  );
}
