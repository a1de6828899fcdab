/** The error and not-found pages: Japanese first, English with the same keys. */
export const errorsJa = {
  errorTitle: "問題が発生しました",
  errorLead: "申し訳ありません。処理中にエラーが発生しました。もう一度お試しください。続く場合は、下の問い合わせ番号を添えて管理者にご連絡ください。",
  retry: "もう一度試す",
  notFoundTitle: "ページが見つかりません",
  notFoundLead: "お探しのページは存在しないか、表示する権限がありません。",
  requestId: "問い合わせ番号",
  errorDigest: "エラー番号",
  backHome: "ダッシュボードに戻る",
};

export const errorsEn: typeof errorsJa = {
  errorTitle: "Something went wrong",
  errorLead: "Sorry, an error occurred. Please try again. If it keeps happening, contact your administrator and quote the number below.",
  retry: "Try again",
  notFoundTitle: "Page not found",
  notFoundLead: "The page does not exist, or you do not have permission to see it.",
  requestId: "Request ID",
  errorDigest: "Error ID",
  backHome: "Back to the dashboard",
};
