/**
 * `npm start`: one command from a fresh clone to a running portal.
 *
 * Without DATABASE_URL it starts an embedded PostgreSQL 17 (the server's own binaries from the npm
 * registry, data in .postgres/demo) as a child of this process and seeds demo data, so a
 * reviewer needs nothing but Node. With DATABASE_URL it checks that database instead. Either
 * way it applies migrations, seeds regions, builds if the sources changed and serves the
 * production build, one instance per CPU (scripts/serve.mjs).
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { envSchema, formatEnvError } from "@/lib/env-schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed";
import { fail, onShutdown, runMain, seconds } from "./lib/cli";
import { assertDatabaseReachable } from "./lib/db-check";
import { describeDatabase } from "./lib/db-url";
import { DEFAULT_EMBEDDED_PORT, DEMO_DB_NAME, EMBEDDED_ROOT, freePort, startEmbeddedDb } from "./lib/embedded-db";
import { applyMigrations } from "./lib/migrate";
import { ensureBuild } from "./lib/next-build";
import { startChild, stopChild, type Env } from "./lib/processes";
import { seedDatabase } from "./lib/seed";

const DEFAULT_PORT = 3000;
const AUTH_SECRET_FILE = path.join(EMBEDDED_ROOT, "auth-secret");
const READY_TIMEOUT_MS = 120_000;

const log = (msg: string) => console.log(`▸ ${msg}`);

runMain(async () => {
  const started = performance.now();
  const embedded = !process.env.DATABASE_URL;
  const env: Env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (embedded) {
    env.DEMO_MODE = "1";
    env.AUTH_SECRET ??= persistentAuthSecret();
  }
  const { hostname, port } = await listenAddress(env);
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
  // Shared demo logins sign in without a second factor (lib/features/accounts/pending.ts).
  if (demo) env.DEMO_MODE = "1";
  log(await seedDatabase(databaseUrl, { demo, prefix: "  " }));
  const noAccount = (await countAccounts(databaseUrl)) === 0;
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
  if (noAccount) console.log('  No account yet: create the first national admin with  npm run admin:create -- --email you@imigrasi.go.id --name "Your Name"');
  console.log("  Stop with Ctrl+C.\n");
  return exited;
});

async function startEmbedded(env: Env): Promise<string> {
  const started = performance.now();
  log(`no DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(process.cwd(), EMBEDDED_ROOT)}/${DEMO_DB_NAME}`);
  const db = await startEmbeddedDb({ name: DEMO_DB_NAME });
  onShutdown(db.stop);
  env.DATABASE_URL = db.url;
  const moved = db.port === DEFAULT_EMBEDDED_PORT ? "" : ` (port ${DEFAULT_EMBEDDED_PORT} is taken)`;
  log(`embedded PostgreSQL listening on ${describeDatabase(db.url)}${moved} (${seconds(started)})`);
  return db.url;
}

async function countAccounts(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM app_user")).rows[0]!.n);
  } finally {
    await client.end();
  }
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
  mkdirSync(EMBEDDED_ROOT, { recursive: true });
  writeFileSync(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Where to serve. A port someone else listens on is never shared: `next start` could not bind
 * it, and the readiness check below would take the other server's answer for ours (the e2e
 * suite once ran against a stranger that way). An explicit PORT that is taken stops the start;
 * the default 3000, taken, gives way to a free port, and the start says which.
 */
async function listenAddress(env: Env): Promise<{ hostname: string; port: number }> {
  const wanted = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) fail(`PORT must be a port number, got "${env.PORT}".`);
  // Containers export HOSTNAME as the machine's name; only an explicit bind address counts.
  const explicit = env.HOSTNAME && env.HOSTNAME !== os.hostname() ? env.HOSTNAME : undefined;
  const hostname = explicit ?? "127.0.0.1";
  const port = await freePort(wanted, isWildcard(hostname) ? "0.0.0.0" : hostname.replace(/^\[|\]$/g, ""));
  if (port !== wanted) {
    if (env.PORT) fail(`Port ${wanted} on ${hostname} is already in use by another program. Stop it, or choose another PORT.`);
    log(`port ${wanted} is taken; serving on port ${port} instead`);
  }
  env.PORT = String(port);
  return { hostname, port };
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
  if (embedded) console.log(`\n  Demo data lives in ${path.relative(process.cwd(), EMBEDDED_ROOT)}/${DEMO_DB_NAME} (stop, delete the folder, and start again to start over).`);
}
