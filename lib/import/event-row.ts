import { EVENT_STATES, STATE_INFO, type EventState } from "../states";
import { RowCheck } from "./row-check";
import { choice, date, text } from "./values";
import type { CertificateOnlyRow, CertificateRow, EventRow, RowError } from "./types";
import { errorLabel } from "../i18n/errors";

const SHORT: Record<EventState, string[]> = {
  optical_disk: ["光ディスク", "光ディスク請求", "ディスク"],
  deferred: ["猶予", "猶予届出", "猶予中"],
  applied: ["利用申請", "申請済"],
  certificate_issued: ["証明書発行", "電子証明書発行", "証明書発行済"],
  online: ["オンライン", "オンライン請求開始"],
  closed: ["廃止", "休止", "廃止・休止"],
};
const STATES = Object.fromEntries(
  EVENT_STATES.map((s) => [s, [STATE_INFO[s].ja, STATE_INFO[s].en, ...SHORT[s]]]),
) as Record<EventState, string[]>;

const CERTIFICATE_COLUMNS = ["terminal", "cert_applied_on", "cert_issued_on", "cert_expires_on"];

/**
 * The optional certificate columns: the terminal (default 1), applied on and issued on (not in the
 * future), expires on (after the issue). Null when the row has none of them.
 */
function certificateOf(
  c: RowCheck,
  code: string,
  cells: Record<string, string>,
  today: string,
): CertificateRow | null | undefined {
  if (CERTIFICATE_COLUMNS.every((k) => (cells[k] ?? "").trim() === "")) return null;
  const appliedOn = c.take("cert_applied_on", date(cells.cert_applied_on, "certAppliedOn"));
  const issuedOn = c.take("cert_issued_on", date(cells.cert_issued_on, "certIssuedOn"));
  const expiresOn = c.take("cert_expires_on", date(cells.cert_expires_on, "certExpiresOn"));
  if (!appliedOn && !issuedOn && c.ok) c.fail("cert_issued_on", "import.row.certDateNeeded");
  if (appliedOn && appliedOn > today)
    c.fail("cert_applied_on", "import.row.inFuture", { label: errorLabel("certAppliedOn"), date: appliedOn });
  if (issuedOn && issuedOn > today)
    c.fail("cert_issued_on", "import.row.inFuture", { label: errorLabel("certIssuedOn"), date: issuedOn });
  if (appliedOn && issuedOn && issuedOn < appliedOn)
    c.fail("cert_issued_on", "import.row.certIssuedBeforeApplied", { issued: issuedOn, applied: appliedOn });
  if (expiresOn && !issuedOn) c.fail("cert_expires_on", "import.row.certExpiresNeedsIssued");
  if (expiresOn && issuedOn && expiresOn <= issuedOn)
    c.fail("cert_expires_on", "import.row.certExpiresBeforeIssued", { expires: expiresOn, issued: issuedOn });
  if (!c.ok) return undefined;
  const terminal = text(cells.terminal)?.normalize("NFKC") ?? "1";
  return { code, terminal, appliedOn, issuedOn, expiresOn };
}

/**
 * Validates one progress record: a known state and a date that is not in the future, and the optional
 * certificate columns. A row with certificate columns may leave state and date empty (a renewal is no step
 * on the ladder): then it is a certificate-only row.
 */
export function eventRow(
  row: number,
  cells: Record<string, string>,
  today: string,
): { value: EventRow | CertificateOnlyRow } | { errors: RowError[] } {
  const c = new RowCheck(row, cells);
  const code = c.code();
  const certificate = code ? certificateOf(c, code.code, cells, today) : undefined;
  const noStep = (cells.status ?? "").trim() === "" && (cells.effective_on ?? "").trim() === "";
  // Certificate columns without a step: a certificate-only row (its own problems, not a missing state).
  if (certificate !== null && noStep && code)
    return certificate && c.ok ? { value: { code: certificate.code, certificate } } : { errors: c.errors };
  const state = c.required("status", choice(cells.status, STATES, "state"), "state");
  const effectiveOn = c.required("effective_on", date(cells.effective_on, "effectiveOn"), "effectiveOn");
  if (effectiveOn && effectiveOn > today)
    c.fail("effective_on", "import.row.inFuture", { label: errorLabel("effectiveOn"), date: effectiveOn });
  if (!c.ok || !code || !state || !effectiveOn) return { errors: c.errors };
  return { value: { code: code.code, state, effectiveOn, note: text(cells.note), certificate } };
}

export function isCertificateOnly(value: EventRow | CertificateOnlyRow): value is CertificateOnlyRow {
  return !("state" in value);
}
