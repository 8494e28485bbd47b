/**
 * `npm run bench:villages`: village search and the village list under load, on the production
 * build, with all regions of Indonesia and 2,000 desa binaan.
 *
 * 1. (Re)creates a dedicated local database (`<DATABASE_URL's db>_bench`, default villages_bench),
 *    migrates it, seeds regions and the demo accounts, and adds 2,000 desa binaan spread over the
 *    demo offices' work areas, each with a timeline row and a liaison contact.
 * 2. Times the search's SQL alone, in-process (scripts/bench/search-query.ts): 1 and 10 concurrent
 *    callers, in both forms of its statement (the page's and the endpoint's).
 * 3. Starts the production build (`scripts/start.ts`, which builds if the sources changed), signs
 *    in through next-auth's credentials callback and drives it with autocannon at 10 connections:
 *    the search endpoint GET /api/desa/cari (the registration type-ahead; also at 4 requests/s
 *    per connection, the most a debounced combobox sends) and the registration search page, both
 *    with varied terms (scripts/bench/terms.ts), the list page (office admin,
 *    national), a static page (the floor: the cheapest answer this server gives) and the portal
 *    home (a plain signed-in render).
 * Prints p50/p95/p99 per scenario, the CPU each request cost the Next server and PostgreSQL
 * (from /proc, Linux; less disturbed by other load on a shared machine than latency), and whether
 * each target holds. Not a test: figures vary by machine and by what else it runs.
 *
 * Options (environment): BENCH_DATABASE_URL, BENCH_PORT (3201), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3,
 * unmeasured load before each scenario), BENCH_VILLAGES (2000).
 */
import "dotenv/config";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD } from "@/lib/seed";
import { fail, onShutdown, runMain } from "../lib/cli";
import { databaseName, isLocalDatabaseUrl, withDatabase } from "../lib/db-url";
import { applyMigrations } from "../lib/migrate";
import { run, stopChild } from "../lib/processes";
import { seedDatabase } from "../lib/seed";
import { SEARCH_TERMS } from "./terms";

const log = (msg: string) => console.log(`▸ ${msg}`);
const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3201);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 2000);
const BASE = `http://127.0.0.1:${PORT}`;
const AUTH_SECRET = "bench-only-secret-bench-only-secret-0123456789";


function benchDatabaseUrl(): string {
  const explicit = process.env.BENCH_DATABASE_URL;
  if (explicit) return explicit;
  const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/villages";
  return withDatabase(base, `${databaseName(base).replace(/_(vitest|e2e|dev)$/, "")}_bench`);
}

