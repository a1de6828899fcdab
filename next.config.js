/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files by path; bundling it breaks that (see stack-notes §2).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // A self-contained server (.next/standalone/server.js with only the node_modules it uses): what the
  // container image runs, and what the end-to-end tests are served from (scripts/build-standalone.sh).
  output: "standalone",
  // The upload route runs outside the proxy (which sets these for everything else); same headers here.
  async headers() {
    return [
      {
        source: "/api/v1/imports",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
