import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // Public pages link with plain <a> on purpose: each page is a full load from the page cache,
    // with no client router and no RSC prefetches, which keeps pages small for weak connections
    // (docs/decisions/0008).
    files: ["app/(public)/**/*.tsx", "app/global-not-found.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".postgres/**", "playwright-report/**", "test-results/**", "prisma/unref-wasm-timers.cjs"] },
];
export default config;
