/**
 * `npm run bench` (= bench:dashboards): the signed-in portal at national scale (issues 6 and 19).
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
 * Targets besides the dashboards: the village and session lists (national), a session page with
 * about 1,000 named attendees (signed in as its office's admin) and a signed-in page with no data
 * (/portal/bench/empty: the portal shell alone, a bench route like the hello page).
 * The hello page is measured before the first target and after each, and every target's ratio
 * is to the mean of the two hello runs around it. Also printed: the server's CPU time per request
 * (all its processes, from /proc), which other work on the machine barely moves, and the same
 * ratio by CPU (what the throughput ratio would be if the server had the cores to itself). BENCH_ONLY=<regexp of target names> measures
 * a subset. Goals (issue 19), each printed as holds / MISSED: every data page p95 < 150 ms; the national
 * whole-year dashboard >= 0.5 of the hello page's throughput; the empty signed-in page >= 0.8;
 * national XLSX < 10 s.
 */
import "dotenv/config";
import { autocannonRun, groupCpuSeconds, sessionWithAbout, startScaleServer } from "./scale-server";
import { percentile, signIn } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3204);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
/** autocannon on the bench server, CONNECTIONS at once. */
const run = (path: string, duration: number, cookie?: string, onResponse?: (ms: number) => void) =>
  autocannonRun(`${BASE}${path}`, { connections: CONNECTIONS, duration, cookie, onResponse });
/** Seconds of the same load before each measurement, not counted (BENCH_WARM_UP_SECONDS). */
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const PASSWORD = "demo12345";




type Result = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU time of the server's processes (primary and workers) per request, ms. */
  cpuMs: number;
};

/** The server's process group (serve.mjs runs detached), whose CPU time is counted. */
let serverGroup = 0;
const serverCpuSeconds = () => groupCpuSeconds(serverGroup);

async function load(name: string, path: string, cookie?: string): Promise<Result> {
  // Steady state, as on a server that has been running: every worker has its connections, query
  // plans and, above all, V8's optimised code for this page. Twenty requests were not enough: the
  // first target measured then paid for the compiler, and the baseline was faster after than before.
  if (WARM_UP > 0) await run(path, WARM_UP, cookie);
  const latencies: number[] = [];
  const cpuBefore = serverCpuSeconds();
  const result = await run(path, DURATION, cookie, (ms) => latencies.push(ms));
  const cpuMs = ((serverCpuSeconds() - cpuBefore) * 1000) / Math.max(1, result.requests.total);
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
    cpuMs,
  };
}

async function timeDownload(path: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: Math.round(performance.now() - started), bytes };
}

const NATIONAL = "dashboard national, this year";
const EMPTY = "signed-in page, no data";


