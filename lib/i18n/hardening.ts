/** Messages of the hardening work (date window, session end, limits); same keys in both languages. */
export const hardeningJa = {
  asOfClamped:
    "指定された基準日 {asked} は指定できる範囲（{from}〜{to}）の外のため、{used} 時点の数値を表示しています。",
  sessionsTitle: "セッション",
  signOutEverywhere: "すべての端末からサインアウト",
  signOutEverywhereLead: "このアカウントで開いているすべてのセッション（この端末を含む）を直ちに終了します。",
  tooManyWrongPasswords:
    "現在のパスワードの誤りが続いたため、しばらく変更できません。時間をおいてからやり直してください。",
  tempPasswordExpired: "仮パスワードの有効期限が切れています。管理者に再設定を依頼してください。",
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type HardeningMessages = Shape<typeof hardeningJa>;

export const hardeningEn: HardeningMessages = {
  asOfClamped:
    "The date {asked} is outside the dates that can be asked ({from} to {to}); the figures shown are as of {used}.",
  sessionsTitle: "Sessions",
  signOutEverywhere: "Sign out everywhere",
  signOutEverywhereLead: "Ends every session open with this account at once, this one included.",
  tooManyWrongPasswords: "Too many wrong current passwords; try again later.",
  tempPasswordExpired: "The temporary password has expired. Ask an administrator to reset it.",
};

/** Fills {name} placeholders. */
export function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
