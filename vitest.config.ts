import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "dotenv";
import { defineConfig } from "vitest/config";

// No relative imports here: Vite's coming native config loader cannot follow extensionless ones.

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The database the test workers get. `npm test` prepares one and says so; a direct
 * `npx vitest` uses the `<db>_vitest` sibling of DATABASE_URL (environment or .env) that the
 * last `npm test` created, so it never writes to the development database.
 * tests/setup/global-setup.ts refuses it unless it is local.
 */
function vitestDatabaseUrl(): string | undefined {
  if (process.env.TEST_DATABASE_PREPARED === "1") return process.env.DATABASE_URL;
  const base = process.env.DATABASE_URL ?? (existsSync(".env") ? parse(readFileSync(".env")).DATABASE_URL : undefined);
  if (!base) return undefined;
  const url = new URL(base);
  if (!/_(vitest|test)$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, "") || "/postgres"}_vitest`;
  return url.toString();
}

const databaseUrl = vitestDatabaseUrl();

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // the real package throws outside a Server Components bundle (see the stub)
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty-module.ts") },
    ],
  },
  test: {
    // Component tests opt in per file with `// @vitest-environment jsdom`.
    environment: "node",
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/.next/**", "tests/e2e/**", ".postgres/**", "lib/generated/**"],
    // child processes rather than worker threads: the most compatible choice for native addons (argon2)
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : {},
    // integration tests talk to a real database, on a machine that may be busy
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});
