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
      // No API answer or export is kept by a browser or a shared cache: they hold facility data and figures
      // of one signed-in user (401/403/404 answers included).
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // Served over https (a TLS proxy in front says so): browsers keep to https for two years.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
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
