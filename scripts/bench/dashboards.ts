/**
 * `npm run bench` (= bench:dashboards): the oversight dashboards at national scale.
 *
 * Needs a production build with the bench routes (`NEXT_PUBLIC_BENCH_ROUTES=1 npx next build`) and the scale database (`npm run seed:scale`).
 * Starts the production server as `npm start` does (scripts/serve.mjs: `next start` once per CPU,
 * WEB_CONCURRENCY) on BENCH_PORT (default 3204) against SCALE_DATABASE_URL or the `<db>_scale`
 * sibling of DATABASE_URL, signs in as the generator's national, Kanwil and office accounts, then
 * runs autocannon with 10 connections on each dashboard and on a hello-world page rendered per
 * request (the baseline, measured in the same run, before and after), each after 3 s of the same
 * load that is not counted (BENCH_WARM_UP_SECONDS) and after every target has had such 3 s
 * first, and times the national
 * XLSX and PDF reports. Prints p95 latencies and the throughput ratio to the baseline.
 * Goals: every dashboard p95 < 150 ms; national XLSX < 10 s.
 */
import "dotenv/config";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { databaseName, isLocalDatabaseUrl, withDatabase } from "../lib/db-url";

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3204);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
/** Seconds of the same load before each measurement, not counted (BENCH_WARM_UP_SECONDS). */
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const PASSWORD = "demo12345";

function scaleUrl(): string {
  if (process.env.SCALE_DATABASE_URL) return process.env.SCALE_DATABASE_URL;
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Set DATABASE_URL (its <db>_scale sibling is used) or SCALE_DATABASE_URL");
  return withDatabase(base, `${databaseName(base)}_scale`);
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/bench/hello`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not start in time");
}

/** Signs in through next-auth's credentials flow; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  keep(csrf);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

type Result = { name: string; rps: number; p50: number; p95: number; p99: number; requests: number; non2xx: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function run(path: string, duration: number, cookie: string | undefined, onResponse?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${BASE}${path}`, connections: CONNECTIONS, duration, headers: cookie ? { cookie } : {} },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

async function load(name: string, path: string, cookie?: string): Promise<Result> {
  // Steady state, as on a server that has been running: every worker has its connections, query
  // plans and, above all, V8's optimised code for this page. Twenty requests were not enough: the
  // first target measured then paid for the compiler, and the baseline was faster after than before.
  if (WARM_UP > 0) await run(path, WARM_UP, cookie);
  const latencies: number[] = [];
  const result = await run(path, DURATION, cookie, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return {
    name,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function timeDownload(path: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: Math.round(performance.now() - started), bytes };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `NEXT_PUBLIC_BENCH_ROUTES=1 npx next build` first");
  const dbUrl = scaleUrl();
  if (!isLocalDatabaseUrl(dbUrl)) throw new Error("the scale database must be local");
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-bench-only-secret-0123456789",
      NEXTAUTH_URL: BASE,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(Date.now() + 60_000);
    const national = await signIn("ditjen@scale.imigrasi.go.id");
    const kanwil = await signIn("kanwil.33@scale.imigrasi.go.id");
    const office = await signIn("admin.skala-33-1@scale.imigrasi.go.id");
    const year = new Date().getUTCFullYear();

    const targets: [name: string, path: string, cookie?: string][] = [
      ["dashboard national, this year", "/portal/dasbor", national],
      ["dashboard Kanwil Jawa Tengah, this year", "/portal/dasbor", kanwil],
      ["dashboard office, this year", "/portal/dasbor", office],
      ["dashboard national, a quarter, one province", `/portal/dasbor?period=quarter&year=${year - 1}&quarter=2&province=35`, national],
    ];
    // The whole server warm before anything is measured: otherwise the first target measured
    // pays for what the later ones find ready (compiled code, loaded modules).
    if (WARM_UP > 0) for (const [, path, cookie] of [["", "/bench/hello"] as const, ...targets]) await run(path, WARM_UP, cookie);
    const results: Result[] = [];
    results.push(await load("hello (baseline, before)", "/bench/hello"));
    for (const [name, path, cookie] of targets) results.push(await load(name, path, cookie));
    results.push(await load("hello (baseline, after)", "/bench/hello"));

    const baseline = (results[0]!.rps + results[results.length - 1]!.rps) / 2;
    console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s each after ${WARM_UP} s not counted, production build, scale database`);
    console.log("| target | req/s | ratio to hello | p50 ms | p95 ms | p99 ms | requests | non-2xx |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(`| ${r.name} | ${r.rps.toFixed(1)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.requests} | ${r.non2xx + r.errors} |`);
    }

    const downloads = [
      ["national XLSX, a quarter", `/api/laporan?level=national&period=quarter&year=${year - 1}&quarter=4&format=xlsx`],
      ["national XLSX, a month", `/api/laporan?level=national&period=month&year=${year - 1}&month=12&format=xlsx`],
      ["national PDF, a quarter", `/api/laporan?level=national&period=quarter&year=${year - 1}&quarter=4&format=pdf`],
    ] as const;
    console.log("\n| report | status | ms | bytes |");
    console.log("|---|---:|---:|---:|");
    for (const [name, path] of downloads) {
      const d = await timeDownload(path, national);
      console.log(`| ${name} | ${d.status} | ${d.ms} | ${d.bytes} |`);
    }
    const dashboards = results.filter((r) => r.name.startsWith("dashboard"));
    const worst = Math.max(...dashboards.map((r) => r.p95));
    const failed = results.some((r) => r.non2xx + r.errors > 0);
    console.log(`\nworst dashboard p95: ${worst} ms (goal < 150 ms)${failed ? "; some requests failed" : ""}`);
  } finally {
    stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
