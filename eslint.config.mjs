import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // Public pages link with plain <a> on purpose: each page is a full load from the page cache,
    // with no client router and no RSC prefetches, which keeps pages small for weak connections
    // (docs/decisions/0008).
    files: ["app/(public)/**/*.tsx", "app/global-not-found.tsx", "pages/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // Routes and components reach data through lib/features/*: never the database module itself.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "pages/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/db", "@/lib/db/*", "@/lib/generated/prisma/client", "@prisma/*", "pg"],
              message: "Read and write through lib/features/<domain> (queries, mutations, actions); the database stays in the data layer.",
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read once and validated (lib/env-schema.ts readEnv, lib/server/env.ts env).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "pages/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/env-schema.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through readEnv() (lib/env-schema.ts) or env (lib/server/env.ts), where it is validated." },
      ],
    },
  },
  {
    // SQL in tagged templates ($queryRaw`...`, sql`...`) gets the template's cooked text, where an
    // unknown escape loses its backslash: '\s+' reached PostgreSQL as 's+' and the self check-in
    // stopped matching every village with an "s" in its name. Write POSIX classes ([[:space:]]).
    files: ["**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TaggedTemplateExpression > TemplateLiteral > TemplateElement[value.raw=/\\\\[a-mo-qsvwyzA-Z.]/]",
          message: "A backslash escape such as \\s, \\d or \\. in a tagged template loses its backslash (\\n, \\t still work); in SQL use POSIX classes such as [[:space:]] or [[:digit:]].",
        },
      ],
    },
  },
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".postgres/**", "playwright-report/**", "test-results/**", "prisma/unref-wasm-timers.cjs"] },
];
export default config;
