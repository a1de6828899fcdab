/* eslint-disable @typescript-eslint/no-require-imports --
   a CommonJS preload, loaded with node --require before any bundler */
/**
 * Loaded into the server process with `--require` (npm start, the demo, the end-to-end suite and the bench
 * put it in NODE_OPTIONS; see scripts/server-options.ts). Next fills X-Forwarded-For from the socket only
 * when the client sent none, so without this the app could not tell a header the client wrote from one a
 * proxy wrote. Before Next sees a request, this replaces the header with the one address it trusts: the
 * connection's peer when TRUSTED_PROXY_HOPS is 0 (the default: nothing in front), else the entry that many
 * hops back along the chain the proxies appended. Entries further left were written by the client and are
 * dropped. lib/auth/client-address.ts reads the result.
 */
"use strict";
const diagnostics = require("node:diagnostics_channel");
const net = require("node:net");

/** TRUSTED_PROXY_HOPS: a whole number of reverse proxies in front of the server, 0 to 10; anything else is 0. */
function trustedProxyHops(env = process.env) {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/**
 * One address as proxies write it ("[2001:db8::1]:443", "192.0.2.1:5678", "::ffff:192.0.2.1") to a plain IP, or null.
 */
function plainAddress(entry) {
  let value = String(entry ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4port) value = v4port[1];
  value = value.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, "");
  return net.isIP(value) ? value.toLowerCase() : null;
}

/**
 * The client as seen through `hops` trusted proxies: the chain is the header's entries then the peer
 * (the nearest proxy, or the client itself); the client is `hops` entries back from the peer. A chain
 * shorter than that (a proxy that did not append) gives its first entry.
 */
function clientFromChain(forwardedFor, peer, hops) {
  const chain = [
    ...String(forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    peer ?? "",
  ];
  return plainAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

const FLAG = Symbol.for("claims-tracker.trusted-proxy");
if (!globalThis[FLAG]) {
  globalThis[FLAG] = true;
  const hops = trustedProxyHops();
  diagnostics.subscribe("http.server.request.start", ({ request, socket }) => {
    const client = clientFromChain(request.headers["x-forwarded-for"], socket?.remoteAddress, hops);
    delete request.headers["x-real-ip"];
    if (client) request.headers["x-forwarded-for"] = client;
    else delete request.headers["x-forwarded-for"];
  });
}

module.exports = { trustedProxyHops, clientFromChain, plainAddress, FLAG };
