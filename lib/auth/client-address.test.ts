import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { addressLimitKey, clientAddress, requestClientAddress } from "./client-address";

const require = createRequire(import.meta.url);
const preload = require("../../scripts/trusted-proxy.cjs") as {
  trustedProxyHops: (env: Record<string, string | undefined>) => number;
  clientFromChain: (forwardedFor: string | undefined, peer: string | undefined, hops: number) => string | null;
};

describe("the server's preload: which address of the chain is believed", () => {
  it("with no proxy declared (the default), the socket's peer, whatever the client wrote", () => {
    expect(preload.trustedProxyHops({})).toBe(0);
    expect(preload.clientFromChain("6.6.6.6", "::ffff:192.0.2.7", 0)).toBe("192.0.2.7");
    expect(preload.clientFromChain(undefined, "2001:db8::1", 0)).toBe("2001:db8::1");
  });

  it("behind n proxies, the entry the farthest trusted proxy wrote; what the client put left of it is ignored", () => {
    expect(preload.clientFromChain("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(preload.clientFromChain("6.6.6.6, 203.0.113.9, 10.0.0.5", "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(preload.clientFromChain("[2001:db8::5]:443", "10.0.0.2", 1)).toBe("2001:db8::5");
    expect(preload.clientFromChain("192.0.2.1:5678", "10.0.0.2", 1)).toBe("192.0.2.1");
    // A proxy that appended nothing: the chain's first entry, never beyond it.
    expect(preload.clientFromChain(undefined, "10.0.0.2", 3)).toBe("10.0.0.2");
    // Garbage where the address should be is no address.
    expect(preload.clientFromChain("<script>, not-an-ip", "10.0.0.2", 1)).toBeNull();
  });

  it("reads TRUSTED_PROXY_HOPS as a whole number from 0 to 10, else 0", () => {
    expect(preload.trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "x", "11"]) expect(preload.trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0);
  });
});

describe("the app's helper", () => {
  it("reads the one address the preload left, and nothing that is not an address", () => {
    expect(clientAddress("192.0.2.7")).toBe("192.0.2.7");
    expect(clientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddress("drop table audit_log")).toBeNull();
    expect(clientAddress(null)).toBeNull();
    expect(requestClientAddress(new Headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(requestClientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
  });

  it("counts IPv6 clients by their /64 for the sign-in limit, IPv4 by the address", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(addressLimitKey("64:ff9b:1:2::192.0.2.1")).toBe("64:ff9b:1:2::/64");
    expect(addressLimitKey("192.0.2.1")).toBe("192.0.2.1");
  });
});
