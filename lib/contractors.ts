/**
 * The contractor (外部委託先, ⑥ア) as a key that groups the ways people write one company: NFKC (full-width
 * letters and digits, ㈱ → (株)); the legal-form words 株式会社, 有限会社, 合同会社 and (株), (有), (合) dropped
 * wherever they stand; all whitespace removed; ASCII letters upper-cased. Empty when nothing is left.
 */
const LEGAL_FORMS = /株式会社|有限会社|合同会社|\(株\)|\(有\)|\(合\)/g;

export function normalizeContractorName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(LEGAL_FORMS, "")
    .replace(/\s+/gu, "")
    .replace(/[a-z]+/g, (s) => s.toUpperCase());
}
