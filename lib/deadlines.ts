/** Deferrals end on 30 September (domain.md): the next such day on or after a date, and the days until it. */
export function nextDeferralDeadline(asOf: string): { date: string; days: number } {
  const year = Number(asOf.slice(0, 4));
  const thisYear = `${year}-09-30`;
  const date = asOf <= thisYear ? thisYear : `${year + 1}-09-30`;
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  return { date, days };
}
