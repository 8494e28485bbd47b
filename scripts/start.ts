/**
 * `npm start`: one command from a fresh clone to a running portal.
 *
 * Without DATABASE_URL it runs an embedded PostgreSQL (PGlite, data in .pglite/demo) inside
 * this process and seeds demo data, so a reviewer needs nothing but Node. With DATABASE_URL
 * it checks the database, applies migrations, seeds regions, builds if the sources changed
 * and serves the production build, one instance per CPU (scripts/serve.mjs).
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { envSchema, formatEnvError } from "@/lib/env-schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed";
import { fail, onShutdown, runMain, seconds } from "./lib/cli";
import { assertDatabaseReachable } from "./lib/db-check";
import { describeDatabase } from "./lib/db-url";
import { PGLITE_ROOT, startEmbeddedDb } from "./lib/embedded-db";
import { applyMigrations } from "./lib/migrate";
import { ensureBuild } from "./lib/next-build";
import { startChild, stopChild, type Env } from "./lib/processes";
import { seedDatabase } from "./lib/seed";

const EMBEDDED_DB_NAME = "demo";
const AUTH_SECRET_FILE = path.join(PGLITE_ROOT, "auth-secret");
const READY_TIMEOUT_MS = 120_000;

const log = (msg: string) => console.log(`▸ ${msg}`);

runMain(async () => {
  const started = performance.now();
  const embedded = !process.env.DATABASE_URL;
  const env: Env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (embedded) {
    env.DEMO_MODE = "1";
    env.AUTH_SECRET ??= persistentAuthSecret();
    // PGlite is one single-threaded PostgreSQL inside this process: a second server instance
    // would only queue behind it (and the demo needs no load balancing).
    env.WEB_CONCURRENCY ??= "1";
    env.EMBEDDED_DATABASE = "1";
  }
  const { hostname, port } = listenAddress(env);
  env.NEXTAUTH_URL ??= env.APP_URL ?? `http://${browserHost(hostname)}:${port}`;
  // Checked before anything starts, with a stand-in URL when the embedded database will provide one.
  validateEnv({ ...env, DATABASE_URL: env.DATABASE_URL ?? "postgresql://embedded" });

  const databaseUrl = embedded ? await startEmbedded(env) : env.DATABASE_URL!;
  if (!embedded) {
    await assertDatabaseReachable(databaseUrl);
    log(`database ${describeDatabase(databaseUrl)} reachable`);
  }
  log(`migrations: ${await applyMigrations(databaseUrl, env)}`);
  const demo = embedded || env.SEED_DEMO === "1";
  log(await seedDatabase(databaseUrl, { demo, prefix: "  " }));
  await ensureBuild(env, log);

  // `next start` once per CPU (WEB_CONCURRENCY), all on this port: scripts/serve.mjs.
  const next = startChild(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", hostname], env);
  onShutdown(() => stopChild(next));
  const exited = new Promise<number>((resolve) => next.once("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  const url = `http://${browserHost(hostname)}:${port}`;
  const ready = await Promise.race([waitForHttp(`http://${probeHost(hostname)}:${port}/`), exited.then(() => false)]);
  if (!ready) fail("The server stopped before serving a page (output above).");

  // Playwright's webServer waits for this exact line (playwright.config.ts).
  console.log(`\n✔ Portal ready at ${url} (${seconds(started)} since npm start)`);
  if (env.DEMO_MODE === "1") printDemoAccounts(embedded);
  console.log("  Stop with Ctrl+C.\n");
  return exited;
});

async function startEmbedded(env: Env): Promise<string> {
  log(`no DATABASE_URL: starting the embedded PostgreSQL (PGlite) in .pglite/${EMBEDDED_DB_NAME}`);
  const db = await startEmbeddedDb({ name: EMBEDDED_DB_NAME });
  onShutdown(db.stop);
  env.DATABASE_URL = db.url;
  log(`embedded database listening on ${describeDatabase(db.url)}`);
  return db.url;
}

function validateEnv(env: Env): void {
  const result = envSchema.safeParse(env);
  if (!result.success) fail(`Invalid configuration: ${formatEnvError(result.error)}`);
}

/** Kept across restarts so demo sessions survive them; never used when AUTH_SECRET is set. */
function persistentAuthSecret(): string {
  if (existsSync(AUTH_SECRET_FILE)) {
    const saved = readFileSync(AUTH_SECRET_FILE, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(PGLITE_ROOT, { recursive: true });
  writeFileSync(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function listenAddress(env: Env): { hostname: string; port: number } {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT must be a port number, got "${env.PORT}".`);
  // Containers export HOSTNAME as the machine's name; only an explicit bind address counts.
  const explicit = env.HOSTNAME && env.HOSTNAME !== os.hostname() ? env.HOSTNAME : undefined;
  return { hostname: explicit ?? "127.0.0.1", port };
}

function isWildcard(hostname: string): boolean {
  return hostname === "0.0.0.0" || hostname === "::" || hostname === "[::]";
}

function browserHost(hostname: string): string {
  return isWildcard(hostname) ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
}

function probeHost(hostname: string): string {
  return isWildcard(hostname) ? "127.0.0.1" : browserHost(hostname);
}

/** Any HTTP answer counts: the point is that the server is up, not what / renders. */
async function waitForHttp(url: string): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  fail(`No answer from ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

function printDemoAccounts(embedded: boolean): void {
  const rows = DEMO_ACCOUNTS.map((a) => [a.email, a.role, a.label]);
  const header = ["Email", "Role", "Account"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`.trimEnd();
  console.log(`\n  Demo sign-in accounts, all with the password: ${DEMO_PASSWORD}`);
  console.log(line(header));
  console.log(line(widths.map((w) => "─".repeat(w))));
  for (const row of rows) console.log(line(row));
  if (embedded) console.log("\n  Demo data lives in .pglite/demo (delete the folder to start over).");
}
