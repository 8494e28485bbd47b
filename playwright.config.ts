import { defineConfig } from "@playwright/test";

/**
 * e2e against the production build, served by `npm start`'s own script, so these tests also
 * cover the way the portal is really started (migrations, seed check, build-if-stale).
 * `npm test` prepares the database and passes it as E2E_DATABASE_URL.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    "E2E_DATABASE_URL is not set. Run the e2e tests through `npm test`, which creates, migrates and seeds " +
      "a throw-away database for them.",
  );
}
// `npm test` picks a port nobody listens on (or takes E2E_PORT); the config is read again by every
// worker, so the choice is made once, outside it. scripts/start.ts refuses a port that is taken, so
// the specs never run against a server that was already there.
const PORT = Number(process.env.E2E_PORT);
if (!Number.isInteger(PORT) || PORT <= 0) {
  throw new Error("E2E_PORT is not set. Run the e2e tests through `npm test`, or set E2E_PORT to a free port.");
}
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  workers: 2,
  // A spec signs in (argon2) several times and renders production pages on two busy cores.
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's chromium: `npx playwright install` cannot download browsers here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    // scripts/start.ts prints this once `next start` answers; a URL check would stall on a 404 home page
    wait: { stdout: /Portal ready at/ },
    // a cold `next build` on two cores takes a few minutes, more while vitest or a second suite runs
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      NEXTAUTH_URL: BASE_URL,
      APP_URL: BASE_URL,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // The e2e database holds the demo data and its shared logins: no second factor is required
      // of them (lib/features/accounts/pending.ts); the accounts spec enrols one anyway.
      DEMO_MODE: "1",
      ...(process.env.WEB_CONCURRENCY ? { WEB_CONCURRENCY: process.env.WEB_CONCURRENCY } : {}),
    },
  },
});
