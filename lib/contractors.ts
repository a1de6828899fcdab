/**
 * The contractor (外部委託先, ⑥ア) name as one key, so that one call to a contractor can be planned for every
 * facility it serves however each filing spelled it: NFKC (full/half width; ㈱ becomes (株)), the company
 * forms 株式会社・有限会社・合同会社・(株)・(有)・(合) dropped wherever they stand, all whitespace removed,
 * ASCII letters upper-cased. Nothing left gives "".
 */
export function normalizeContractorName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/株式会社|有限会社|合同会社|\(株\)|\(有\)|\(合\)/g, "")
    .replace(/\s+/gu, "")
    .replace(/[a-z]+/g, (s) => s.toUpperCase());
}
