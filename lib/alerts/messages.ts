/**
 * One line per alert, in Japanese and English, saying what is late and since when (words: the catalogue's alertTexts).
 */
import { followUps as ja } from "../i18n/ja/follow-ups";
import { followUps as en } from "../i18n/en/follow-ups";
import { formatDate } from "../i18n/format";
import { fillParams, inBothLanguages, type MessageParams } from "../i18n/params";
import type { Lang } from "../i18n/lang";
import { STATE_INFO, type EventState } from "../states";

export interface AlertMessage {
  ja: string;
  en: string;
}

type AlertText = keyof typeof ja.alertTexts;

const texts = (lang: Lang) => (lang === "en" ? en : ja).alertTexts;

/** The alert's line in both languages, from its template and parameters. */
function alertMessage(text: AlertText, params: MessageParams): AlertMessage {
  return inBothLanguages((lang) => fillParams(texts(lang)[text], lang, params));
}

/** A date as each language reads it: '2025年9月30日', '30 Sep 2025'. */
const day = (iso: string) => inBothLanguages((lang) => formatDate(iso, lang));

/** A number of days: '5日', '5 days' ('1 day'). */
const days = (n: number) =>
  inBothLanguages((lang) => fillParams(texts(lang)[n === 1 ? "day" : "days"], lang, { n: String(n) }));

/** The number of terminals when more than one: '（2台の端末）', ' (2 terminals)' (', 2 terminals' after the days). */
const terminalCount = (n: number, afterDays = false) =>
  n > 1
    ? inBothLanguages((lang) =>
        fillParams(texts(lang)[afterDays ? "terminalsAfterDays" : "terminals"], lang, { n: String(n) }),
      )
    : "";

export function noFilingMessage(deadline: string): AlertMessage {
  return alertMessage("noFiling", { deadline: day(deadline) });
}

export function deferralExpiringMessage(deferralUntil: string, daysLeft: number): AlertMessage {
  if (daysLeft === 0) return alertMessage("deferralEndsToday", { until: day(deferralUntil) });
  return alertMessage("deferralExpiring", { until: day(deferralUntil), days: days(daysLeft) });
}

export function deferralExpiredMessage(deferralUntil: string): AlertMessage {
  return alertMessage("deferralExpired", { until: day(deferralUntil) });
}

export function applyByPassedMessage(applyBy: string, deferralUntil: string): AlertMessage {
  return alertMessage("applyByPassed", { applyBy: day(applyBy), until: day(deferralUntil) });
}

export function planSlippedMessage(readyBy: string): AlertMessage {
  return alertMessage("planSlipped", { readyBy: day(readyBy) });
}

export function certificateOverdueMessage(applied: string, n: number): AlertMessage {
  return alertMessage("certificateOverdue", { applied: day(applied), days: days(n) });
}

export function startMissedMessage(issued: string, n: number): AlertMessage {
  return alertMessage("startMissed", { issued: day(issued), days: days(n) });
}

export function filingMismatchMessage(filedOn: string, usage: boolean, certificate: boolean): AlertMessage {
  const what: AlertText = usage && certificate ? "usageAndCertificate" : usage ? "usage" : "certificate";
  return alertMessage("filingMismatch", { filedOn: day(filedOn), what: inBothLanguages((lang) => texts(lang)[what]) });
}

export function closureOverdueMessage(deferralUntil: string): AlertMessage {
  return alertMessage("closureOverdue", { until: day(deferralUntil) });
}

export function noFilingAppliedMessage(deadline: string): AlertMessage {
  return alertMessage("noFilingApplied", { deadline: day(deadline) });
}

export function newOnDiskMessage(openedOn: string, firstClaimsBy: string): AlertMessage {
  return alertMessage("newOnDisk", { opened: day(openedOn), firstClaimsBy: day(firstClaimsBy) });
}

export function regressionMessage(since: string, state: EventState): AlertMessage {
  const name = STATE_INFO[state];
  return alertMessage("regression", { since: day(since), state: { ja: name.ja, en: name.en.toLowerCase() } });
}

export function promiseMissedMessage(contactedOn: string, promisedOn: string): AlertMessage {
  return alertMessage("promiseMissed", { contactedOn: day(contactedOn), promisedOn: day(promisedOn) });
}

export function certificateExpiredMessage(expiresOn: string, terminals: number): AlertMessage {
  return alertMessage("certificateExpired", { expiresOn: day(expiresOn), terminals: terminalCount(terminals) });
}

export function certificateExpiringMessage(expiresOn: string, daysLeft: number, terminals: number): AlertMessage {
  return alertMessage("certificateExpiring", {
    expiresOn: day(expiresOn),
    days: days(daysLeft),
    terminals: terminalCount(terminals, true),
  });
}

export function startMissedSharedMessage(applied: string, n: number): AlertMessage {
  return alertMessage("startMissedShared", { applied: day(applied), days: days(n) });
}
