import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".pglite/**", "playwright-report/**", "test-results/**", "prisma/unref-wasm-timers.cjs"] },
];
export default config;