async function recreateDatabase(url: string) {
  if (!isLocalDatabaseUrl(url)) fail("The benchmark drops and recreates its database: give it a local one.");
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const name = `"${databaseName(url).replaceAll('"', '""')}"`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** 2,000 desa binaan in one statement per table: random free villages of the offices' work areas. */
async function seedBenchVillages(url: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const inserted = await client.query(
      `WITH picked AS (
         SELECT DISTINCT ON (v.code) v.code, w.office_id
         FROM village v JOIN office_regency w ON w.regency_code = v.regency_code
         WHERE NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
       ), numbered AS (
         SELECT code, office_id, row_number() OVER (ORDER BY md5(code)) AS rn FROM picked
       )
       INSERT INTO desa_binaan (id, village_code, office_id, stage, stage_changed_at, selection_reason,
                                migrant_worker_count, is_desa_migran_emas, is_desmigratif, updated_at)
       SELECT gen_random_uuid(), code, office_id,
              (enum_range(NULL::village_stage))[1 + (rn % 6)::int], now() - (rn || ' days')::interval,
              'Data uji beban', (rn * 37 % 500)::int, rn % 7 = 0, rn % 11 = 0, now()
       FROM numbered WHERE rn <= $1
       RETURNING id`,
      [count],
    );
    await client.query(
      `INSERT INTO desa_binaan_stage_change (id, desa_binaan_id, from_stage, to_stage, effective_on)
       SELECT gen_random_uuid(), id, NULL, stage, stage_changed_at::date FROM desa_binaan WHERE selection_reason = 'Data uji beban'`,
    );
    await client.query(
      `INSERT INTO contact (id, desa_binaan_id, name, role, active_from, updated_at)
       SELECT gen_random_uuid(), id, 'Narahubung Uji', 'KEPALA_DESA', stage_changed_at::date, now()
       FROM desa_binaan WHERE selection_reason = 'Data uji beban'`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return inserted.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

function startServer(url: string): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: url, PORT: String(PORT), AUTH_SECRET, NEXTAUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", NEXT_PUBLIC_BENCH_ROUTES: "1" };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  onShutdown(() => stopChild(child));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
      if (out.includes("Portal ready at")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the server stopped (exit ${code}) before it was ready`)));
  });
}

/** next-auth v4 credentials sign-in: csrf token and cookie, then the callback; returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true", callbackUrl: `${BASE}/portal` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) fail(`sign-in as ${email} failed (${res.status})`);
  const check = await fetch(`${BASE}/portal/desa`, { headers: { cookie: cookie() }, redirect: "manual" });
  if (check.status !== 200) fail(`signed in as ${email} but /portal/desa answered ${check.status}`);
  return cookie();
}

/** Clock ticks per second of /proc's CPU times. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Every process's parent and CPU time (user + system, ticks), from /proc; empty off Linux. */
function processTable(): Map<number, { ppid: number; ticks: number; cmd: string }> {
  const table = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  if (process.platform !== "linux") return table;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // after "pid (comm) ": state ppid ... utime (14th field) stime (15th)
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      table.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmd });
    } catch {
      // the process ended while being read
    }
  }
  return table;
}

type CpuSnapshot = { server: Map<number, number>; postgres: Map<number, number> };

/** CPU ticks so far per process: the server's whole process tree, and the bench database's backends. */
function cpuNow(serverPid: number, database: string): CpuSnapshot | null {
  const table = processTable();
  if (table.size === 0) return null;
  const server = new Map<number, number>();
  const pending = [serverPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (server.has(pid)) continue;
    server.set(pid, table.get(pid)?.ticks ?? 0);
    for (const [child, row] of table) if (row.ppid === pid) pending.push(child);
  }
  // PostgreSQL titles its backends "postgres: [<cluster>: ]<user> <database> <client> <state>".
  const postgres = new Map<number, number>();
  for (const [pid, row] of table) if (/^postgres: (?:\S+: )?\S+ (\S+) /.exec(row.cmd)?.[1] === database) postgres.set(pid, row.ticks);
  return { server, postgres };
}

/**
 * CPU milliseconds spent between two snapshots, per process still alive at the end (a backend the
 * pool closed meanwhile takes its ticks with it: the figure can only be an undercount).
 */
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += Math.max(0, now - (before.get(pid) ?? 0));
  return (ticks * 1000) / CLK_TCK;
}

type Figures = {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  rps: number;
  /** CPU milliseconds per request: the Next server's and PostgreSQL's (null off Linux). */
  cpu: { server: number; postgres: number } | null;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** autocannon at 10 connections; p95 computed from every response time (autocannon reports no p95). */
/** 10 connections over `paths` in turn for `seconds`; each response time goes to `onResponse`. */
function drive(cookie: string, paths: string[], seconds: number, connectionRate?: number, onResponse?: (ms: number) => void) {
  let i = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: 10,
        duration: seconds,
        headers: { cookie },
        ...(connectionRate ? { connectionRate } : {}),
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

async function load(name: string, cookie: string, paths: string[], options: { connectionRate?: number } = {}): Promise<Figures> {
  // Unmeasured first: a route's first thousand requests run colder code (JIT) and cost about
  // half as much CPU again as the ones after.
  await drive(cookie, paths, WARMUP_SECONDS);
  const times: number[] = [];
  const cpuBefore = cpuNow(serverPid, benchDatabase);
  const result = await drive(cookie, paths, SECONDS, options.connectionRate, (ms) => times.push(ms));
  const cpuAfter = cpuNow(serverPid, benchDatabase);
  times.sort((a, b) => a - b);
  const figures: Figures = {
    requests: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    rps: result.requests.average,
    cpu:
      cpuBefore && cpuAfter && times.length > 0
        ? {
            server: cpuSpent(cpuBefore.server, cpuAfter.server) / times.length,
            postgres: cpuSpent(cpuBefore.postgres, cpuAfter.postgres) / times.length,
          }
        : null,
  };
  log(`${name}: ${JSON.stringify(figures)}`);
  return figures;
}

// The server's process and the database's name, for CPU accounting (set once the server is up).
let serverPid = 0;
let benchDatabase = "";

/** The endpoint answers JSON with villages, and refuses what it should, before it is timed. */
async function checkEndpoint(cookie: string) {
  const ok = await fetch(`${BASE}/api/desa/cari?q=Cemeng`, { headers: { cookie } });
  const body = (await ok.json()) as { results?: { code: string }[] };
  if (ok.status !== 200 || !body.results?.some((r) => r.code === "33.14.07.2003")) {
    fail(`GET /api/desa/cari?q=Cemeng answered ${ok.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  if (ok.headers.get("cache-control") !== "private, no-store") fail("GET /api/desa/cari is not Cache-Control: private, no-store");
  const anonymous = await fetch(`${BASE}/api/desa/cari?q=Cemeng`);
  if (anonymous.status !== 401) fail(`GET /api/desa/cari without a session answered ${anonymous.status}, not 401`);
}

runMain(async () => {
  const url = benchDatabaseUrl();
  benchDatabase = databaseName(url);
  log(`database ${databaseName(url)} (dropped and recreated)`);
  await recreateDatabase(url);
  log(`migrations: ${await applyMigrations(url)}`);
  log(await seedDatabase(url, { demo: true, prefix: "  " }));
  log(`desa binaan added: ${await seedBenchVillages(url, VILLAGES)}`);

  log("search data layer, in-process, 10 concurrent callers");
  const query = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/search-query.ts"],
    { env: { ...process.env, DATABASE_URL: url }, quiet: true },
  );
  const queryLine = query.output.trim().split("\n").pop() ?? "";
  if (query.code !== 0) fail(`search-query failed:\n${query.output}`);
  type QueryFigures = { p50: number; p95: number; p99: number; calls: number; serialP50: number; serialP95: number; serialP99: number };
  const sql = JSON.parse(queryLine) as { page: QueryFigures; endpoint: QueryFigures };
  log(`search SQL alone: ${queryLine}`);

  const server = await startServer(url);
  serverPid = server.pid!;
  const admin = await signIn("admin.surakarta@demo.imigrasi.go.id");
  const national = await signIn("ditjen@demo.imigrasi.go.id");
  await checkEndpoint(admin);
  // Warm up the routes once (first render compiles nothing in production, but fills caches).
  for (const path of ["/portal/desa", "/portal/desa/baru?q=Cemeng", "/api/desa/cari?q=Cemeng", "/bench-baseline"]) {
    await fetch(`${BASE}${path}`, { headers: { cookie: admin } });
  }

  const endpoint = await load(
    "search endpoint GET /api/desa/cari (office admin)",
    admin,
    SEARCH_TERMS.map((q) => `/api/desa/cari?q=${encodeURIComponent(q)}`),
  );
  // The same 10 connections at the most a debounced combobox can send (one request per 250 ms
  // pause): 10 people typing, rather than 10 clients that never wait.
  const typing = await load(
    "search endpoint, 10 users typing (4 req/s each)",
    admin,
    SEARCH_TERMS.map((q) => `/api/desa/cari?q=${encodeURIComponent(q)}`),
    { connectionRate: 4 },
  );
  const searchPage = await load(
    "search page (office admin)",
    admin,
    SEARCH_TERMS.map((q) => `/portal/desa/baru?q=${encodeURIComponent(q)}`),
  );
  const listAdmin = await load("list page (office admin)", admin, [
    "/portal/desa",
    "/portal/desa?page=2",
    "/portal/desa?sort=stage&dir=desc",
    "/portal/desa?q=sari",
    "/portal/desa?stage=MENTORING",
  ]);
  const listNational = await load("list page (national, all 2,000)", national, [
    "/portal/desa",
    "/portal/desa?page=40",
    "/portal/desa?sort=office",
    "/portal/desa?q=jaya",
    "/portal/desa?migranEmas=1&sort=stageChangedAt&dir=desc",
  ]);
  const baseline = await load("baseline: portal home (office admin)", admin, ["/portal"]);
  const floor = await load("floor: a static page", admin, ["/bench-baseline"]);
  const loadAverage = os.loadavg();
  await stopChild(server);

  const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
  const ms = (n: number) => n.toFixed(1).padStart(5);
  const percentiles = (f: { p50: number; p95: number; p99: number }) => `p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  p99 ${ms(f.p99)} ms`;
  const cpu = (f: Figures) => (f.cpu ? `  CPU/request: server ${f.cpu.server.toFixed(2)} ms, PostgreSQL ${f.cpu.postgres.toFixed(2)} ms` : "");
  // The machine is shared and noisy: ratios to pages measured in the same run (a plain signed-in
  // render; the cheapest answer the server gives) say more about a feature's own cost.
  const ratio = (f: Figures, to: Figures, what: string) => `${(f.p95 / to.p95).toFixed(2)}x ${what}`;
  const http = (label: string, f: Figures, goal: number) =>
    console.log(
      `  ${label.padEnd(34)} ${percentiles(f)}  ${verdict(f.p95 < goal)} p95 < ${goal} ms` +
        `  (${f.rps} req/s, ${ratio(f, baseline, "portal home")}, ${ratio(f, floor, "static page")})${cpu(f)}`,
    );
  const inProcess = (label: string, f: QueryFigures) => {
    console.log(`  ${label.padEnd(34)} 1 caller:   p50 ${ms(f.serialP50)}  p95 ${ms(f.serialP95)}  p99 ${ms(f.serialP99)} ms  ${verdict(f.serialP95 < 50)} p95 < 50 ms`);
    console.log(`  ${"".padEnd(34)} 10 callers: ${percentiles(f)}  ${verdict(f.p95 < 50)} p95 < 50 ms  (${f.calls} calls)`);
  };
  console.log(`\nVillage benchmark (production build, 10 connections, ${SECONDS} s each, ${VILLAGES} desa binaan)`);
  console.log("  Search, the SQL alone (in-process, no HTTP):");
  inProcess("endpoint's statement (user re-read)", sql.endpoint);
  inProcess("page's statement (office given)", sql.page);
  console.log("  Over HTTP, 10 connections, varied terms:");
  http("search endpoint GET /api/desa/cari", endpoint, 50);
  http("  the same, 10 users typing (4/s each)", typing, 50);
  http("search page /portal/desa/baru?q=", searchPage, 50);
  http("list page, office admin", listAdmin, 150);
  http("list page, national", listNational, 150);
  console.log(`  ${"baseline: portal home".padEnd(34)} ${percentiles(baseline)}  (${baseline.rps} req/s)${cpu(baseline)}`);
  console.log(`  ${"floor: static page".padEnd(34)} ${percentiles(floor)}  (${floor.rps} req/s)${cpu(floor)}`);
  console.log(`  machine load average at the end: ${loadAverage.map((l) => l.toFixed(2)).join(", ")} (${os.cpus().length} cores)`);
  console.log(
    `  Search endpoint goal (p95 < 50 ms at 10 connections): ${endpoint.p95 < 50 ? "HOLDS" : "DOES NOT HOLD"} in this run` +
      ` (10 users typing: ${typing.p95 < 50 ? "holds" : "does not hold"}).`,
  );
  const errors = endpoint.non2xx + typing.non2xx + searchPage.non2xx + listAdmin.non2xx + listNational.non2xx + baseline.non2xx + floor.non2xx;
  if (errors > 0) fail(`${errors} responses were not 2xx`);
  return 0;
});
