/** Sign-in, the password page and sessions. */
export const account = {
  email: "メールアドレス",
  password: "パスワード",
  signInFailed: "メールアドレスまたはパスワードが正しくありません。",
  signInHelp: "配布されたアカウントでサインインしてください。",
  signingIn: "サインイン中…",
  sessionsTitle: "セッション",
  signOutEverywhere: "すべての端末からサインアウト",
  signOutEverywhereLead: "このアカウントで開いているすべてのセッション（この端末を含む）を直ちに終了します。",
  tooManyWrongPasswords:
    "現在のパスワードの誤りが続いたため、しばらく変更できません。時間をおいてからやり直してください。",
  tempPasswordExpired: "仮パスワードの有効期限が切れています。管理者に再設定を依頼してください。",
} as const;