async function main() {
  const server = await startScaleServer(PORT);
  const dbUrl = server.dbUrl;
  serverGroup = server.pid;
  try {
    const national = await signIn("ditjen@scale.imigrasi.go.id", PASSWORD, BASE);
    const kanwil = await signIn("kanwil.33@scale.imigrasi.go.id", PASSWORD, BASE);
    const office = await signIn("admin.skala-33-1@scale.imigrasi.go.id", PASSWORD, BASE);
    const year = new Date().getUTCFullYear();
    const big = await sessionWithAbout(dbUrl, 1000);
    const bigOffice = await signIn(big.admin, PASSWORD, BASE);

    const every: [name: string, path: string, cookie?: string][] = [
      [EMPTY, "/portal/bench/empty", office],
      [NATIONAL, "/portal/dasbor", national],
      ["dashboard Kanwil Jawa Tengah, this year", "/portal/dasbor", kanwil],
      ["dashboard office, this year", "/portal/dasbor", office],
      ["dashboard national, a quarter, one province", `/portal/dasbor?period=quarter&year=${year - 1}&quarter=2&province=35`, national],
      ["village list, national", "/portal/desa", national],
      ["session list, national", "/portal/kegiatan", national],
      [`session page, ${big.attendees} attendees`, `/portal/kegiatan/${big.id}`, bigOffice],
    ];
    // BENCH_ONLY: a regular expression of target names, to measure a few while working on them.
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
    const targets = every.filter(([name]) => !only || only.test(name));
    // The whole server warm before anything is measured: otherwise the first target measured
    // pays for what the later ones find ready (compiled code, loaded modules).
    if (WARM_UP > 0) for (const [, path, cookie] of [["", "/bench/hello"] as const, ...targets]) await run(path, WARM_UP, cookie);
    // The hello page is measured between every two targets, and each target's ratio is to the
    // mean of the hello runs on either side of it: on a shared machine the hello page itself drifts
    // (issue 19 saw 285 -> 424 req/s within one run), and a neighbour's build can halve everything
    // for a minute.
    const hellos: Result[] = [await load("hello", "/bench/hello")];
    const results: (Result & { hello: number; helloCpuMs: number })[] = [];
    for (const [name, path, cookie] of targets) {
      const result = await load(name, path, cookie);
      hellos.push(await load("hello", "/bench/hello"));
      const [before, after] = hellos.slice(-2) as [Result, Result];
      results.push({ ...result, hello: (before.rps + after.rps) / 2, helloCpuMs: (before.cpuMs + after.cpuMs) / 2 });
    }

    console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s each after ${WARM_UP} s not counted, production build, scale database`);
    console.log(
      "| target | req/s | hello req/s (runs before and after) | ratio to hello | server CPU ms/request | hello's | CPU ratio (hello's / target's) | p50 ms | p95 ms | p99 ms | requests | non-2xx |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(
        `| ${r.name} | ${r.rps.toFixed(1)} | ${r.hello.toFixed(1)} | ${(r.rps / r.hello).toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${r.helloCpuMs.toFixed(2)} | ${(r.helloCpuMs / r.cpuMs).toFixed(2)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.requests} | ${r.non2xx + r.errors} |`,
      );
    }
    const h = hellos.map((r) => r.rps);
    console.log(`hello page: ${Math.min(...h).toFixed(1)}-${Math.max(...h).toFixed(1)} req/s over the run, p95 ${Math.min(...hellos.map((r) => r.p95)).toFixed(0)}-${Math.max(...hellos.map((r) => r.p95)).toFixed(0)} ms`);

    const downloads = [
      ["national XLSX, a quarter", `/api/laporan?level=national&period=quarter&year=${year - 1}&quarter=4&format=xlsx`],
      ["national XLSX, a month", `/api/laporan?level=national&period=month&year=${year - 1}&month=12&format=xlsx`],
      ["national PDF, a quarter", `/api/laporan?level=national&period=quarter&year=${year - 1}&quarter=4&format=pdf`],
    ] as const;
    console.log("\n| report | status | ms | bytes |");
    console.log("|---|---:|---:|---:|");
    for (const [name, path] of only ? [] : downloads) {
      const d = await timeDownload(path, national);
      console.log(`| ${name} | ${d.status} | ${d.ms} | ${d.bytes} |`);
    }
    const ratio = (name: string) => {
      const r = results.find((x) => x.name === name);
      return r ? r.rps / r.hello : NaN;
    };
    const goals: [goal: string, holds: boolean][] = results
      .filter((r) => r.name !== EMPTY)
      .map((r) => [`${r.name}: p95 ${r.p95.toFixed(0)} ms < 150 ms`, r.p95 < 150]);
    if (!Number.isNaN(ratio(NATIONAL))) goals.push([`${NATIONAL}: ${ratio(NATIONAL).toFixed(2)} of hello >= 0.5`, ratio(NATIONAL) >= 0.5]);
    if (!Number.isNaN(ratio(EMPTY))) goals.push([`${EMPTY}: ${ratio(EMPTY).toFixed(2)} of hello >= 0.8`, ratio(EMPTY) >= 0.8]);
    const failed = [...results, ...hellos].filter((r) => r.non2xx + r.errors > 0);
    goals.push([`every response 2xx${failed.length ? ` (not: ${failed.map((r) => r.name).join(", ")})` : ""}`, failed.length === 0]);
    console.log("\n| goal | holds |\n|---|---|");
    for (const [goal, holds] of goals) console.log(`| ${goal} | ${holds ? "holds" : "MISSED"} |`);
    console.log(`\n${goals.filter(([, h]) => h).length} of ${goals.length} goals hold`);
  } finally {
    server.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
