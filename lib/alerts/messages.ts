/** One line per alert, in Japanese and English, saying what is late and since when. */
import { formatDateJa } from "../dates";
import { STATE_INFO, type EventState } from "../states";

export interface AlertMessage {
  ja: string;
  en: string;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** '30 Sep 2025': unambiguous for readers of either day-month order. */
function formatDateEn(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function noFilingMessage(deadline: string): AlertMessage {
  return {
    ja: `届出期限（${formatDateJa(deadline)}）を過ぎても光ディスク等のままで、猶予の届出がありません`,
    en: `Still on optical disk after the filing deadline (${formatDateEn(deadline)}) and no deferral filed`,
  };
}

export function deferralExpiringMessage(deferralUntil: string, daysLeft: number): AlertMessage {
  if (daysLeft === 0) {
    return {
      ja: `猶予期限（${formatDateJa(deferralUntil)}）は本日です。利用申請がまだです`,
      en: `Deferral ends today (${formatDateEn(deferralUntil)}); no usage application yet`,
    };
  }
  return {
    ja: `猶予期限（${formatDateJa(deferralUntil)}）まで残り${daysLeft}日、利用申請がまだです`,
    en: `Deferral ends ${formatDateEn(deferralUntil)} (${plural(daysLeft, "day")} left); no usage application yet`,
  };
}

export function deferralExpiredMessage(deferralUntil: string): AlertMessage {
  return {
    ja: `猶予期限（${formatDateJa(deferralUntil)}）を過ぎましたが、オンライン請求に移行していません`,
    en: `Deferral ended ${formatDateEn(deferralUntil)}; not claiming online yet`,
  };
}

export function applyByPassedMessage(applyBy: string, deferralUntil: string): AlertMessage {
  return {
    ja: `猶予期限（${formatDateJa(deferralUntil)}）までに移行するための利用申請期限（${formatDateJa(applyBy)}）を過ぎました`,
    en: `Missed ${formatDateEn(applyBy)}, the last day to apply and be online before the deferral ends (${formatDateEn(deferralUntil)})`,
  };
}

export function planSlippedMessage(readyBy: string): AlertMessage {
  return {
    ja: `届出の整備予定（${formatDateJa(readyBy)}）を過ぎましたが、オンライン請求に移行していません`,
    en: `Past the readiness date in the filing (${formatDateEn(readyBy)}); not claiming online yet`,
  };
}

export function certificateOverdueMessage(applied: string, days: number): AlertMessage {
  return {
    ja: `利用申請（${formatDateJa(applied)}）から${days}日経過、電子証明書が未発行です`,
    en: `Applied on ${formatDateEn(applied)}, ${plural(days, "day")} ago; no certificate issued yet`,
  };
}

export function startMissedMessage(issued: string, days: number): AlertMessage {
  return {
    ja: `電子証明書の発行（${formatDateJa(issued)}）から${days}日経過、オンライン請求を開始していません`,
    en: `Certificate issued on ${formatDateEn(issued)}, ${plural(days, "day")} ago; online claims not started`,
  };
}

export function filingMismatchMessage(filedOn: string, usage: boolean, certificate: boolean): AlertMessage {
  const ja = usage && certificate ? "利用申請・電子証明書申請" : usage ? "利用申請" : "電子証明書申請";
  const en =
    usage && certificate
      ? "the usage and certificate applications are"
      : usage
        ? "the usage application is"
        : "the certificate application is";
  return {
    ja: `届出（${formatDateJa(filedOn)}）では${ja}「済」ですが、記録がありません`,
    en: `The filing of ${formatDateEn(filedOn)} says ${en} done, but there is no record`,
  };
}

export function closureOverdueMessage(deferralUntil: string): AlertMessage {
  return {
    ja: `休廃止予定で届出、猶予期限（${formatDateJa(deferralUntil)}）を過ぎましたが、廃止・休止の記録がありません`,
    en: `Filed for closure; the deferral ended ${formatDateEn(deferralUntil)} but the facility is not closed`,
  };
}

export function noFilingAppliedMessage(deadline: string): AlertMessage {
  return {
    ja: `利用申請済ですが、移行期限（${formatDateJa(deadline)}）を過ぎても光ディスク等で請求しており、猶予の届出がありません（念のための届出が必要でした）`,
    en: `Applied, but still claiming on disk after the move deadline (${formatDateEn(deadline)}) with no deferral filed (the guidance asked for one just in case)`,
  };
}

export function newOnDiskMessage(openedOn: string, firstClaimsBy: string): AlertMessage {
  return {
    ja: `${formatDateJa(openedOn)}開設。2024年4月以降の新規開設は光ディスク等・紙で請求できませんが、オンライン請求を開始していません（初回請求期限 ${formatDateJa(firstClaimsBy)}）`,
    en: `Opened ${formatDateEn(openedOn)}; new facilities since April 2024 cannot claim on disk or paper, yet not claiming online (first claims were due ${formatDateEn(firstClaimsBy)})`,
  };
}

export function regressionMessage(since: string, state: EventState): AlertMessage {
  const name = STATE_INFO[state];
  return {
    ja: `オンライン請求から後退しています（${formatDateJa(since)}から${name.ja}）`,
    en: `Was claiming online; back to ${name.en.toLowerCase()} since ${formatDateEn(since)}`,
  };
}

export function promiseMissedMessage(contactedOn: string, promisedOn: string): AlertMessage {
  return {
    ja: `${formatDateJa(contactedOn)}の連絡で約束した期日（${formatDateJa(promisedOn)}）を過ぎましたが、進捗の記録がありません`,
    en: `Promised ${formatDateEn(promisedOn)} when contacted on ${formatDateEn(contactedOn)}; no step recorded since`,
  };
}

export function certificateExpiredMessage(expiresOn: string, terminals: number): AlertMessage {
  const ja = terminals > 1 ? `（${terminals}台の端末）` : "";
  return {
    ja: `電子証明書の有効期限（${formatDateJa(expiresOn)}）が切れています${ja}。更新しないとオンライン請求ができません`,
    en: `Certificate expired on ${formatDateEn(expiresOn)}${terminals > 1 ? ` (${terminals} terminals)` : ""}; online claims stop until it is renewed`,
  };
}

export function certificateExpiringMessage(expiresOn: string, daysLeft: number, terminals: number): AlertMessage {
  const ja = terminals > 1 ? `（${terminals}台の端末）` : "";
  return {
    ja: `電子証明書の有効期限（${formatDateJa(expiresOn)}）まで残り${daysLeft}日${ja}、更新の申請がありません`,
    en: `Certificate expires ${formatDateEn(expiresOn)} (${plural(daysLeft, "day")} left${terminals > 1 ? `, ${terminals} terminals` : ""}); no renewal applied for`,
  };
}

export function startMissedSharedMessage(applied: string, days: number): AlertMessage {
  return {
    ja: `利用申請（${formatDateJa(applied)}）から${days}日経過（オンライン資格確認端末を共用）、オンライン請求を開始していません`,
    en: `Applied on ${formatDateEn(applied)}, ${plural(days, "day")} ago (shares the eligibility-check terminal); online claims not started`,
  };
}
