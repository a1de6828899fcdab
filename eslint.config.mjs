import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "drizzle/**",
      ".data/**",
      "test-results/**",
      "next-env.d.ts",
      ".prof/**",
      "bench-results/**",
    ],
  },
  {
    // Prettier wraps code at 120 but cannot wrap strings, template literals (SQL), comments or JSX text;
    // this rule holds those to the same width. Regex literals and URLs may not be split, so they are exempt.
    rules: {
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
];

export default config;
