/** One line per alert, in Japanese and English, saying what is late and since when. */
import { formatDateJa } from "../dates";

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
