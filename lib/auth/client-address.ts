/**
 * The client's address for the audit log and the sign-in limit, the one helper every route uses. The
 * server's preload (scripts/trusted-proxy.cjs) has already reduced X-Forwarded-For to the one address it
 * trusts (the socket's peer, or the entry TRUSTED_PROXY_HOPS proxies back), so the rightmost entry is it.
 * Without the preload (`next dev`) the header is whatever the client sent: development only.
 */
import { isIP } from "node:net";

export function clientAddress(forwardedFor: string | null | undefined): string | null {
  const entries = (forwardedFor ?? "").split(",");
  const last = entries[entries.length - 1].trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(last) ? last.toLowerCase() : null;
}

/** The address from request headers (a Headers object or next-auth's plain header record). */
export function requestClientAddress(
  headers: Headers | Record<string, string | string[] | undefined> | null | undefined,
): string | null {
  if (!headers) return null;
  const value =
    typeof headers.get === "function"
      ? (headers as Headers).get("x-forwarded-for")
      : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  return clientAddress(Array.isArray(value) ? value.join(",") : value);
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes the last two). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

/**
 * What the per-address sign-in limit counts: an IPv4 address itself, an IPv6 address by its /64 (one
 * subscriber's network hands out whole /64s, so counting single addresses could be dodged at will).
 */
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
