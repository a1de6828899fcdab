/**
 * A `tel:` address for a phone number as people write it (０３－１２３４－５６７８, 03(1234)5678, +81 3 …):
 * full-width digits folded, an extension left off, everything but digits and a leading + dropped; null when no dialable
 * number is left.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  // An extension (内線 12, ext. 12) is not part of the number to dial.
  const plain = phone
    .normalize("NFKC")
    .split(/内線|ext\.?|x(?=\s*\d)/i)[0]
    .trim();
  const digits = plain.replace(/[^\d]/g, "");
  if (digits.length < 6 || digits.length > 15) return null;
  return `tel:${plain.startsWith("+") ? "+" : ""}${digits}`;
}
