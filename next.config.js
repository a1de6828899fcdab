/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files by path; bundling it breaks that (see stack-notes §2).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // Types are checked by `npm run typecheck` (part of npm test); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
