/** A dated event of the policy drawn on the trend. */
export interface Milestone {
  date: string;
  ja: string;
  en: string;
}

/**
 * The policy's dates on the trend (domain.md): 2024-03-31, the last day before online became the default;
 * 2024-09-30, the date by which disk facilities had to move or file; then each yearly filing round, the
 * 30 September on which the deferrals filed the year before end (renewed one year at a time), up to the
 * year after `to` (so the next round is visible ahead of the last point).
 */
export function policyMilestones(to: string): Milestone[] {
  const out: Milestone[] = [
    { date: "2024-03-31", ja: "原則オンライン化（2024年4月〜）", en: "Online by default (from April 2024)" },
    { date: "2024-09-30", ja: "移行または猶予届出の期限", en: "Move or file a deferral by" },
  ];
  const last = Number(to.slice(0, 4)) + 1;
  // The first round ends on 30 September 2025 (deferrals filed in 2024).
  for (let year = 2025; year <= last; year++) {
    out.push({ date: `${year}-09-30`, ja: `${year - 1}年届出分の猶予期限`, en: `Deferrals filed in ${year - 1} end` });
  }
  return out;
}
