/**
 * The client's address for the audit log and the per-address sign-in limit. Behind TRUSTED_PROXY_HOPS
 * reverse proxies, each appending to X-Forwarded-For, the client is that many entries from the right;
 * entries further left were written by the client and are not trusted. With no proxy declared, the
 * rightmost entry is used (Next itself fills the header from the socket when the client sent none).
 */
export function clientAddress(forwardedFor: string | null | undefined, realIp: string | null | undefined, trustedHops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pick = entries[entries.length - Math.max(1, trustedHops)] ?? entries[0] ?? realIp ?? null;
  return pick ? pick.replace(/^::ffff:/, "").slice(0, 64) : null;
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXY_HOPS);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
