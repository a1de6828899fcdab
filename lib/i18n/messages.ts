/** The message catalogue: Japanese first, English beside it with the same keys (the type enforces it). */
export const ja = {
  appName: "オンライン請求移行トラッカー",
  appShort: "オンライン請求移行",
  signIn: "サインイン",
  signOut: "サインアウト",
  email: "メールアドレス",
  password: "パスワード",
  signInFailed: "メールアドレスまたはパスワードが正しくありません。",
  signInHelp: "配布されたアカウントでサインインしてください。",
  signingIn: "サインイン中…",
  overview: "全国の進捗",
  overviewScoped: "担当都道府県の進捗",
  asOf: "基準日",
  show: "表示",
  facilities: "施設数",
  onlineRate: "オンライン請求の割合",
  denominator: "廃止・休止を除く施設数",
  closed: "廃止・休止",
  byPrefecture: "都道府県別",
  prefecture: "都道府県",
  total: "合計",
  scopeNational: "全国",
  role: { admin: "管理者", editor: "編集者", viewer: "閲覧者" },
  forbidden: "この操作を行う権限がありません。",
  backHome: "トップへ戻る",
  language: "English",
  nationalTotal: "全国合計",
  scopeTotal: "担当範囲の合計",
  noData: "データがありません。",
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof ja>;

export const en: Messages = {
  appName: "Online Claims Migration Tracker",
  appShort: "Online claims",
  signIn: "Sign in",
  signOut: "Sign out",
  email: "E-mail",
  password: "Password",
  signInFailed: "The e-mail or password is not correct.",
  signInHelp: "Sign in with the account you were given.",
  signingIn: "Signing in…",
  overview: "National progress",
  overviewScoped: "Progress in your prefectures",
  asOf: "As of",
  show: "Show",
  facilities: "Facilities",
  onlineRate: "Share claiming online",
  denominator: "facilities, closed ones excluded",
  closed: "Closed",
  byPrefecture: "By prefecture",
  prefecture: "Prefecture",
  total: "Total",
  scopeNational: "National",
  role: { admin: "Admin", editor: "Editor", viewer: "Viewer" },
  forbidden: "You do not have permission to do this.",
  backHome: "Back to the top page",
  language: "日本語",
  nationalTotal: "National total",
  scopeTotal: "Total for your scope",
  noData: "No data.",
};

export type Lang = "ja" | "en";

export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? en : ja;
}

export function formatPercent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === "en" ? "en-US" : "ja-JP");
}
