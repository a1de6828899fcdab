/**
 * True when text is fit to be a search or filter value: no control characters (a NUL byte cannot even be
 * sent to PostgreSQL, which would fail the request) and no unpaired UTF-16 surrogates. Tab is allowed.
 */
export function isPlainText(text: string): boolean {
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text)) return false;
  // A high surrogate not followed by a low one, or a low one not preceded by a high one.
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
