/**
 * A path on this site to send someone back to, or "/". Refuses anything a browser could take off-site:
 * "//host", "/\host" (browsers read a backslash as a slash), absolute URLs and control characters.
 */
export function sameSitePath(value: string | null | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
